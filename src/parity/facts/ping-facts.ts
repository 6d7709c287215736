/**
 * Facts from iputils ping's report: what was sent and what came back, never
 * how long it took. Replies keep their size, source and TTL (a router on the
 * path lowers it); errors keep their source and text ("Destination Host
 * Unreachable", "Time to live exceeded", "Packet filtered" — RFC 792, RFC 1812
 * §5.2.7.1). ICMP ids, times, rtt statistics and the total time are dropped.
 */
import type { FactExtractor, StepFact } from "./fact";
import { verbatimFacts } from "./verbatim-facts";

/** "PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 a-eth0: 56(84) bytes of data." — the "from" part only with -I. */
const HEADER = /^PING (\S+) \((\S+)\)( from [^:]*:)? (\d+\(\d+\)) bytes of data\.$/;
const REPLY = /^(\d+) bytes from ([^:]+): icmp_seq=(\d+) ttl=(\d+)(?: time=\S+ ms)?(.*)$/;
const ERROR = /^From (\S+)(?: \([^)]*\))? icmp_seq=(\d+) (.+)$/;
const STATISTICS = /^(\d+) packets transmitted, (\d+) received(?:, \+(\d+) duplicates)?(?:, \+(\d+) errors)?/;
const VOLATILE = [/^--- .* ping statistics ---$/, /^rtt min\/avg\/max\/mdev = /];

export const pingFacts: FactExtractor = (output, context) => {
  const facts: StepFact[] = [];
  const rest: string[] = [];
  for (const line of output.split("\n").map((l) => l.trim())) {
    if (line === "" || VOLATILE.some((v) => v.test(line))) continue;
    let m: RegExpExecArray | null;
    if ((m = HEADER.exec(line))) {
      facts.push(["ping target", `${m[1]} (${m[2]})${m[3] ?? ""} ${m[4]} bytes`]);
    } else if ((m = REPLY.exec(line))) {
      const note = m[5]!.trim();
      facts.push([`reply icmp_seq=${m[3]}`, `${m[1]} bytes from ${m[2]} ttl=${m[4]}${note ? ` ${note}` : ""}`]);
    } else if ((m = ERROR.exec(line))) {
      facts.push([`error icmp_seq=${m[2]}`, `From ${m[1]}: ${m[3]}`]);
    } else if ((m = STATISTICS.exec(line))) {
      facts.push(["ping transmitted", m[1]!], ["ping received", m[2]!]);
      if (m[3]) facts.push(["ping duplicates", m[3]]);
      facts.push(["ping errors", m[4] ?? "0"]);
    } else {
      rest.push(line);
    }
  }
  return [...facts, ...verbatimFacts(rest.join("\n"), context)];
};
