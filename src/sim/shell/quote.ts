/**
 * Quoting a string so the shell reads it back as exactly one word with that
 * value — for tab completion and for printing commands a user can paste.
 */

/** Characters that never need quoting in any position of a word (the set Python's shlex.quote uses). */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const BACKSLASH_SAFE = /[A-Za-z0-9_@%+=:,./-]/;

/**
 * - "single": `'it'\''s'` — the whole word in single quotes, where nothing is special (bash(1), "QUOTING").
 * - "backslash": `my\ file` — each special character escaped, as bash's own completion inserts it.
 *   A newline cannot be escaped (backslash-newline is a line continuation), so such words fall back to single quotes.
 */
export type QuoteStyle = "single" | "backslash";

export function quote(word: string, style: QuoteStyle = "single"): string {
  if (SAFE.test(word)) return word;
  if (word === "") return "''";
  if (style === "backslash" && !word.includes("\n")) {
    return [...word].map((c) => (BACKSLASH_SAFE.test(c) ? c : `\\${c}`)).join("");
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
