/**
 * A deliberately small i18n layer: typed keys from the English catalogue,
 * `{name}` placeholders, English as the fallback. Lessons carry their own
 * translations (per-locale Markdown files); this covers the UI chrome.
 */
import { en } from "./en";
import type { Catalogue, MessageKey } from "./en";
import { ko } from "./ko";

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

const catalogues: Record<Locale, Catalogue> = { en, ko };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogues[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The locale a first-time visitor most likely reads, from the browser's preferences. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}
