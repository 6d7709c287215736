/**
 * IPv4 headers (RFC 791 §3.1). Parsing checks what Linux's ip_rcv_core
 * checks — version 4, IHL ≥ 5, header and total length present, header
 * checksum — and reports each failure distinctly, so the stack can count
 * IP_INHDR vs IP_CSUM drops and the inspector can say which field is wrong.
 */
import { err, ok, readU16, readU32, writeU16, writeU32, type Result } from "../core";
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import { checksumIsValid, internetChecksum } from "./checksum";
import { malformed, truncated, type WireError } from "./wire-error";

/** IANA protocol numbers (the IPv4 Protocol field). */
export const IpProtocol = {
  ICMP: 1,
  TCP: 6,
  UDP: 17,
} as const;

export const IPV4_MIN_HEADER = 20;
/** IHL is 4 bits of 32-bit words: 15 × 4. */
export const IPV4_MAX_HEADER = 60;
export const IPV4_MAX_TOTAL_LENGTH = 0xffff;

export const Ipv4Field = {
  VERSION_IHL: 0,
  DSCP_ECN: 1,
  TOTAL_LENGTH: 2,
  IDENTIFICATION: 4,
  FLAGS_FRAGMENT: 6,
  TTL: 8,
  PROTOCOL: 9,
  CHECKSUM: 10,
  SRC: 12,
  DST: 16,
  OPTIONS: 20,
} as const;

// RFC 791 §3.1 "Flags": bit 0 reserved, bit 1 DF, bit 2 MF; then 13 bits of fragment offset.
const FLAG_RESERVED = 0x8000;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const FRAGMENT_MASK = 0x1fff;

/** The header fields a sender chooses; lengths and checksum are derived on emit. */
export interface Ipv4Header {
  /** Differentiated Services codepoint (RFC 2474), the upper 6 bits of the old TOS byte. */
  readonly dscp: number;
  /** Explicit Congestion Notification (RFC 3168), the lower 2 bits. */
  readonly ecn: number;
  readonly identification: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** Offset of this fragment's data in the original datagram, in bytes (a multiple of 8). */
  readonly fragmentOffset: number;
  readonly ttl: number;
  readonly protocol: number;
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  /** Raw option bytes, a multiple of 4 long; absent when there are none. */
  readonly options?: Uint8Array;
  /** The reserved flag bit (RFC 791: must be zero; RFC 3514 jokes it is "evil"). Present only when set. */
  readonly reservedFlag?: boolean;
}

export interface Ipv4Repr extends Ipv4Header {
  /** The data after the header, up to the total length (link-layer padding excluded). */
  readonly payload: Uint8Array;
}

/** A header as found in bytes, with the derived fields a receiver sees. */
export interface Ipv4HeaderView extends Ipv4Header {
  readonly headerLength: number;
  readonly totalLength: number;
  readonly checksum: number;
  readonly checksumValid: boolean;
}

/** TOS byte as `ip route`/tcpdump show it ("tos 0xc0"): DSCP << 2 | ECN. */
export function tosByte(header: Pick<Ipv4Header, "dscp" | "ecn">): number {
  return ((header.dscp & 0x3f) << 2) | (header.ecn & 0x3);
}

/**
 * Read the header only, without requiring the whole datagram: what an ICMP
 * error quotes (RFC 792: "Internet Header + 64 bits of Original Data
 * Datagram") is a header with a truncated body.
 */
