/**
 * GNU `wc` (coreutils 9.1): lines, words, bytes in that order, or the ones
 * asked for. Column width as compute_number_width() makes it: one count of
 * one input is printed bare; otherwise the width of the total size of the
 * regular files, at least 7 when one input is a pipe (standard input).
 */
import type { Command } from "../command";
import { readInputs, unsupportedOption } from "./inputs";

type Counter = "l" | "w" | "c";
const ORDER: readonly Counter[] = ["l", "w", "c"];

function counts(text: string): Record<Counter, number> {
  return {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length,
    c: utf8Length(text),
  };
}

/** Bytes of the text in UTF-8, as a file holds it. */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

export const wcCommand: Command = {
  name: "wc",
  run(args, ctx) {
    const chosen = new Set<Counter>();
    const files: string[] = [];
    for (const a of args) {
      if (/^-[lwc]+$/.test(a)) for (const f of a.slice(1)) chosen.add(f as Counter);
      else if (a === "--lines") chosen.add("l");
      else if (a === "--words") chosen.add("w");
      else if (a === "--bytes") chosen.add("c");
      else if (a.startsWith("-") && a !== "-") return unsupportedOption("wc", a, ctx);
      else files.push(a);
    }
    const shown = ORDER.filter((c) => chosen.size === 0 || chosen.has(c));
    const { inputs, failed } = readInputs("wc", files, ctx);
    const rows = inputs.map((input) => ({ name: input.name === "-" && files.length === 0 ? "" : input.name, counts: counts(input.text), pipe: input.name === "-" }));
    let width = 1;
    if (!(shown.length === 1 && rows.length === 1)) {
      const regular = rows.filter((r) => !r.pipe).reduce((sum, r) => sum + r.counts.c, 0);
      width = Math.max(String(regular).length, rows.some((r) => r.pipe) ? 7 : 1);
    }
    const line = (c: Record<Counter, number>, name: string): string =>
      shown.map((k, i) => `${i > 0 ? " " : ""}${String(c[k]).padStart(width)}`).join("") + (name ? ` ${name}` : "") + "\n";
    for (const row of rows) ctx.stdout.write(line(row.counts, row.name));
    if (rows.length > 1) {
      const total = { l: 0, w: 0, c: 0 };
      for (const r of rows) for (const k of ORDER) total[k] += r.counts[k];
      ctx.stdout.write(line(total, "total"));
    }
    return failed ? 1 : 0;
  },
};
