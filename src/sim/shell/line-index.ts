/** Maps offsets in a script to 1-based lines and columns, and back to line text. */
import type { Position } from "./token";

export class LineIndex {
  /** Offset where each line starts; line N starts at starts[N - 1]. */
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The text of a line, without its newline. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.source.indexOf("\n", start);
    return this.source.slice(start, end < 0 ? this.source.length : end);
  }

  /**
   * The line bash names for "unexpected end of file": one past the last line,
   * counting an unterminated last line (bash 5.2: `printf 'a |'` → line 2).
   */
  get eofLine(): number {
    const complete = this.starts.length - 1;
    const partial = this.source.length > this.starts[this.starts.length - 1]! ? 1 : 0;
    return complete + partial + 1;
  }
}
