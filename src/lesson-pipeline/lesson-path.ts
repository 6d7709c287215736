/**
 * Which files are lessons, and what their names say. A lesson is
 * `lessons/NAME.md` or `lessons/NAME/index.md`; a translation sits beside it as
 * `NAME.ko.md` or `NAME/index.ko.md`. English is the base and the fallback.
 */

export const BASE_LOCALE = "en";

/** The authoring guide lives beside the lessons but is not one. */
const NOT_LESSONS = new Set(["readme", "contributing", "changelog"]);

/** A BCP 47-ish tag as used in file names: `ko`, `pt-BR`, `zh-Hant`. */
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export interface LessonPathInfo {
  /** The lesson's name from its path: the folder of `index.md`, or the file name. */
  key: string;
  locale: string;
  /** `NAME/index.md` (true) or `NAME.md` (false). */
  folder: boolean;
}

function splitPath(file: string): string[] {
  return file.split(/[\\/]/).filter((part) => part !== "");
}

/** `index.ko.md` → `{ stem: "index", locale: "ko" }`; null for a non-Markdown file. */
export function splitLessonFileName(fileName: string): { stem: string; locale: string } | null {
  if (!fileName.toLowerCase().endsWith(".md")) return null;
  const withoutExt = fileName.slice(0, -3);
  const dot = withoutExt.lastIndexOf(".");
  if (dot > 0) {
    const candidate = withoutExt.slice(dot + 1);
    if (LOCALE_PATTERN.test(candidate)) return { stem: withoutExt.slice(0, dot), locale: candidate };
  }
  return { stem: withoutExt, locale: BASE_LOCALE };
}

/** True for names the scanner should treat as a lesson at the top of a lesson folder. */
export function isTopLevelLessonFile(fileName: string): boolean {
  const parts = splitLessonFileName(fileName);
  if (!parts || fileName.startsWith(".") || fileName.startsWith("_")) return false;
  return !NOT_LESSONS.has(parts.stem.toLowerCase()) && parts.stem.toLowerCase() !== "index";
}

/** True for `index.md` / `index.ko.md` inside a lesson's own folder. */
export function isFolderLessonFile(fileName: string): boolean {
  return splitLessonFileName(fileName)?.stem === "index";
}

export function describeLessonPath(file: string): LessonPathInfo {
  const parts = splitPath(file);
  const fileName = parts[parts.length - 1] ?? file;
  const split = splitLessonFileName(fileName) ?? { stem: fileName, locale: BASE_LOCALE };
  if (split.stem === "index" && parts.length >= 2) {
    return { key: parts[parts.length - 2] ?? split.stem, locale: split.locale, folder: true };
  }
  return { key: split.stem, locale: split.locale, folder: false };
}

/** A kebab-case slug made from a file name, for lessons whose front matter has none. */
export function slugFromKey(key: string): string {
  const slug = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "lesson" : slug;
}

/** Paths in diagnostics use forward slashes on every OS. */
export function toPosixPath(file: string): string {
  return file.split("\\").join("/");
}
