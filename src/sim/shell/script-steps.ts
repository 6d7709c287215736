/**
 * A lab script cut into the steps a transcript records: one per command line,
 * i.e. what bash reads before it executes anything — a complete list, so
 * `a && b` and `a; b` are one step, `\`-continued lines and lines ending in
 * `|`, `&&` or `||` join the next, and a here-document's body belongs to its
 * command. Blank lines and comments are skipped.
 */
import { parseScript } from "./parser";
import type { ShellSyntaxError, ShellWarning } from "./syntax-error";

export interface ScriptStep {
  /** 1-based line where the command starts. */
  line: number;
  /** The command as written: continuation lines joined per bash rules, here-document bodies after a newline. */
  text: string;
  /** The command line ends in `&`: its last job runs in the background. */
  background: boolean;
  /** What bash prints on stderr while reading the step (a here-document cut short by end of file). */
  warnings?: ShellWarning[];
}

/**
 * Splits a script into steps. On a syntax error bash runs the command lines
 * before it, prints the error and exits with status 2: `steps` holds those
 * lines and `errors` the one error (format it with `formatShellDiagnostic`).
 */
export function splitScript(source: string): { steps: ScriptStep[]; errors: ShellSyntaxError[] } {
  const { lines, error } = parseScript(source);
  const steps = lines.map((commandLine): ScriptStep => {
    const step: ScriptStep = {
      line: commandLine.line,
      text: commandLine.text,
      background: commandLine.items[commandLine.items.length - 1]!.background,
    };
    if (commandLine.warnings.length > 0) step.warnings = commandLine.warnings;
    return step;
  });
  return { steps, errors: error ? [error] : [] };
}
