/**
 * Output with no volatile parts of its own (sysctl, cat, ipcalc, hostname,
 * `wc -l`…): every non-empty line is a fact, spacing included, after the
 * scrubbing that applies everywhere (random MACs, `@ifN`).
 */
import type { FactExtractor } from "./fact";
import { dropIfIndex, outputLines, scrubMacs } from "./normalize";

export const verbatimFacts: FactExtractor = (output, context) =>
  outputLines(output).map((line, i) => [`stdout line ${i + 1}`, dropIfIndex(scrubMacs(line, context))] as const);

/**
 * bash prefixes its own messages with where it read the command: `NAME.lab:
 * line 13: ` when it runs a script file, `bash: line 1: ` when the kernel
 * runner hands it one step with `bash -c`. Which one is an artefact of how the
 * step was run, not a fact about the step.
 */
export function dropShellOrigin(line: string): string {
  return line.replace(/^(?:bash|[^\s:]+\.lab): line \d+: /, "bash: ");
}

/** The same for stderr: error text is a fact (ARCHITECTURE.md: "same text where it is stable"). */
export const stderrFacts: FactExtractor = (output, context) =>
  outputLines(output).map((line, i) => [`stderr line ${i + 1}`, dropShellOrigin(dropIfIndex(scrubMacs(line, context)))] as const);
