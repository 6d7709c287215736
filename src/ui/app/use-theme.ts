import { useEffect } from "react";
import { usePreferences } from "../store/preferences-store";

const darkQuery = "(prefers-color-scheme: dark)";

/** Applies the chosen theme to <html data-theme>, following the OS when "system". */
export function useApplyTheme() {
  const theme = usePreferences((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia?.(darkQuery);
    const apply = () => {
      const dark = theme === "dark" || (theme === "system" && media?.matches === true);
      document.documentElement.dataset.theme = dark ? "dark" : "light";
    };
    apply();
    media?.addEventListener("change", apply);
    return () => media?.removeEventListener("change", apply);
  }, [theme]);
}

/** The locale also sets <html lang>, so screen readers pronounce the page right. */
export function useApplyLocale() {
  const locale = usePreferences((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}
