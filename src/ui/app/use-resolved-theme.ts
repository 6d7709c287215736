import { useSyncExternalStore } from "react";

/** The theme actually shown ("light" | "dark"), read from <html data-theme> and kept in sync. */
export function useResolvedTheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, read, () => "light");
}

function read(): "light" | "dark" {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
