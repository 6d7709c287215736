/**
 * The fields of an IPv4 packet that matches, targets and conntrack look at,
 * read once per hook from the bytes (the kernel reads them from skb headers
 * the same way: ip_hdr(), then the transport header at ihl*4 for the first
 * fragment only).
 */
import { readU16, readU32 } from "../core";
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import { IcmpType, IpProtocol } from "../wire";

export interface PacketInfo {
  readonly headerLength: number;
  /** IPv4 total length — what rule byte counters add. */
  readonly length: number;
  readonly tos: number;
  readonly ttl: number;
  readonly id: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  readonly fragmentOffset: number;
  readonly protocol: number;
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  /** TCP/UDP ports, when the first fragment carries the header. */
  readonly srcPort?: number;
  readonly dstPort?: number;
  /** TCP control bits (TcpFlag). */
  readonly tcpFlags?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
  /** Echo (and timestamp/info) identifier and sequence. */
  readonly icmpId?: number;
  readonly icmpSeq?: number;
}

/** Read the fields; undefined for bytes that are not an IPv4 header. */
export function packetInfo(bytes: Uint8Array): PacketInfo | undefined {
  if (bytes.length < 20 || bytes[0]! >>> 4 !== 4) return undefined;
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < 20 || bytes.length < headerLength) return undefined;
  const flags = readU16(bytes, 6);
  const base = {
    headerLength,
    length: readU16(bytes, 2),
    tos: bytes[1]!,
    ttl: bytes[8]!,
    id: readU16(bytes, 4),
    dontFragment: (flags & 0x4000) !== 0,
    moreFragments: (flags & 0x2000) !== 0,
    fragmentOffset: (flags & 0x1fff) * 8,
    protocol: bytes[9]!,
    src: ipv4FromNumber(readU32(bytes, 12)),
    dst: ipv4FromNumber(readU32(bytes, 16)),
  };
  if (base.fragmentOffset !== 0) return base;
  return { ...base, ...transportFields(base.protocol, bytes.subarray(headerLength)) };
}

function transportFields(protocol: number, l4: Uint8Array): Partial<PacketInfo> {
  if ((protocol === IpProtocol.TCP || protocol === IpProtocol.UDP) && l4.length >= 4) {
    const ports = { srcPort: readU16(l4, 0), dstPort: readU16(l4, 2) };
    if (protocol === IpProtocol.TCP && l4.length >= 14) return { ...ports, tcpFlags: readU16(l4, 12) & 0x01ff };
    return ports;
  }
  if (protocol === IpProtocol.ICMP && l4.length >= 2) {
    const fields = { icmpType: l4[0]!, icmpCode: l4[1]! };
    if (l4.length >= 8 && isQueryType(l4[0]!)) return { ...fields, icmpId: readU16(l4, 4), icmpSeq: readU16(l4, 6) };
    return fields;
  }
  return {};
}

/** ICMP messages with an identifier: echo, timestamp, information, address mask (RFC 792, RFC 950). */
export function isQueryType(type: number): boolean {
  return type === IcmpType.ECHO_REQUEST || type === IcmpType.ECHO_REPLY || (type >= 13 && type <= 18);
}

/** ICMP errors that quote a datagram (icmp_pointers[].error in net/ipv4/icmp.c). */
export function isIcmpErrorType(type: number): boolean {
  return type === IcmpType.DEST_UNREACHABLE || type === 4 || type === IcmpType.REDIRECT || type === IcmpType.TIME_EXCEEDED || type === IcmpType.PARAMETER_PROBLEM;
}
