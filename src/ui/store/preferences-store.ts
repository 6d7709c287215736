/** Reader preferences: colour theme and UI language, saved like progress (bad data → defaults). */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { createSafeStorage } from "./safe-storage";
import { isLocale, preferredLocale } from "../i18n/i18n";
import type { Locale } from "../i18n/i18n";

export type ThemeChoice = "system" | "light" | "dark";

interface Preferences {
  theme: ThemeChoice;
  locale: Locale;
}

interface PreferencesState extends Preferences {
  setTheme(theme: ThemeChoice): void;
  setLocale(locale: Locale): void;
}

const initialLocale = (): Locale =>
  preferredLocale(typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]);

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: "system",
      locale: initialLocale(),
      setTheme: (theme) => set({ theme }),
      setLocale: (locale) => set({ locale }),
    }),
    {
      name: "wirebook.preferences",
      version: 1,
      storage: createSafeStorage<Preferences>(() => globalThis.localStorage, () => undefined),
      partialize: ({ theme, locale }) => ({ theme, locale }),
      merge: (saved, current) => {
        const s = (saved ?? {}) as Partial<Record<keyof Preferences, unknown>>;
        return {
          ...current,
          theme: s.theme === "light" || s.theme === "dark" || s.theme === "system" ? s.theme : current.theme,
          locale: isLocale(s.locale) ? s.locale : current.locale,
        };
      },
    },
  ),
);
