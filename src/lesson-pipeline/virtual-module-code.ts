/**
 * The JavaScript the Vite plugin serves.
 *
 * - `virtual:wirebook/lessons`: the course index and `loadLesson`, which
 *   `import()`s one module per lesson file, so each lesson body is its own
 *   chunk and the home page downloads none of them.
 * - `/abs/path/lesson.md?wirebook-lesson`: one compiled lesson as JSON.
 *
 * Both accept their own hot updates and announce them with a DOM event
 * (hmr-events.ts): importers keep the bindings they first imported, so the UI
 * listens for the event to re-render. `loadLesson` reads its loaders through
 * `import.meta.hot.data`, which every version of the module shares, so even
 * the first version a page imported loads lessons added since.
 */
import { LESSON_INDEX_UPDATED_EVENT, LESSON_UPDATED_EVENT } from "./hmr-events";
import { BASE_LOCALE, toPosixPath } from "./lesson-path";
import type { LessonScan } from "./scan-lessons";
import type { CompiledLesson } from "./types";

export const LESSON_MODULE_QUERY = "wirebook-lesson";

const QUERY_PATTERN = new RegExp(`[?&]${LESSON_MODULE_QUERY}(?:[&=]|$)`);

export function lessonModuleId(absolutePath: string): string {
  return `${toPosixPath(absolutePath)}?${LESSON_MODULE_QUERY}`;
}

/** The lesson file a module id names, or null when the id is not a lesson module. */
export function lessonPathFromModuleId(id: string): string | null {
  const query = id.indexOf("?");
  if (query < 0 || !QUERY_PATTERN.test(id.slice(query))) return null;
  return id.slice(0, query);
}

/** A JSON value as a JS expression; JSON.parse of a string literal is parsed faster than an object literal. */
function jsonExpression(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}

export function indexModuleCode(scan: LessonScan): string {
  const shown = new Set(scan.index.map((entry) => entry.file));
  const loaders = scan.lessons
    .filter((lesson) => shown.has(lesson.entry.file))
    .map((lesson) => {
      const locales = lesson.files.map((ref) => `${JSON.stringify(ref.locale)}: () => import(${JSON.stringify(lessonModuleId(ref.path))})`);
      return `  ${JSON.stringify(lesson.entry.slug)}: { ${locales.join(", ")} },`;
    });
  return `export const lessonIndex = ${jsonExpression(scan.index)};

const loaders = {
${loaders.join("\n")}
};

const live = import.meta.hot ? (import.meta.hot.data.live ??= {}) : {};
live.loaders = loaders;

function pickLocale(byLocale, locale) {
  if (Object.hasOwn(byLocale, locale)) return byLocale[locale];
  const language = String(locale).split("-")[0];
  if (Object.hasOwn(byLocale, language)) return byLocale[language];
  return byLocale[${JSON.stringify(BASE_LOCALE)}] ?? Object.values(byLocale)[0];
}

export function loadLesson(slug, locale) {
  const current = live.loaders ?? loaders;
  if (!Object.hasOwn(current, slug)) return Promise.reject(new Error("No lesson with slug " + JSON.stringify(slug)));
  return pickLocale(current[slug], locale)().then((module) => module.default);
}

if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    if (next && typeof window !== "undefined") {
      window.dispatchEvent(new CustomEvent(${JSON.stringify(LESSON_INDEX_UPDATED_EVENT)}, { detail: next.lessonIndex }));
    }
  });
}
`;
}

export function lessonModuleCode(lesson: CompiledLesson): string {
  return `const lesson = ${jsonExpression(lesson)};
export default lesson;

if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    if (next && typeof window !== "undefined") {
      window.dispatchEvent(new CustomEvent(${JSON.stringify(LESSON_UPDATED_EVENT)}, { detail: next.default }));
    }
  });
}
`;
}
