/**
 * `netstat` socket listings (net-tools 2.10). Kept: the section titles,
 * the column header, and per socket its protocol, queues, both ends, state
 * and "PID/Program name". Dropped: spacing, ephemeral ports, pids
 * (socket-listing-normalize.ts) and the order of sockets (hash order): rows
 * compare as a sorted set per section.
 */
import type { FactExtractor, StepFact } from "./fact";
import { collapseBlanks, outputLines } from "./normalize";
import { normalizeEndpoint, normalizePids } from "./socket-listing-normalize";

export const netstatFacts: FactExtractor = (output) => {
  const facts: StepFact[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    rows.sort().forEach((row) => facts.push(["netstat socket", row]));
    rows = [];
  };
  for (const line of outputLines(output)) {
    if (/^(Active |Proto )/.test(line)) {
      flush();
      facts.push(["netstat header", collapseBlanks(line)]);
      continue;
    }
    const words = collapseBlanks(line).split(" ");
    rows.push(words.map((w, i) => (i === 3 || i === 4 ? normalizeEndpoint(w) : normalizePids(w))).join(" "));
  }
  flush();
  return facts;
};
