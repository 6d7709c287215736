/**
 * Facts from `ip route get`: the kernel's answer to "where would a packet to X
 * go" — route type, destination, gateway, output device and the source address
 * it would pick (ip-route(8), "ip route get"). The uid and the cache line are
 * bookkeeping, not routing.
 */
import type { FactExtractor, StepFact } from "./fact";
import { outputLines } from "./normalize";
import { verbatimFacts } from "./verbatim-facts";

const ROUTE_TYPES = new Set(["unicast", "local", "broadcast", "multicast", "anycast", "unreachable", "blackhole", "prohibit", "throw", "nat"]);
const KEPT = ["from", "via", "dev", "src"] as const;

export const routeGetFacts: FactExtractor = (output, context) => {
  const facts: StepFact[] = [];
  const rest: string[] = [];
  for (const line of outputLines(output)) {
    const words = line.trim().split(/\s+/);
    if (words[0] === "cache") continue;
    const type = ROUTE_TYPES.has(words[0]!) ? words.shift()! : "unicast";
    const dst = words.shift();
    if (dst === undefined || !/^[0-9a-f.:]+$/i.test(dst)) {
      rest.push(line);
      continue;
    }
    facts.push(["route get type", type], ["route get dst", dst]);
    for (const key of KEPT) {
      const at = words.indexOf(key);
      if (at >= 0 && words[at + 1] !== undefined) facts.push([`route get ${key}`, words[at + 1]!]);
    }
  }
  return [...facts, ...verbatimFacts(rest.join("\n"), context)];
};
