/**
 * Comparing the facts of two runs of one script — the kernel's (expected) and
 * the simulator's or a fresh kernel run (actual) — and saying what differs,
 * step by step, in words a reader can act on.
 */
import type { Fact } from "./facts";

export interface FactDifference {
  line: number;
  cmd: string;
  subject: string;
  /** undefined: the expected run has no such fact. */
  expected: string | undefined;
  /** undefined: the actual run has no such fact. */
  actual: string | undefined;
}

const keyOf = (f: Pick<Fact, "line" | "cmd" | "subject">): string => `${f.line}\u0000${f.cmd}\u0000${f.subject}`;

/** Every fact whose value differs, or that only one side has, in script order. */
export function compareFacts(expected: readonly Fact[], actual: readonly Fact[]): FactDifference[] {
  const actualByKey = new Map(actual.map((f) => [keyOf(f), f]));
  const expectedKeys = new Set(expected.map(keyOf));
  const differences: FactDifference[] = [];
  for (const fact of expected) {
    const other = actualByKey.get(keyOf(fact));
    if (other?.value !== fact.value) differences.push({ line: fact.line, cmd: fact.cmd, subject: fact.subject, expected: fact.value, actual: other?.value });
  }
  for (const fact of actual) {
    if (!expectedKeys.has(keyOf(fact))) differences.push({ line: fact.line, cmd: fact.cmd, subject: fact.subject, expected: undefined, actual: fact.value });
  }
  // Stable sort: by line, keeping each side's own order within a step.
  return differences.sort((a, b) => a.line - b.line);
}

function shown(value: string | undefined): string {
  return value === undefined ? "(nothing)" : JSON.stringify(value);
}

/**
 * A readable report, one block per step:
 *
 *     line 12: ip netns exec red ping -c 1 192.168.15.2
 *       ping received: expected "1", got "0"
 */
export function formatDifferences(differences: readonly FactDifference[], labels = { expected: "expected", actual: "got" }): string {
  const blocks: string[] = [];
  let current = "";
  for (const d of differences) {
    const header = `line ${d.line}: ${d.cmd.split("\n")[0]}`;
    if (header !== current) {
      blocks.push(header);
      current = header;
    }
    blocks.push(`  ${d.subject}: ${labels.expected} ${shown(d.expected)}, ${labels.actual} ${shown(d.actual)}`);
  }
  return blocks.join("\n");
}
