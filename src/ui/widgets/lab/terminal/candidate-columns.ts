/**
 * The list bash prints on a second Tab: candidates in columns as wide as the
 * longest one plus two spaces, filled down each column before across
 * (readline's default, `print-completions-horizontally off`; readline(3)).
 */
export function formatColumns(words: readonly string[], width: number): string[] {
  if (words.length === 0) return [];
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const columns = Math.max(1, Math.floor(width / cell));
  const rows = Math.ceil(words.length / columns);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = "";
    for (let column = 0; column < columns; column++) {
      const word = words[column * rows + row];
      if (word !== undefined) line += word.padEnd(cell);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
