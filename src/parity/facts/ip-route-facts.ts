/**
 * Facts from `ip route` listings: each route, keyed by what identifies it in
 * its table (type, destination, device, metric), valued by its whole line; and
 * the order the kernel lists them in, which is the FIB's order and so also a
 * fact (ip-route(8)).
 */
import type { FactExtractor, StepFact } from "./fact";
import { collapseBlanks, outputLines } from "./normalize";

const ROUTE_TYPES = new Set(["unicast", "local", "broadcast", "multicast", "anycast", "unreachable", "blackhole", "prohibit", "throw", "nat"]);

function routeKey(line: string): string {
  const words = line.split(" ");
  const key: string[] = [];
  if (ROUTE_TYPES.has(words[0]!)) key.push(words.shift()!);
  key.push(words[0] ?? "");
  for (const attribute of ["dev", "metric"]) {
    const at = words.indexOf(attribute);
    if (at >= 0 && words[at + 1] !== undefined) key.push(attribute, words[at + 1]!);
  }
  return key.join(" ");
}

export const ipRouteFacts: FactExtractor = (output) => {
  const routes: string[] = [];
  for (const raw of outputLines(output)) {
    // A multipath route's `nexthop` lines are indented under it.
    if (/^\s/.test(raw) && routes.length > 0) routes[routes.length - 1] += ` ${collapseBlanks(raw)}`;
    else routes.push(collapseBlanks(raw));
  }
  const facts: StepFact[] = routes.map((r) => [`route ${routeKey(r)}`, r]);
  if (routes.length > 1) facts.push(["route order", routes.map(routeKey).join(" | ")]);
  return facts;
};
