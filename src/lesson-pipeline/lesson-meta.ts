/**
 * Turns a front matter reading into a complete LessonMeta: English lessons must
 * declare every required field; translations inherit what they leave out and
 * must not move the lesson (same slug, same order). A lesson whose front matter
 * is broken still gets a usable meta — title from the file name, ordered last —
 * so the course index can list it with its diagnostics.
 */
import type { FieldName, FrontMatterReading, LocatedProblem } from "./front-matter";
import { BASE_LOCALE, slugFromKey, type LessonPathInfo } from "./lesson-path";
import type { LessonMeta } from "./types";

/** Broken lessons sort after every real one (and it is valid JSON, unlike Infinity). */
export const FALLBACK_ORDER = Number.MAX_SAFE_INTEGER;

/** `prerequisites` may be left out (no prerequisites); everything else is required. */
const REQUIRED_FIELDS: readonly FieldName[] = ["title", "slug", "order", "summary", "objectives", "minutes"];

const FIELD_HINTS: Record<FieldName, string> = {
  title: "title: IP addresses and subnets",
  slug: "slug: ip-addressing",
  order: "order: 1",
  summary: "summary: One sentence saying what the lesson teaches.",
  objectives: "objectives: [3–5 things the student can do]",
  prerequisites: "prerequisites: []",
  minutes: "minutes: 30",
};

export interface ResolvedMeta {
  meta: LessonMeta;
  problems: LocatedProblem[];
}

function fallbackMeta(info: LessonPathInfo): LessonMeta {
  return {
    title: info.key,
    slug: slugFromKey(info.key),
    order: FALLBACK_ORDER,
    summary: "",
    objectives: [],
    prerequisites: [],
    minutes: 0,
  };
}

function checkTranslationKeepsPlace(reading: FrontMatterReading, base: LessonMeta, problems: LocatedProblem[]): void {
  for (const field of ["slug", "order"] as const) {
    const given = reading.fields[field];
    const at = reading.positions[field];
    if (given === undefined || at === undefined || given === base[field]) continue;
    problems.push({
      at,
      code: "translation-mismatch",
      message: `a translation keeps the English lesson's ${field}: expected ${JSON.stringify(base[field])}, got ${JSON.stringify(given)}`,
      suggestion: String(base[field]),
    });
  }
}

/**
 * @param base the English lesson's meta when `info` names a translation; a
 *   translation without one is reported, since it has nothing to fall back on.
 */
export function resolveLessonMeta(reading: FrontMatterReading, info: LessonPathInfo, base?: LessonMeta): ResolvedMeta {
  const problems: LocatedProblem[] = [...reading.problems];
  const isTranslation = info.locale !== BASE_LOCALE;

  if (isTranslation && base) {
    checkTranslationKeepsPlace(reading, base, problems);
    return { meta: { ...base, ...reading.fields, slug: base.slug, order: base.order }, problems };
  }

  if (isTranslation) {
    problems.push({
      at: { line: 1, column: 1 },
      code: "translation-without-base",
      message: `this ${info.locale} translation has no English lesson beside it to fall back on (${info.folder ? `${info.key}/index.md` : `${info.key}.md`})`,
    });
  } else if (!reading.present) {
    problems.push({
      at: { line: 1, column: 1 },
      code: "front-matter-missing",
      message: `a lesson starts with YAML front matter between "---" lines (${REQUIRED_FIELDS.join(", ")})`,
    });
  } else if (reading.wellFormed) {
    for (const field of REQUIRED_FIELDS) {
      if (reading.positions[field] !== undefined) continue;
      problems.push({
        at: reading.start,
        code: "front-matter-missing-field",
        message: `front matter has no "${field}": add a line like "${FIELD_HINTS[field]}"`,
      });
    }
  }
  return { meta: { ...fallbackMeta(info), ...reading.fields }, problems };
}
