/**
 * Command history for the terminal's Up/Down keys, as readline keeps it.
 *
 * Blank lines, lines that repeat the previous entry and lines starting with
 * a space are not remembered: Debian's default ~/.bashrc sets
 * HISTCONTROL=ignoreboth (bash(1), HISTCONTROL). While browsing, the line
 * being typed is kept as a draft and comes back after the newest entry.
 */

export interface History {
  /** Oldest first. */
  readonly entries: readonly string[];
  /** The entry shown, or `entries.length` when on the line being typed. */
  readonly position: number;
  /** What was typed before browsing began. */
  readonly draft: string;
  readonly limit: number;
}

/** bash's default HISTSIZE. */
export const DEFAULT_HISTORY_LIMIT = 500;

export function emptyHistory(limit = DEFAULT_HISTORY_LIMIT): History {
  return { entries: [], position: 0, draft: "", limit };
}

/** Adds an entered line (if bash would) and stops browsing. */
export function remember(history: History, line: string): History {
  const ignored = line.trim() === "" || line.startsWith(" ") || history.entries.at(-1) === line;
  const entries = ignored ? history.entries : [...history.entries, line].slice(-history.limit);
  return { ...history, entries, position: entries.length, draft: "" };
}

/** One entry back (Up); null at the oldest. `current` is the line on screen. */
export function older(history: History, current: string): { history: History; line: string } | null {
  if (history.position === 0) return null;
  const draft = history.position === history.entries.length ? current : history.draft;
  const position = history.position - 1;
  return { history: { ...history, position, draft }, line: history.entries[position] ?? "" };
}

/** One entry forward (Down); past the newest, the draft; null when already there. */
export function newer(history: History): { history: History; line: string } | null {
  if (history.position >= history.entries.length) return null;
  const position = history.position + 1;
  const line = position === history.entries.length ? history.draft : (history.entries[position] ?? "");
  return { history: { ...history, position }, line };
}
