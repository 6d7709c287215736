/**
 * Checks a whole course: scans the lesson folders and compiles every file of
 * every lesson (all locales), collecting every diagnostic. The checker CLI and
 * `vite build` report from this.
 */
import { normaliseDiagnostics } from "./diagnostic";
import { compileScannedFile, scanLessons, type LessonScan } from "./scan-lessons";
import type { CompiledLesson, Diagnostic } from "./types";

export interface CourseCheck {
  scan: LessonScan;
  compiled: CompiledLesson[];
  /** Every problem in the course, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  lessonCount: number;
  fileCount: number;
}

export function checkLessons(rootDir: string, dirs: readonly string[]): CourseCheck {
  const scan = scanLessons(rootDir, dirs);
  const compiled = scan.lessons.flatMap((lesson) => lesson.files.map((ref) => compileScannedFile(scan, lesson, ref)));
  const diagnostics = normaliseDiagnostics([
    ...scan.courseDiagnostics,
    ...scan.lessons.flatMap((lesson) => lesson.entry.diagnostics),
    ...compiled.flatMap((lesson) => lesson.diagnostics),
  ]);
  return { scan, compiled, diagnostics, lessonCount: scan.lessons.length, fileCount: compiled.length };
}
