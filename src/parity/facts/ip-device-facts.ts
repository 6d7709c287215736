/**
 * Facts from `ip link` and `ip addr` listings, in their multi-line or `-o`
 * one-line form (ip-link(8), ip-address(8)). Per device: flags, MTU, master
 * and operstate; its layer-2 line (the peer's namespace by name); each IPv4
 * address with its broadcast, scope and label; each IPv6 address other than
 * link-local. Dropped: ifindexes and `@ifN` (they count devices made before),
 * random MACs, `link-netnsid N` (a per-namespace id the kernel hands out on
 * first use), qdisc and group/qlen bookkeeping, address lifetimes, and DAD's
 * passing `tentative` flag.
 */
import type { FactExtractor, NormalizeContext, StepFact } from "./fact";
import { collapseBlanks, dropIfIndex, isLinkLocalV6, outputLines, scrubMacs } from "./normalize";

const HEADER = /^\d+:\s+(\S+?):\s+<([^>]*)>(.*)$/;
/** `ip -o addr`: "2: veth0    inet 10.0.0.1/24 …" — a device name then one address. */
const ONELINE_ADDRESS = /^\d+:\s+(\S+)\s+((?:inet6?|link\/\S+)\s.*)$/;

function headerValue(flags: string, rest: string): string {
  const mtu = /\bmtu (\d+)/.exec(rest)?.[1];
  const master = /\bmaster (\S+)/.exec(rest)?.[1];
  const state = /\bstate (\S+)/.exec(rest)?.[1];
  return [`<${flags}>`, mtu && `mtu ${mtu}`, master && `master ${master}`, state && `state ${state}`].filter(Boolean).join(" ");
}

function detailFact(device: string, detail: string, context: NormalizeContext): StepFact | undefined {
  const words = collapseBlanks(detail).split(" ");
  const [kind = "", address = ""] = words;
  if (kind.startsWith("link/")) {
    const kept = collapseBlanks(detail.replace(/\blink-netnsid \d+/, ""));
    return [`link ${device} layer2`, scrubMacs(kept, context)];
  }
  if (kind === "inet") return [`inet ${device} ${address}`, words.slice(2).join(" ")];
  if (kind === "inet6") {
    if (isLinkLocalV6(address)) return undefined;
    return [`inet6 ${device} ${address}`, words.slice(2).filter((w) => w !== "tentative").join(" ")];
  }
  if (kind === "valid_lft" || kind === "") return undefined;
  return [`${device} detail`, scrubMacs(collapseBlanks(detail), context)];
}

export const ipDeviceFacts: FactExtractor = (output, context) => {
  const facts: StepFact[] = [];
  let device = "";
  // `-o` joins a device's lines with a backslash; split them back.
  const lines = outputLines(output).flatMap((l) => l.split("\\"));
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      device = dropIfIndex(header[1]!);
      facts.push([`link ${device}`, headerValue(header[2]!, header[3]!)]);
      continue;
    }
    const oneline = ONELINE_ADDRESS.exec(line);
    if (oneline) device = dropIfIndex(oneline[1]!);
    const fact = detailFact(device, oneline ? oneline[2]! : line, context);
    if (fact) facts.push(fact);
  }
  return facts;
};
