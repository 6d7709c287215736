import { useCallback } from "react";
import { usePreferences } from "../store/preferences-store";
import { translate } from "./i18n";
import type { Params } from "./i18n";
import type { MessageKey } from "./en";

/** `t(key, params)` in the reader's chosen language; re-renders when it changes. */
export function useT() {
  const locale = usePreferences((s) => s.locale);
  return useCallback((key: MessageKey, params?: Params) => translate(locale, key, params), [locale]);
}
