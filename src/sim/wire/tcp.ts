/**
 * TCP segment headers (RFC 9293 §3.1): ports, sequence and acknowledgment
 * numbers, data offset, control bits, window, checksum over the IPv4 pseudo
 * header, urgent pointer, options.
 */
import { err, ok, readU16, readU32, writeU16, writeU32, type Result } from "../core";
import { checksumIsValid, internetChecksum, ipv4PseudoHeaderSum } from "./checksum";
import { IpProtocol } from "./ipv4";
import { parseTcpOptions, tcpOptionsLength, writeTcpOptions, type TcpOption } from "./tcp-options";
import type { Ipv4Endpoints } from "./udp";
import { malformed, truncated, type WireError } from "./wire-error";

export const TCP_MIN_HEADER = 20;
export const TCP_MAX_HEADER = 60;

export const TcpField = {
  SRC_PORT: 0,
  DST_PORT: 2,
  SEQ: 4,
  ACK: 8,
  /** Data offset (4 bits), reserved (3 bits), then the control bits (9 bits, AE first). */
  OFFSET_FLAGS: 12,
  WINDOW: 14,
  CHECKSUM: 16,
  URGENT: 18,
  OPTIONS: 20,
} as const;

/** Control bits (RFC 9293 §3.1; ECE/CWR RFC 3168 §23.2; AE RFC 9768, formerly NS). */
export const TcpFlag = {
  FIN: 0x001,
  SYN: 0x002,
  RST: 0x004,
  PSH: 0x008,
  ACK: 0x010,
  URG: 0x020,
  ECE: 0x040,
  CWR: 0x080,
  AE: 0x100,
} as const;

/** The 12 bits after the data offset: 3 reserved bits and the 9 control bits. */
const FLAGS_MASK = 0x0fff;

export interface TcpRepr {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  /** A bitmask of TcpFlag values (reserved bits kept as found). */
  readonly flags: number;
  /** The raw window field, before any window scaling. */
  readonly window: number;
  readonly urgentPointer: number;
  readonly options: readonly TcpOption[];
  readonly payload: Uint8Array;
}

/**
 * Parse a segment (the whole IPv4 payload: TCP has no length field of its
 * own). With `endpoints` the checksum is verified; TCP's is mandatory.
 */
export function parseTcp(bytes: Uint8Array, endpoints?: Ipv4Endpoints): Result<TcpRepr, WireError> {
  if (bytes.length < TCP_MIN_HEADER) return err(truncated("tcp", TCP_MIN_HEADER, bytes.length));
  const offsetFlags = readU16(bytes, TcpField.OFFSET_FLAGS);
  const headerLength = (offsetFlags >>> 12) * 4;
  if (headerLength < TCP_MIN_HEADER) {
    return err(malformed("tcp", "data-offset", `data offset ${headerLength / 4} is below the minimum 5 (a ${headerLength}-byte header)`));
  }
  if (headerLength > bytes.length) return err(truncated("tcp", headerLength, bytes.length));
  if (endpoints) {
    const pseudo = ipv4PseudoHeaderSum(endpoints.src, endpoints.dst, IpProtocol.TCP, bytes.length);
    if (!checksumIsValid(bytes, pseudo)) {
      return err({ kind: "bad-checksum", protocol: "tcp", stored: readU16(bytes, TcpField.CHECKSUM), computed: tcpChecksum(bytes, endpoints) });
    }
  }
  const options = parseTcpOptions(bytes.subarray(TCP_MIN_HEADER, headerLength));
  if (!options.ok) return options;
  return ok({
    srcPort: readU16(bytes, TcpField.SRC_PORT),
    dstPort: readU16(bytes, TcpField.DST_PORT),
    seq: readU32(bytes, TcpField.SEQ),
    ack: readU32(bytes, TcpField.ACK),
    flags: offsetFlags & FLAGS_MASK,
    window: readU16(bytes, TcpField.WINDOW),
    urgentPointer: readU16(bytes, TcpField.URGENT),
    options: options.value,
    payload: bytes.subarray(headerLength),
  });
}

/** The checksum `segment` should carry between `endpoints`. */
export function tcpChecksum(segment: Uint8Array, endpoints: Ipv4Endpoints): number {
  const copy = segment.slice();
  writeU16(copy, TcpField.CHECKSUM, 0);
  return internetChecksum(copy, ipv4PseudoHeaderSum(endpoints.src, endpoints.dst, IpProtocol.TCP, segment.length));
}

export function tcpHeaderLength(repr: Pick<TcpRepr, "options">): number {
  return TCP_MIN_HEADER + tcpOptionsLength(repr.options);
}

/** Serialise with the data offset and the checksum (over the pseudo header of `endpoints`) filled in. */
export function emitTcp(repr: TcpRepr, endpoints: Ipv4Endpoints): Uint8Array {
  const headerLength = tcpHeaderLength(repr);
  if (headerLength > TCP_MAX_HEADER) throw new RangeError(`TCP options take ${headerLength - 20} bytes; at most 40 fit`);
  const bytes = new Uint8Array(headerLength + repr.payload.length);
  writeU16(bytes, TcpField.SRC_PORT, repr.srcPort);
  writeU16(bytes, TcpField.DST_PORT, repr.dstPort);
  writeU32(bytes, TcpField.SEQ, repr.seq);
  writeU32(bytes, TcpField.ACK, repr.ack);
  writeU16(bytes, TcpField.OFFSET_FLAGS, ((headerLength / 4) << 12) | (repr.flags & FLAGS_MASK));
  writeU16(bytes, TcpField.WINDOW, repr.window);
  writeU16(bytes, TcpField.URGENT, repr.urgentPointer);
  writeTcpOptions(bytes, TCP_MIN_HEADER, repr.options);
  bytes.set(repr.payload, headerLength);
  writeU16(bytes, TcpField.CHECKSUM, tcpChecksum(bytes, endpoints));
  return bytes;
}

const FLAG_LETTERS: readonly (readonly [number, string])[] = [
  [TcpFlag.FIN, "F"],
  [TcpFlag.SYN, "S"],
  [TcpFlag.RST, "R"],
  [TcpFlag.PSH, "P"],
  [TcpFlag.ACK, "."],
  [TcpFlag.URG, "U"],
  [TcpFlag.ECE, "E"],
  [TcpFlag.CWR, "W"],
  [TcpFlag.AE, "e"],
];

/** Flags as tcpdump prints them in "Flags [S.]": F S R P . U E W e, or "none". */
export function tcpFlagsText(flags: number): string {
  const text = FLAG_LETTERS.filter(([bit]) => (flags & bit) !== 0)
    .map(([, letter]) => letter)
    .join("");
  return text === "" ? "none" : text;
}

/** Flags by name as Wireshark lists them: "SYN, ACK". */
export function tcpFlagNames(flags: number): string {
  const names = (Object.keys(TcpFlag) as (keyof typeof TcpFlag)[]).filter((name) => (flags & TcpFlag[name]) !== 0);
  return names.length === 0 ? "none" : names.join(", ");
}
