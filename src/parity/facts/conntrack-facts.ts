/**
 * `conntrack -L` / `-D` output (conntrack-tools 1.4.7). Kept per entry:
 * protocol, TCP state, both tuples (addresses, ICMP type/code, well-known
 * ports), [UNREPLIED]/[ASSURED], mark and use. Dropped
 * (KERNEL-PARITY-NOTES): seconds left (a timer), ICMP ids (chosen by ping at
 * random), ephemeral ports (32768–60999, ip_local_port_range) and the listing
 * order (hash order): entries are compared as a sorted set. Other lines
 * (`conntrack -C`'s count) are kept as they are.
 */
import type { FactExtractor } from "./fact";
import { outputLines } from "./normalize";

const ENTRY = /^(\S+)\s+(\d+) \d+ (.*)$/;
const EPHEMERAL_LOW = 32768;

function normalizeEntry(line: string): string {
  const match = ENTRY.exec(line.trim());
  if (!match) return line.trim();
  const [, name = "", number = "", rest = ""] = match;
  const body = rest
    .replace(/\bid=\d+/g, "id=<id>")
    .replace(/\b(sport|dport)=(\d+)/g, (whole, key: string, port: string) => (Number(port) >= EPHEMERAL_LOW ? `${key}=<ephemeral>` : whole));
  return `${name} ${number} ${body}`;
}

export const conntrackFacts: FactExtractor = (output) =>
  outputLines(output)
    .map(normalizeEntry)
    .sort()
    .map((entry, i) => [`conntrack entry ${i + 1}`, entry] as const);
