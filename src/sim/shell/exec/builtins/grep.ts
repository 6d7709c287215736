/**
 * GNU grep 3.8 for the options lab scripts use: -v -c -i -q -E -F -w -o -n
 * -e, several files (then "FILE:" prefixes). Exit status (grep(1), "EXIT
 * STATUS"): 0 a line was selected, 1 none, 2 an error (unless -q and a match).
 */
import { getopt } from "../../../apps/getopt";
import type { Command, CommandContext } from "../command";
import { toRegExpSource } from "./grep-pattern";
import { linesOf, readInputs } from "./inputs";

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const MODELLED = "vciqEFwone:sH";

function usage(ctx: CommandContext, first = ""): number {
  ctx.stderr.write(first + USAGE);
  return 2;
}

export const grepCommand: Command = {
  name: "grep",
  run(args, ctx) {
    const long = args.find((a) => a.startsWith("--") && a !== "--");
    if (long) {
      ctx.stderr.write(`grep: option ${long} is not supported by this simulator\n`);
      return 2;
    }
    const parsed = getopt(args, MODELLED);
    if (!parsed.ok) {
      if (parsed.problem === "missing") return usage(ctx, `grep: option requires an argument -- '${parsed.option}'\n`);
      ctx.stderr.write(`grep: option -${parsed.option} is not supported by this simulator\n`);
      return 2;
    }
    const flags = new Set(parsed.value.options.map((o) => o.name));
    const patterns = parsed.value.options.filter((o) => o.name === "e").map((o) => o.value!);
    const operands = [...parsed.value.operands];
    if (patterns.length === 0) {
      if (operands.length === 0) return usage(ctx);
      patterns.push(...operands.shift()!.split("\n"));
    }
    const mode = flags.has("F") ? "fixed" : flags.has("E") ? "extended" : "basic";
    let regex: RegExp;
    let test: RegExp;
    try {
      const body = patterns.map((p) => `(?:${toRegExpSource(p, mode)})`).join("|");
      const source = flags.has("w") ? `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])` : body;
      regex = new RegExp(source, flags.has("i") ? "gi" : "g");
      test = new RegExp(source, flags.has("i") ? "i" : "");
    } catch (e) {
      ctx.stderr.write(`grep: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const { inputs, failed } = readInputs("grep", operands, ctx);
    const named = operands.length > 1 || flags.has("H");
    let selected = 0;
    for (const input of inputs) {
      const label = named ? `${input.name === "-" ? "(standard input)" : input.name}:` : "";
      let count = 0;
      linesOf(input.text).forEach((line, index) => {
        if (test.test(line) === flags.has("v")) return;
        count++;
        if (flags.has("q") || flags.has("c")) return;
        const where = `${label}${flags.has("n") ? `${index + 1}:` : ""}`;
        if (!flags.has("o")) ctx.stdout.write(`${where}${line}\n`);
        else if (!flags.has("v")) {
          for (const m of line.matchAll(regex)) if (m[0] !== "") ctx.stdout.write(`${where}${m[0]}\n`);
        }
      });
      if (flags.has("c") && !flags.has("q")) ctx.stdout.write(`${label}${count}\n`);
      selected += count;
    }
    if (flags.has("q") && selected > 0) return 0;
    if (failed) return 2;
    return selected > 0 ? 0 : 1;
  },
};
