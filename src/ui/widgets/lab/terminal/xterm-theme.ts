/**
 * xterm's colours from the design tokens of the page around it, so the
 * terminal follows `data-theme` like everything else. ANSI red is the
 * tokens' error colour, which is how stderr is told apart.
 */
import type { ITheme } from "@xterm/xterm";

const FALLBACK = { bg: "#f1efe9", fg: "#1d1d1f", accent: "#1f5f99", error: "#b42318", success: "#1d7044", warning: "#8a5a00", muted: "#55565b", border: "#d6d3cb" };

export function themeFromTokens(element: Element): ITheme {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const bg = token("--wb-surface-2", FALLBACK.bg);
  const fg = token("--wb-fg", FALLBACK.fg);
  const accent = token("--wb-accent", FALLBACK.accent);
  return {
    background: bg,
    foreground: fg,
    cursor: accent,
    cursorAccent: bg,
    selectionBackground: token("--wb-net-bg", "#dbeafe"),
    selectionForeground: fg,
    red: token("--wb-error", FALLBACK.error),
    brightRed: token("--wb-error", FALLBACK.error),
    green: token("--wb-success", FALLBACK.success),
    yellow: token("--wb-warning", FALLBACK.warning),
    blue: accent,
    black: fg,
    white: token("--wb-muted", FALLBACK.muted),
    brightBlack: token("--wb-muted", FALLBACK.muted),
  };
}

export function monoFont(element: Element): string {
  return getComputedStyle(element).getPropertyValue("--wb-font-mono").trim() || "monospace";
}
