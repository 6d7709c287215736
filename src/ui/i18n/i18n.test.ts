import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ko } from "./ko";
import { preferredLocale, translate } from "./i18n";

describe("i18n", () => {
  it("fills placeholders", () => {
    expect(translate("en", "progress.summary", { done: 2, total: 5 })).toBe("2 of 5 lessons complete");
    expect(translate("ko", "progress.summary", { done: 2, total: 5 })).toBe("5개 중 2개 완료");
  });

  it("leaves unknown placeholders visible rather than silently empty", () => {
    expect(translate("en", "home.minutes")).toBe("{minutes} min");
  });

  it("keeps every catalogue's placeholders in step with English", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("picks the reader's language from the browser, falling back to English", () => {
    expect(preferredLocale(["ko-KR", "en-US"])).toBe("ko");
    expect(preferredLocale(["fr-FR", "de"])).toBe("en");
  });
});
