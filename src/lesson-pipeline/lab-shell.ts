/**
 * The simulator's lab-script reader, as the lesson check sees it. The
 * pipeline may not load the simulator itself (only types and the pure
 * address and wire parsers: ARCHITECTURE.md, "Dependency rules"), so whoever
 * compiles and may load it — the `lessons:check` CLI — hands it in; without
 * it, check lines are checked only for being there.
 *
 * Reading a check line with the very parser that runs it means the lesson
 * check and the widget can never disagree about what a line says.
 */

/** One line of a lab's ```check block, as the simulator reads it. */
export interface CheckLineReading {
  /** Why bash would refuse the line (`syntax error near unexpected token…`), or null when it parses. */
  readonly problem: string | null;
  /** The trailing `# message` without its `#`, or null when the line has none. */
  readonly message: string | null;
  /** True for a line that holds only a comment (or nothing): not a check. */
  readonly empty: boolean;
}

export interface LabShell {
  readCheckLine(line: string): CheckLineReading;
}
