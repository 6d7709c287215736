/**
 * One colour per protocol (tokens.css `--wb-proto-*`), always with a short
 * label beside it, so colour is never the only cue (DESIGN.md).
 */
import type { ProtocolTag } from "../../../sim/shell/exec/event-words";

const LABELS: Record<ProtocolTag, string> = {
  arp: "ARP",
  icmp: "ICMP",
  tcp: "TCP",
  udp: "UDP",
  dns: "DNS",
  ip: "IP",
  ethernet: "ETH",
  process: "OUT",
};

/** Protocols with a colour token of their own; the rest are drawn in the muted text colour. */
const COLOURED = new Set<ProtocolTag>(["arp", "icmp", "tcp", "udp", "dns"]);

export function protocolLabel(protocol: ProtocolTag): string {
  return LABELS[protocol];
}

export function protocolColour(protocol: ProtocolTag): string {
  return COLOURED.has(protocol) ? `var(--wb-proto-${protocol})` : "var(--wb-muted)";
}