export function parseIpv4Header(bytes: Uint8Array): Result<Ipv4HeaderView, WireError> {
  if (bytes.length < IPV4_MIN_HEADER) return err(truncated("ipv4", IPV4_MIN_HEADER, bytes.length));
  const version = bytes[Ipv4Field.VERSION_IHL]! >>> 4;
  if (version !== 4) return err(malformed("ipv4", "version", `version is ${version}, not 4`));
  const headerLength = (bytes[Ipv4Field.VERSION_IHL]! & 0x0f) * 4;
  if (headerLength < IPV4_MIN_HEADER) {
    return err(malformed("ipv4", "ihl", `header length ${headerLength} is below the minimum 20 (IHL ${headerLength / 4} < 5)`));
  }
  if (bytes.length < headerLength) return err(truncated("ipv4", headerLength, bytes.length));
  const totalLength = readU16(bytes, Ipv4Field.TOTAL_LENGTH);
  if (totalLength < headerLength) {
    return err(malformed("ipv4", "total-length", `total length ${totalLength} is shorter than the ${headerLength}-byte header`));
  }
  const tos = bytes[Ipv4Field.DSCP_ECN]!;
  const flags = readU16(bytes, Ipv4Field.FLAGS_FRAGMENT);
  const header: Ipv4HeaderView = {
    dscp: tos >>> 2,
    ecn: tos & 0x3,
    identification: readU16(bytes, Ipv4Field.IDENTIFICATION),
    dontFragment: (flags & FLAG_DF) !== 0,
    moreFragments: (flags & FLAG_MF) !== 0,
    fragmentOffset: (flags & FRAGMENT_MASK) * 8,
    ttl: bytes[Ipv4Field.TTL]!,
    protocol: bytes[Ipv4Field.PROTOCOL]!,
    src: ipv4FromNumber(readU32(bytes, Ipv4Field.SRC)),
    dst: ipv4FromNumber(readU32(bytes, Ipv4Field.DST)),
    ...(headerLength > IPV4_MIN_HEADER ? { options: bytes.slice(IPV4_MIN_HEADER, headerLength) } : {}),
    ...((flags & FLAG_RESERVED) !== 0 ? { reservedFlag: true } : {}),
    headerLength,
    totalLength,
    checksum: readU16(bytes, Ipv4Field.CHECKSUM),
    checksumValid: checksumIsValid(bytes.subarray(0, headerLength)),
  };
  return ok(header);
}

export interface Ipv4ParseOptions {
  /** Check the header checksum (default true). Off only for inspecting bytes known to be damaged. */
  readonly verifyChecksum?: boolean;
}

/**
 * A whole datagram. Bytes past the total length (Ethernet padding) are not
 * payload; fewer bytes than the total length is a truncated packet.
 */
export function parseIpv4(bytes: Uint8Array, options: Ipv4ParseOptions = {}): Result<Ipv4Repr, WireError> {
  const parsed = parseIpv4Header(bytes);
  if (!parsed.ok) return parsed;
  const { headerLength, totalLength, checksum, checksumValid, ...header } = parsed.value;
  if (bytes.length < totalLength) return err(truncated("ipv4", totalLength, bytes.length));
  if ((options.verifyChecksum ?? true) && !checksumValid) {
    const computed = headerChecksum(bytes.subarray(0, headerLength));
    return err({ kind: "bad-checksum", protocol: "ipv4", stored: checksum, computed });
  }
  return ok({ ...header, payload: bytes.subarray(headerLength, totalLength) });
}

/** The checksum a header should carry: computed with its checksum field taken as zero. */
function headerChecksum(header: Uint8Array): number {
  const copy = header.slice();
  writeU16(copy, Ipv4Field.CHECKSUM, 0);
  return internetChecksum(copy);
}

export function ipv4HeaderLength(header: Pick<Ipv4Header, "options">): number {
  return IPV4_MIN_HEADER + (header.options?.length ?? 0);
}

