/**
 * Facts from `ip -br addr` and `ip -br link`: one line per device, keyed by its
 * name. Kept: operstate, addresses, flags. Dropped: `@ifN` suffixes, IPv6
 * link-local addresses and random MACs (normalize.ts says why).
 */
import type { FactExtractor, StepFact } from "./fact";
import { dropIfIndex, isLinkLocalV6, outputLines, scrubMacs } from "./normalize";

function deviceName(word: string): string {
  return dropIfIndex(word);
}

export const briefAddrFacts: FactExtractor = (output) =>
  outputLines(output).map((line): StepFact => {
    const [name = "", state = "", ...addresses] = line.trim().split(/\s+/);
    const kept = addresses.filter((a) => !isLinkLocalV6(a));
    return [`addr ${deviceName(name)}`, [state, ...kept].join(" ")];
  });

export const briefLinkFacts: FactExtractor = (output, context) =>
  outputLines(output).map((line): StepFact => {
    const [name = "", ...rest] = line.trim().split(/\s+/);
    return [`link ${deviceName(name)}`, scrubMacs(rest.join(" "), context)];
  });
