/**
 * bash's builtin `echo` (bash(1), "SHELL BUILTIN COMMANDS"): `-n` drops the
 * newline, `-e` interprets backslash escapes, `-E` does not; an argument is
 * an option only if it is all of n, e, E after the dash. `\c` stops output.
 */
import type { Command } from "../command";

function escapes(text: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i]!;
    const simple: Record<string, string> = { a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "0") {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits || "0", 8));
      i += digits.length;
    } else if (n === "x" && /^[0-9a-fA-F]/.test(text.slice(i + 1))) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echoCommand: Command = {
  name: "echo",
  run(args, ctx) {
    let newline = true;
    let interpret = false;
    let i = 0;
    for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
      for (const flag of args[i]!.slice(1)) {
        if (flag === "n") newline = false;
        else interpret = flag === "e";
      }
    }
    const text = args.slice(i).join(" ");
    if (!interpret) {
      ctx.stdout.write(newline ? `${text}\n` : text);
      return 0;
    }
    const expanded = escapes(text);
    ctx.stdout.write(expanded.text + (newline && !expanded.stop ? "\n" : ""));
    return 0;
  },
};
