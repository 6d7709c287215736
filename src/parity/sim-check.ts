/**
 * The simulator side of the parity tests (src/parity/README.md, "For the
 * simulator side"): run every case in the simulator and compare its facts
 * with those of the golden kernel transcript. Prints one line per case and
 * `N passed, N failed`; `checkCasesInSimulator` is what a vitest test calls.
 *
 *     npx tsx src/parity/sim-check.ts [case…] [--verbose]
 */
import { fileURLToPath } from "node:url";
import { defaultRegistry, runLabScript, type CommandRegistry } from "../sim/shell/exec";
import type { Transcript } from "../sim/shell/transcript";
import { readCaseSource, readGolden, selectCases, type ParityCase } from "./cases";
import { compareFacts, formatDifferences, type FactDifference } from "./compare";
import { extractFacts } from "./facts";

export interface SimCaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly differences: readonly FactDifference[];
  /** Why the case could not be compared at all (no golden). */
  readonly problem?: string;
  readonly transcript?: Transcript;
}

/** Runs one case in the simulator (seed 1) and compares it with its golden. */
export function checkCaseInSimulator(parityCase: ParityCase, registry: CommandRegistry = defaultRegistry()): SimCaseResult {
  const golden = readGolden(parityCase);
  if (!golden) return { name: parityCase.name, passed: false, differences: [], problem: "no golden kernel transcript" };
  let transcript: Transcript;
  try {
    transcript = runLabScript(readCaseSource(parityCase), { script: parityCase.script, registry }).transcript;
  } catch (error) {
    return { name: parityCase.name, passed: false, differences: [], problem: error instanceof Error ? error.message : String(error) };
  }
  const differences = compareFacts(extractFacts(golden), extractFacts(transcript));
  return { name: parityCase.name, passed: differences.length === 0, differences, transcript };
}

/** Every case (or those named, as `selectCases` reads names). A fresh registry per case: commands may keep state. */
export function checkCasesInSimulator(requested: readonly string[] = [], makeRegistry: () => CommandRegistry = () => defaultRegistry()): SimCaseResult[] {
  return selectCases(requested).map((c) => checkCaseInSimulator(c, makeRegistry()));
}

/** One line per case, the differences under failing ones when `verbose`, and the tally. */
export function formatSimCheck(results: readonly SimCaseResult[], verbose = false): string {
  const lines: string[] = [];
  for (const r of results) {
    const detail = r.problem ?? (r.passed ? "" : `${r.differences.length} difference${r.differences.length === 1 ? "" : "s"}`);
    lines.push(`${r.passed ? "ok  " : "FAIL"} ${r.name}${detail ? `  (${detail})` : ""}`);
    if (verbose && !r.passed && r.differences.length > 0) {
      lines.push(formatDifferences(r.differences, { expected: "kernel", actual: "sim" }).replace(/^/gm, "    "));
    }
  }
  const passed = results.filter((r) => r.passed).length;
  lines.push(`${passed} passed, ${results.length - passed} failed`);
  return `${lines.join("\n")}\n`;
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes("--verbose") || argv.includes("-v");
  const results = checkCasesInSimulator(argv.filter((a) => !a.startsWith("-")));
  process.stdout.write(formatSimCheck(results, verbose));
  return results.every((r) => r.passed) ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
