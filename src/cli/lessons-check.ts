/**
 * `wirebook lessons:check [DIR…]`: checks every lesson under `lessons/` (or
 * the folders given) — front matter, directives, quizzes, cross-lesson rules —
 * and prints each problem as `file:line:column: severity: message [code]`, the
 * form editors and CI logs link to. Exits 1 when any error is found.
 *
 * The CLI may load the simulator, so it hands the pipeline the simulator's own
 * lab-script reader: every line of a lab's ```check block is parsed exactly
 * as the lab will run it.
 */
import { checkLessons } from "../lesson-pipeline/check-lessons";
import { formatDiagnostic, pluralise } from "../lesson-pipeline/diagnostic";
import { readCheckLine } from "../sim/shell/exec/lab-session-check";

export interface CheckIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const DEFAULT_DIRS = ["lessons"];

const USAGE = `usage: wirebook lessons:check [DIR…]

Checks every lesson in DIR (default: lessons/), relative to the current
directory. Prints each problem as file:line:column and exits 1 on any error.
`;

export async function runLessonsCheck(args: string[], io: CheckIo, rootDir: string = process.cwd()): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknownFlag = args.find((arg) => arg.startsWith("-"));
  if (unknownFlag !== undefined) {
    io.stderr.write(`lessons:check: unknown option "${unknownFlag}"\n${USAGE}`);
    return 1;
  }
  const check = checkLessons(rootDir, args.length > 0 ? args : DEFAULT_DIRS, { labShell: { readCheckLine } });

  for (const diagnostic of check.diagnostics) io.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
  const errors = check.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = check.diagnostics.length - errors;
  const checked = `${pluralise(check.lessonCount, "lesson")} (${pluralise(check.fileCount, "file")})`;
  const verdict = check.diagnostics.length === 0 ? "no problems" : `${pluralise(errors, "error")}, ${pluralise(warnings, "warning")}`;
  io.stdout.write(`Checked ${checked}: ${verdict}.\n`);
  return errors > 0 ? 1 : 0;
}
