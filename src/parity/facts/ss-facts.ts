/**
 * `ss` listings (iproute2 6.1). Kept: the header (which columns show), and
 * per socket its table, state, queues, both ends and owning process.
 * Dropped: column spacing (it follows the longest field), ephemeral ports
 * and pids (socket-listing-normalize.ts), and the order of the sockets —
 * the kernel dumps its hash tables in hash order — so rows compare as a
 * sorted set.
 */
import type { FactExtractor, StepFact } from "./fact";
import { collapseBlanks, outputLines } from "./normalize";
import { normalizeEndpoint, normalizePids } from "./socket-listing-normalize";

export const ssFacts: FactExtractor = (output) => {
  const lines = outputLines(output);
  const facts: StepFact[] = [];
  const rows: string[] = [];
  for (const line of lines) {
    if (/^(Netid|State|Recv-Q)\b/.test(line)) {
      facts.push(["ss header", collapseBlanks(line)]);
      continue;
    }
    const words = collapseBlanks(line).split(" ");
    rows.push(words.map((w) => (/^\S+:\S+$/.test(w) && !w.startsWith("users:") ? normalizeEndpoint(w) : normalizePids(w))).join(" "));
  }
  rows.sort().forEach((row, i) => facts.push([`ss socket ${i + 1}`, row]));
  return facts;
};
