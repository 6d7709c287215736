/**
 * A lab's challenge check: an optional ```check block after its script, one
 * lab-script command a line, each with a trailing `# message` — what the
 * student is told when that line fails. The check passes when every line
 * exits 0 (run on a copy of the student's world: sim/shell/exec/lab-session-check.ts).
 *
 *     ```check
 *     ip netns exec ns1 ip route get 10.0.2.2   # ns1 has no route to 10.0.2.2 yet
 *     ```
 *
 * Here the block is checked where it is written: it must hold a command, and,
 * when the simulator's reader was handed in (lab-shell.ts), every line must
 * parse and should carry its message. Problems point at the line itself.
 */
import type { Code } from "mdast";
import type { Problem } from "../diagnostic";
import type { LabShell } from "../lab-shell";
import type { SourcePosition } from "../types";

/** The fence language of a check block. */
export const CHECK_LANGUAGE = "check";

/** Where line `index` (0-based) of a fence's content is written in the lesson. */
function lineStart(fence: Code, index: number): SourcePosition | undefined {
  const start = fence.position?.start;
  return start ? { line: start.line + 1 + index, column: start.column } : undefined;
}

/** A line of plain text that a shell would not run: blank, or only a comment. */
function looksEmpty(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "" || trimmed.startsWith("#");
}

/**
 * Reports what is wrong with a check block; true when it can be used. A block
 * with a line that does not parse is left out of the lab (its other problems
 * are only warnings).
 */
export function checkCheckBlock(fence: Code, labShell: LabShell | undefined, report: (problem: Problem, at?: SourcePosition | Code) => void): boolean {
  const lines = fence.value.split("\n");
  let commands = 0;
  let usable = true;
  lines.forEach((line, index) => {
    const at = lineStart(fence, index) ?? fence;
    if (!labShell) {
      if (!looksEmpty(line)) commands++;
      return;
    }
    const reading = labShell.readCheckLine(line);
    if (reading.empty) return;
    commands++;
    if (reading.problem !== null) {
      usable = false;
      report({ code: "lab-check-syntax", message: `this check line would not run: ${reading.problem}` }, at);
    } else if (reading.message === null) {
      report(
        {
          code: "lab-check-no-message",
          severity: "warning",
          message: "this check line has no trailing `# message`: a student whose solution fails here would see only the command",
        },
        at,
      );
    }
  });
  if (commands === 0) {
    report({ code: "lab-check-empty", message: "the check block holds no command: write one command a line, each ending in `# what the student is told when it fails`" }, fence);
    return false;
  }
  return usable;
}
