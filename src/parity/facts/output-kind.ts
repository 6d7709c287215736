/**
 * Which extractor reads a step's stdout: decided by the program that prints it,
 * the first stage of a pipeline (`ip -br link | grep veth` still prints
 * `ip -br link` lines), unless the pipeline ends in `wc`, whose count is read
 * as it is. Commands that print nothing on success (`ip link set`, `ip addr
 * add`…) do not count; a step whose printing commands disagree is read
 * verbatim.
 */
import { pipelinesOf, type SimpleCommand } from "../command-line";
import { hasOption, isListingVerb, isRouteGet, readIpInvocation } from "../ip-invocation";

export type OutputKind =
  | "ping"
  | "traceroute"
  | "route-get"
  | "ip-brief-addr"
  | "ip-brief-link"
  | "ip-device"
  | "ip-route"
  | "ip-neigh"
  | "bridge-fdb"
  | "bridge-link"
  | "iptables"
  | "conntrack"
  | "ss"
  | "netstat"
  | "nc"
  | "verbatim";

/** The kind of a pipeline's first stage, or "silent" for a command that changes state without printing. */
function producerKind(stage: SimpleCommand): OutputKind | "silent" {
  if (stage[0] === "ping") return "ping";
  if (stage[0] === "traceroute") return "traceroute";
  if (stage[0] === "iptables" || stage[0] === "iptables-save") return "iptables";
  if (stage[0] === "conntrack") return "conntrack";
  if (stage[0] === "ss") return "ss";
  if (stage[0] === "netstat") return "netstat";
  const invocation = readIpInvocation(stage);
  if (!invocation) return "verbatim";
  if (hasOption(invocation, "-j", "-json")) return "verbatim";
  if (invocation.program === "bridge") {
    if (!isListingVerb(invocation.verb)) return "silent";
    if (invocation.object === "fdb") return "bridge-fdb";
    if (invocation.object === "link") return "bridge-link";
    return "verbatim";
  }
  if (isRouteGet(invocation)) return "route-get";
  if (!isListingVerb(invocation.verb)) return "silent";
  const brief = hasOption(invocation, "-br", "-brief");
  switch (invocation.object) {
    case "address":
      return brief ? "ip-brief-addr" : "ip-device";
    case "link":
      return brief ? "ip-brief-link" : "ip-device";
    case "route":
      return "ip-route";
    case "neighbor":
      return "ip-neigh";
    default:
      return "verbatim";
  }
}

export function outputKind(command: string): OutputKind {
  const kinds = new Set<OutputKind>();
  for (const pipeline of pipelinesOf(command)) {
    const last = pipeline[pipeline.length - 1]!;
    // nc prints what it receives, whatever fed its stdin (`echo hi | nc …`).
    const kind = pipeline.length > 1 && last[0] === "wc" ? "verbatim" : pipeline.some((stage) => stage[0] === "nc") ? "nc" : producerKind(pipeline[0]!);
    if (kind !== "silent") kinds.add(kind);
  }
  return kinds.size === 1 ? [...kinds][0]! : "verbatim";
}