/** Serialise with total length and header checksum filled in. Throws RangeError for a header no sender could build. */
export function emitIpv4(repr: Ipv4Repr): Uint8Array {
  const headerLength = ipv4HeaderLength(repr);
  const totalLength = headerLength + repr.payload.length;
  checkEmittable(repr, headerLength, totalLength);
  const bytes = new Uint8Array(totalLength);
  bytes[Ipv4Field.VERSION_IHL] = 0x40 | (headerLength / 4);
  bytes[Ipv4Field.DSCP_ECN] = tosByte(repr);
  writeU16(bytes, Ipv4Field.TOTAL_LENGTH, totalLength);
  writeU16(bytes, Ipv4Field.IDENTIFICATION, repr.identification);
  const flags =
    (repr.reservedFlag ? FLAG_RESERVED : 0) |
    (repr.dontFragment ? FLAG_DF : 0) |
    (repr.moreFragments ? FLAG_MF : 0) |
    (repr.fragmentOffset / 8);
  writeU16(bytes, Ipv4Field.FLAGS_FRAGMENT, flags);
  bytes[Ipv4Field.TTL] = repr.ttl;
  bytes[Ipv4Field.PROTOCOL] = repr.protocol;
  writeU32(bytes, Ipv4Field.SRC, repr.src);
  writeU32(bytes, Ipv4Field.DST, repr.dst);
  if (repr.options) bytes.set(repr.options, IPV4_MIN_HEADER);
  // RFC 791 §3.1 "Header Checksum": computed over the header with the field zero.
  writeU16(bytes, Ipv4Field.CHECKSUM, internetChecksum(bytes.subarray(0, headerLength)));
  bytes.set(repr.payload, headerLength);
  return bytes;
}

function checkEmittable(repr: Ipv4Repr, headerLength: number, totalLength: number): void {
  const problems: string[] = [];
  if (headerLength > IPV4_MAX_HEADER || headerLength % 4 !== 0) problems.push(`options of ${headerLength - 20} bytes (need a multiple of 4, at most 40)`);
  if (totalLength > IPV4_MAX_TOTAL_LENGTH) problems.push(`total length ${totalLength} > 65535`);
  if (repr.fragmentOffset % 8 !== 0 || repr.fragmentOffset < 0 || repr.fragmentOffset / 8 > FRAGMENT_MASK) {
    problems.push(`fragment offset ${repr.fragmentOffset} is not a multiple of 8 in 0…65528`);
  }
  if (!isByte(repr.ttl)) problems.push(`ttl ${repr.ttl}`);
  if (!isByte(repr.protocol)) problems.push(`protocol ${repr.protocol}`);
  if (repr.dscp < 0 || repr.dscp > 63 || repr.ecn < 0 || repr.ecn > 3) problems.push(`dscp ${repr.dscp} / ecn ${repr.ecn}`);
  if (repr.identification < 0 || repr.identification > 0xffff) problems.push(`identification ${repr.identification}`);
  if (problems.length > 0) throw new RangeError(`cannot emit IPv4 header: ${problems.join("; ")}`);
}

function isByte(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 255;
}

/**
 * Decrement the TTL of the IPv4 packet in `packet` in place and patch its
 * checksum, exactly as Linux's ip_decrease_ttl() (include/net/ip.h) does when
 * forwarding: TTL is the high byte of header word 4, so lowering it by one
 * lowers the one's complement sum by 0x0100 and raises the checksum by 0x0100
 * with end-around carry — RFC 1624 eqn. 3 specialised to this one change
 * (RFC 1141 describes the same trick). Returns the new TTL. The caller checks
 * TTL > 1 first (RFC 1812 §5.3.1); decrementing 0 is a programming error.
 */
export function decrementTtl(packet: Uint8Array): number {
  const ttl = packet[Ipv4Field.TTL]!;
  if (ttl === 0) throw new RangeError("cannot decrement a TTL of 0");
  let check = readU16(packet, Ipv4Field.CHECKSUM) + 0x0100;
  // Kernel: check + (check >= 0xFFFF), truncated to 16 bits — yields 0x0000 rather than 0xffff.
  check = (check + (check >= 0xffff ? 1 : 0)) & 0xffff;
  writeU16(packet, Ipv4Field.CHECKSUM, check);
  packet[Ipv4Field.TTL] = ttl - 1;
  return ttl - 1;
}

export function ipProtocolName(protocol: number): string {
  switch (protocol) {
    case IpProtocol.ICMP:
      return "ICMP";
    case IpProtocol.TCP:
      return "TCP";
    case IpProtocol.UDP:
      return "UDP";
    default:
      return `protocol ${protocol}`;
  }
}
