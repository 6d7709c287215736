/**
 * Reading the files a coreutils-style filter names, or its standard input
 * when it names none (or names `-`), with GNU's message for a file it cannot
 * read ("cat: /nope: No such file or directory").
 */
import { fsStrerror } from "../../../world/filesystem";
import type { CommandContext } from "../command";

export interface Input {
  /** The name as given; "-" for standard input. */
  readonly name: string;
  readonly text: string;
}

/** The readable inputs in order; complaints go to stderr and `failed` says whether there were any. */
export function readInputs(program: string, files: readonly string[], ctx: CommandContext): { inputs: Input[]; failed: boolean } {
  const names = files.length === 0 ? ["-"] : files;
  const inputs: Input[] = [];
  let failed = false;
  for (const name of names) {
    if (name === "-") {
      inputs.push({ name, text: ctx.stdin });
      continue;
    }
    const text = ctx.fs.read(name, ctx.view);
    if (text.ok) inputs.push({ name, text: text.value });
    else {
      ctx.stderr.write(`${program}: ${name}: ${fsStrerror(text.error)}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}

/** Lines of a text, each without its newline; a last line without one still counts. */
export function linesOf(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** coreutils quotes names and values in its messages as ‘x’ under a UTF-8 locale (the parity sandbox's LANG=C.UTF-8). */
export const q = (text: string): string => `‘${text}’`;

/** An option of a real tool this simulator does not implement: say so, exit 1 (ARCHITECTURE.md, "The lab script"). */
export function unsupportedOption(program: string, option: string, ctx: CommandContext): number {
  ctx.stderr.write(`${program}: option ${option} is not supported by this simulator\n`);
  return 1;
}
