/**
 * Checks a whole course: scans the lesson folders and compiles every file of
 * every lesson (all locales), collecting every diagnostic. The checker CLI and
 * `vite build` report from this.
 */
import { normaliseDiagnostics } from "./diagnostic";
import type { LabShell } from "./lab-shell";
import { filesBeside } from "./lesson-files-node";
import { compileScannedFile, scanLessons, type LessonScan } from "./scan-lessons";
import type { CompiledLesson, Diagnostic } from "./types";

export interface CourseCheck {
  scan: LessonScan;
  compiled: CompiledLesson[];
  /** Every problem in the course, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  lessonCount: number;
  fileCount: number;
  /** Files each lesson file read or looked for beside itself (a lab's `src`), by the lesson's absolute path. */
  dependencies: Map<string, readonly string[]>;
}

export interface CheckOptions {
  /** The simulator's lab-script reader: with it, every check line is parsed as the lab will run it. */
  labShell?: LabShell;
}

export function checkLessons(rootDir: string, dirs: readonly string[], options: CheckOptions = {}): CourseCheck {
  const scan = scanLessons(rootDir, dirs);
  const dependencies = new Map<string, readonly string[]>();
  const compiled = scan.lessons.flatMap((lesson) =>
    lesson.files.map((ref) => {
      const files = filesBeside(ref.path);
      const result = compileScannedFile(scan, lesson, ref, undefined, { files, ...(options.labShell ? { labShell: options.labShell } : {}) });
      dependencies.set(ref.path, files.dependencies);
      return result;
    }),
  );
  const diagnostics = normaliseDiagnostics([
    ...scan.courseDiagnostics,
    ...scan.lessons.flatMap((lesson) => lesson.entry.diagnostics),
    ...compiled.flatMap((lesson) => lesson.diagnostics),
  ]);
  return { scan, compiled, diagnostics, lessonCount: scan.lessons.length, fileCount: compiled.length, dependencies };
}
