/**
 * Facts from `ip neigh` listings: each neighbour, keyed by address and device,
 * valued by its state and whether it has a link-layer address. The listing's
 * order follows a randomly seeded hash, so it is not a fact; nor are random
 * MACs or IPv6 link-local neighbours (shared KERNEL-PARITY-NOTES.md,
 * "Normalize before comparing"). States are timers (REACHABLE lasts 15–45 s,
 * INCOMPLETE turns FAILED after 3 s), so a case lists them right after the
 * traffic that set them.
 */
import type { FactExtractor, StepFact } from "./fact";
import { collapseBlanks, isLinkLocalV6, outputLines, scrubMacs } from "./normalize";

export const ipNeighFacts: FactExtractor = (output, context) =>
  outputLines(output).flatMap((line): StepFact[] => {
    const words = collapseBlanks(line).split(" ");
    const address = words[0] ?? "";
    if (isLinkLocalV6(address)) return [];
    const devAt = words.indexOf("dev");
    const device = devAt >= 0 ? ` dev ${words[devAt + 1]}` : "";
    const rest = words.slice(1);
    if (devAt >= 0) rest.splice(devAt - 1, 2);
    return [[`neigh ${address}${device}`, scrubMacs(rest.join(" "), context)]];
  });
