/**
 * Diagnostics of the lab-script front end, worded exactly as bash 5.2 (Debian 12)
 * prints them. The wording and line numbers were copied from experiments with
 * `bash script.sh` and `bash -c`; see the tests for the recorded cases.
 */

/**
 * A command line bash refuses to run. In a script bash prints the message, then
 * (for "near unexpected token" errors) echoes the physical line, and exits with 2.
 */
export interface ShellSyntaxError {
  /** "syntax": bash itself rejects the text; "unsupported": valid bash this simulator does not model. */
  kind: "syntax" | "unsupported";
  /** The line number bash reports. */
  line: number;
  /** The message after `NAME: line N: `, e.g. "syntax error near unexpected token `|'". */
  message: string;
  /** The physical line bash echoes back as a second message (only for "near unexpected token" errors). */
  echoLine?: string;
  /** Exit status of the shell: 2 for a syntax error (bash(1), "EXIT STATUS"). */
  exitStatus: number;
  /** The text stopped in the middle of a construct (open quote, trailing `|`…): more input could complete it. */
  endOfInput?: true;
}

/** A message bash prints while parsing but that does not stop the command (a here-document cut short by end of file). */
export interface ShellWarning {
  line: number;
  /** e.g. "warning: here-document at line 2 delimited by end-of-file (wanted `EOF')". */
  message: string;
}

/**
 * Where the text came from decides bash's message prefix:
 * - a script file: `name.lab: line 3: …` (what `bash name.lab` prints);
 * - `bash -c`: `bash: -c: line 3: …`, i.e. prefix "bash: -c";
 * - an interactive terminal: `bash: …`, with no line number and no echoed line.
 */
export type ShellOrigin = { script: string } | "interactive";

/** The exit status bash uses for syntax errors and for usage errors of builtins. */
export const SYNTAX_ERROR_EXIT = 2;

/** The message lines bash prints for a diagnostic, each ending in a newline. */
export function formatShellDiagnostic(diag: ShellSyntaxError | ShellWarning, origin: ShellOrigin): string {
  if (origin === "interactive") return `bash: ${diag.message}\n`;
  const prefix = `${origin.script}: line ${diag.line}: `;
  let text = `${prefix}${diag.message}\n`;
  if ("echoLine" in diag && diag.echoLine !== undefined) text += `${prefix}\`${diag.echoLine}'\n`;
  return text;
}

export function syntaxError(line: number, message: string, echoLine?: string): ShellSyntaxError {
  return echoLine === undefined
    ? { kind: "syntax", line, message, exitStatus: SYNTAX_ERROR_EXIT }
    : { kind: "syntax", line, message, echoLine, exitStatus: SYNTAX_ERROR_EXIT };
}

/** bash met the end of the input inside a construct. */
export function endOfInputError(line: number, message: string): ShellSyntaxError {
  return { ...syntaxError(line, message), endOfInput: true };
}

/** A construct bash accepts but this simulator does not model: say so plainly, exit 2, never guess. */
export function unsupported(line: number, what: string): ShellSyntaxError {
  return { kind: "unsupported", line, message: `${what} is not supported by this simulator`, exitStatus: SYNTAX_ERROR_EXIT };
}
