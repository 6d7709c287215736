/**
 * Files a lesson may read beside itself, such as a lab script in
 * `bridge.lab` next to `index.md` (`::lab{src="bridge.lab"}`), so that one
 * script serves every translation of a lesson.
 *
 * Compiling stays pure and synchronous: whoever compiles (the Vite plugin,
 * the lesson check, a test) hands in a `LessonFiles`; lesson-files-node.ts is
 * the one that reads the disk. The path rules live here, so every reader
 * refuses the same paths with the same words.
 */

/** Why a file beside the lesson could not be read. */
export type BesideFailure =
  /** No file (or folder) at that path. */
  | { ok: false; reason: "missing" }
  /** Something is there, but it is not a readable text file (a folder, no permission…). */
  | { ok: false; reason: "unreadable"; detail: string }
  /** The path leads out of the lesson's folder (`../x`, an absolute path, a symbolic link pointing out). */
  | { ok: false; reason: "outside" }
  /** This compile was given no way to read files (a lesson compiled from a string alone). */
  | { ok: false; reason: "unavailable" };

export type BesideRead = { ok: true; text: string } | BesideFailure;

export interface LessonFiles {
  /** Reads `relative`, a path relative to the lesson file's folder that passed `besidePathProblem`. */
  read(relative: string): BesideRead;
}

/** A compile that was given no files: every read says so. */
export const NO_LESSON_FILES: LessonFiles = { read: () => ({ ok: false, reason: "unavailable" }) };

/**
 * What is wrong with a path to a file beside the lesson, or null. Paths are
 * written as on the web and in Markdown links: forward slashes, relative to
 * the lesson file, never leaving its folder.
 */
export function besidePathProblem(relative: string): string | null {
  if (relative.trim() === "") return 'needs a file name, e.g. "bridge.lab"';
  if (relative.includes("\\")) return `"${relative}" uses a backslash: write paths with forward slashes, e.g. "labs/bridge.lab"`;
  if (relative.startsWith("/") || /^[A-Za-z]:/.test(relative) || relative.startsWith("~")) {
    return `"${relative}" is not relative: name a file in the lesson's own folder, e.g. "bridge.lab"`;
  }
  let depth = 0;
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === ".") continue;
    depth += segment === ".." ? -1 : 1;
    if (depth < 0) return `"${relative}" leads out of the lesson's folder: keep the file beside the lesson`;
  }
  if (depth === 0) return `"${relative}" names the lesson's folder itself, not a file in it`;
  return null;
}

/** The sentence a failed read becomes in a diagnostic: `src "x.lab" …`. */
export function describeBesideFailure(relative: string, failure: BesideFailure): string {
  switch (failure.reason) {
    case "missing":
      return `"${relative}" does not exist beside the lesson: create it, or fix the name (paths are relative to the lesson file)`;
    case "unreadable":
      return `"${relative}" cannot be read: ${failure.detail}`;
    case "outside":
      return `"${relative}" leads out of the lesson's folder: keep the file beside the lesson`;
    case "unavailable":
      return `"${relative}" cannot be read here: this lesson was compiled without access to the files beside it`;
  }
}
