/**
 * `LessonFiles` on disk (Node): reads files in the lesson file's folder and
 * remembers every path it was asked for — found or not — so the Vite plugin
 * can watch them: editing `bridge.lab` reloads the lessons that read it, and
 * creating a missing one clears the lesson's error.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { besidePathProblem, type BesideRead, type LessonFiles } from "./lesson-files";

export interface NodeLessonFiles extends LessonFiles {
  /** Absolute paths of every file read or looked for, in the order asked. */
  readonly dependencies: readonly string[];
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

function readInside(absolute: string, folder: string): BesideRead {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing" };
    return { ok: false, reason: "unreadable", detail: error instanceof Error ? error.message : String(error) };
  }
  // A symbolic link inside the folder may still point out of it.
  if (!isInside(real, realpathSync(folder))) return { ok: false, reason: "outside" };
  try {
    if (statSync(real).isDirectory()) return { ok: false, reason: "unreadable", detail: "it is a folder, not a file" };
    return { ok: true, text: readFileSync(real, "utf8") };
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The files beside the lesson at `lessonPath` (absolute). */
export function filesBeside(lessonPath: string): NodeLessonFiles {
  const folder = path.dirname(path.resolve(lessonPath));
  const dependencies: string[] = [];
  return {
    dependencies,
    read(relative) {
      if (besidePathProblem(relative) !== null) return { ok: false, reason: "outside" };
      const absolute = path.resolve(folder, relative);
      if (!isInside(absolute, folder)) return { ok: false, reason: "outside" };
      if (!dependencies.includes(absolute)) dependencies.push(absolute);
      return readInside(absolute, folder);
    },
  };
}
