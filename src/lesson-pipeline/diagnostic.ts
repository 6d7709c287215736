/**
 * Building, ordering and printing lesson diagnostics. The printed form is the
 * one compilers use (`file:line:column: severity: message`) so editors and CI
 * logs turn it into a clickable location.
 */
import type { Diagnostic, DiagnosticSeverity, SourcePosition } from "./types";

/** What a check reports; the file is added by whoever knows it. */
export interface Problem {
  code: string;
  message: string;
  severity?: DiagnosticSeverity;
  suggestion?: string;
}

export function createDiagnostic(file: string, at: SourcePosition, problem: Problem): Diagnostic {
  const diagnostic: Diagnostic = {
    file,
    line: at.line,
    column: at.column,
    severity: problem.severity ?? "error",
    message: problem.message,
    code: problem.code,
  };
  if (problem.suggestion !== undefined) diagnostic.suggestion = problem.suggestion;
  return diagnostic;
}

/** `lessons/a.md:3:7: error: unknown widget "x" (did you mean "y"?) [unknown-directive]` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const hint = diagnostic.suggestion === undefined ? "" : ` (did you mean "${diagnostic.suggestion}"?)`;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}${hint} [${diagnostic.code}]`;
}

/** File, then line, then column: the order a reader fixes them in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Sorted, with exact duplicates (the same problem found by two passes) removed. */
export function normaliseDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.file}\0${diagnostic.line}\0${diagnostic.column}\0${diagnostic.code}\0${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(diagnostic);
  }
  return unique.sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

/** "1 error", "2 warnings": for summaries. */
export function pluralise(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
