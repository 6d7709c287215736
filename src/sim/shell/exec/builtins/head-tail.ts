/**
 * GNU `head` and `tail` by lines: `-n N`, `-N`, `head -n -N` (all but the
 * last N), `tail -n +N` (from line N); several files get "==> F <==" headers.
 */
import type { Command, CommandContext } from "../command";
import { q, readInputs, unsupportedOption } from "./inputs";

interface Count {
  readonly n: number;
  /** head -n -N / tail -n +N */
  readonly flipped: boolean;
}

function parse(program: "head" | "tail", args: readonly string[], ctx: CommandContext): { count: Count; files: string[] } | number {
  let text = "10";
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-n" || a === "--lines") {
      if (i + 1 >= args.length) {
        ctx.stderr.write(`${program}: option requires an argument -- 'n'\nTry '${program} --help' for more information.\n`);
        return 1;
      }
      text = args[++i]!;
    } else if (a.startsWith("-n")) text = a.slice(2);
    else if (/^-\d+$/.test(a)) text = a.slice(1);
    else if (a.startsWith("-") && a !== "-") return unsupportedOption(program, a, ctx);
    else files.push(a);
  }
  const m = /^([-+]?)(\d+)$/.exec(text);
  if (!m) {
    ctx.stderr.write(`${program}: invalid number of lines: ${q(text)}\n`);
    return 1;
  }
  const flipped = program === "head" ? m[1] === "-" : m[1] === "+";
  return { count: { n: Number(m[2]), flipped }, files };
}

/** Whole lines, each keeping its newline (a last line without one stays without). */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function makeCommand(program: "head" | "tail", pick: (all: string[], count: Count) => string[]): Command {
  return {
    name: program,
    run(args, ctx) {
      const parsed = parse(program, args, ctx);
      if (typeof parsed === "number") return parsed;
      const { inputs, failed } = readInputs(program, parsed.files, ctx);
      inputs.forEach((input, i) => {
        if (parsed.files.length > 1) ctx.stdout.write(`${i > 0 ? "\n" : ""}==> ${input.name === "-" ? "standard input" : input.name} <==\n`);
        ctx.stdout.write(pick(lines(input.text), parsed.count).join(""));
      });
      return failed ? 1 : 0;
    },
  };
}

export const headCommand = makeCommand("head", (all, { n, flipped }) => (flipped ? all.slice(0, Math.max(0, all.length - n)) : all.slice(0, n)));
export const tailCommand = makeCommand("tail", (all, { n, flipped }) => (flipped ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n)));
