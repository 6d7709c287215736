/**
 * A connection-tracking tuple (struct nf_conntrack_tuple): protocol,
 * source and destination address, and the layer-4 identity — TCP/UDP
 * ports; for ICMP the query identifier as the source "port" and type/code
 * as the destination, as nf_conntrack_proto_icmp.c keeps them; nothing for
 * other protocols.
 */
import { formatIpv4, type Ipv4Address } from "../../addr";
import type { FlowTuple } from "../../core";
import { IpProtocol } from "../../wire";
import type { PacketInfo } from "../packet-info";

export interface Tuple {
  readonly protocol: number;
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  /** TCP/UDP source port; ICMP identifier. */
  readonly srcPort: number;
  /** TCP/UDP destination port; ICMP type << 8 | code. */
  readonly dstPort: number;
}

export type Direction = "original" | "reply";

export function otherDirection(dir: Direction): Direction {
  return dir === "original" ? "reply" : "original";
}

/**
 * Request → reply types an ICMP query conntrack can be made for
 * (invmap in nf_conntrack_proto_icmp.c): echo, timestamp, information, address mask.
 */
const ICMP_INVERSE: ReadonlyMap<number, number> = new Map([
  [8, 0], [0, 8], [13, 14], [14, 13], [15, 16], [16, 15], [17, 18], [18, 17],
]);

/** Types that may start a new ICMP conntrack (icmp_new: only requests). */
export function isIcmpRequest(type: number): boolean {
  return type === 8 || type === 13 || type === 15 || type === 17;
}

/** The tuple of a packet as it is now; undefined when its layer-4 header is missing (a later fragment, or truncated). */
export function tupleOf(pkt: PacketInfo): Tuple | undefined {
  const base = { protocol: pkt.protocol, src: pkt.src, dst: pkt.dst };
  switch (pkt.protocol) {
    case IpProtocol.TCP:
    case IpProtocol.UDP:
      if (pkt.srcPort === undefined || pkt.dstPort === undefined) return undefined;
      return { ...base, srcPort: pkt.srcPort, dstPort: pkt.dstPort };
    case IpProtocol.ICMP:
      if (pkt.icmpType === undefined) return undefined;
      return { ...base, srcPort: pkt.icmpId ?? 0, dstPort: (pkt.icmpType << 8) | (pkt.icmpCode ?? 0) };
    default:
      return { ...base, srcPort: 0, dstPort: 0 };
  }
}

/** nf_ct_invert_tuple: the tuple the other direction's packets carry. */
export function invertTuple(t: Tuple): Tuple {
  if (t.protocol === IpProtocol.ICMP) {
    const type = t.dstPort >>> 8;
    const inverse = ICMP_INVERSE.get(type) ?? type;
    return { protocol: t.protocol, src: t.dst, dst: t.src, srcPort: t.srcPort, dstPort: (inverse << 8) | (t.dstPort & 0xff) };
  }
  return { protocol: t.protocol, src: t.dst, dst: t.src, srcPort: t.dstPort, dstPort: t.srcPort };
}

export function tupleKey(t: Tuple): string {
  return `${t.protocol}|${t.src}|${t.srcPort}|${t.dst}|${t.dstPort}`;
}

export function tuplesEqual(a: Tuple, b: Tuple): boolean {
  return a.protocol === b.protocol && a.src === b.src && a.dst === b.dst && a.srcPort === b.srcPort && a.dstPort === b.dstPort;
}

/** Does this protocol carry ports NAT can change (TCP, UDP) or an ICMP id? */
export function hasPorts(protocol: number): boolean {
  return protocol === IpProtocol.TCP || protocol === IpProtocol.UDP;
}

/** The display form trace events and `conntrack -L` use. */
export function flowTuple(t: Tuple): FlowTuple {
  const base = { protocol: t.protocol, src: formatIpv4(t.src), dst: formatIpv4(t.dst) };
  if (hasPorts(t.protocol)) return { ...base, srcPort: t.srcPort, dstPort: t.dstPort };
  if (t.protocol === IpProtocol.ICMP) return { ...base, icmpType: t.dstPort >>> 8, icmpCode: t.dstPort & 0xff, icmpId: t.srcPort };
  return base;
}
