// Types of the virtual module served by the Vite plugin (vite-plugin.ts).
// `import()` types: an ambient module declaration cannot use relative imports.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module "virtual:wirebook/lessons" {
  /** Every lesson found, sorted by `order`, with diagnostics that stop it rendering. */
  export const lessonIndex: import("./types").LessonIndexEntry[];
  /** Loads one compiled lesson; falls back to English when `locale` has no file of its own. */
  export function loadLesson(slug: string, locale: string): Promise<import("./types").CompiledLesson>;
}
