/**
 * Line continuations: bash removes each backslash-newline pair before it splits
 * words (bash(1), "QUOTING": "A \<newline> pair … is treated as a line
 * continuation"), so `ec\<newline>ho` is the word `echo`.
 */

/** `source[start, end)` with the continuation pairs at the given (sorted) offsets removed. */
export function withoutContinuations(source: string, continuations: readonly number[], start: number, end: number): string {
  let text = "";
  let from = start;
  for (const c of continuations) {
    if (c < start || c >= end) continue;
    text += source.slice(from, c);
    from = Math.min(c + 2, end);
  }
  return text + source.slice(from, end);
}
