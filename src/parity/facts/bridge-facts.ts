/**
 * Facts from bridge(8) listings.
 *
 * `bridge fdb show`: the forwarding database — learned entries and each port's
 * own permanent address — counted by their normalized line, since the order
 * follows a hash and the learned MACs are random. The IPv6 multicast entries
 * (33:33:…, RFC 2464 §7) a device lists as `self` come from IPv6 neighbour
 * discovery joining groups on its own; like IPv6 link-local addresses they are
 * left out. IPv4 multicast and other entries stay.
 *
 * `bridge link`: each port's flags, MTU, master, STP state, priority and cost.
 */
import type { FactExtractor, StepFact } from "./fact";
import { collapseBlanks, dropIfIndex, outputLines, scrubMacs } from "./normalize";

export const bridgeFdbFacts: FactExtractor = (output, context) => {
  const counts = new Map<string, number>();
  for (const line of outputLines(output)) {
    if (/^33:33:/i.test(line.trim())) continue;
    const entry = scrubMacs(collapseBlanks(line), context);
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return [...counts].map(([entry, count]): StepFact => [`fdb ${entry}`, `${count}`]);
};

const PORT = /^\d+:\s+(\S+?):\s+(.*)$/;

export const bridgeLinkFacts: FactExtractor = (output, context) =>
  outputLines(output).map((line): StepFact => {
    const m = PORT.exec(line.trim());
    if (!m) return [`bridge line`, scrubMacs(collapseBlanks(line), context)];
    return [`bridge port ${dropIfIndex(m[1]!)}`, collapseBlanks(m[2]!)];
  });
