/**
 * UDP (RFC 768): ports, length, checksum over an IPv4 pseudo header.
 */
import { err, ok, readU16, writeU16, type Result } from "../core";
import type { Ipv4Address } from "../addr";
import { checksumIsValid, internetChecksum, ipv4PseudoHeaderSum } from "./checksum";
import { IpProtocol } from "./ipv4";
import { malformed, truncated, type WireError } from "./wire-error";

export const UDP_HEADER_LENGTH = 8;

export const UdpField = {
  SRC_PORT: 0,
  DST_PORT: 2,
  LENGTH: 4,
  CHECKSUM: 6,
  PAYLOAD: 8,
} as const;

export interface UdpRepr {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Uint8Array;
}

/** The addresses of the carrying IPv4 header, which the checksum covers. */
export interface Ipv4Endpoints {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
}

/**
 * Parse a datagram (the IPv4 payload). With `endpoints`, the checksum is
 * verified — unless it is zero, which in IPv4 means the sender computed none
 * (RFC 768 "If the computed checksum is zero, it is transmitted as all ones…
 * An all zero transmitted checksum value means that the transmitter generated
 * no checksum").
 */
export function parseUdp(bytes: Uint8Array, endpoints?: Ipv4Endpoints): Result<UdpRepr, WireError> {
  if (bytes.length < UDP_HEADER_LENGTH) return err(truncated("udp", UDP_HEADER_LENGTH, bytes.length));
  const length = readU16(bytes, UdpField.LENGTH);
  if (length < UDP_HEADER_LENGTH) return err(malformed("udp", "length", `length ${length} is shorter than the 8-byte header`));
  if (length > bytes.length) return err(truncated("udp", length, bytes.length));
  const datagram = bytes.subarray(0, length);
  const stored = readU16(bytes, UdpField.CHECKSUM);
  if (endpoints && stored !== 0) {
    const pseudo = ipv4PseudoHeaderSum(endpoints.src, endpoints.dst, IpProtocol.UDP, length);
    if (!checksumIsValid(datagram, pseudo)) {
      return err({ kind: "bad-checksum", protocol: "udp", stored, computed: udpChecksum(datagram, endpoints) });
    }
  }
  return ok({
    srcPort: readU16(bytes, UdpField.SRC_PORT),
    dstPort: readU16(bytes, UdpField.DST_PORT),
    payload: datagram.subarray(UDP_HEADER_LENGTH),
  });
}

/** The checksum `datagram` should carry between `endpoints` (0 is sent as 0xffff). */
export function udpChecksum(datagram: Uint8Array, endpoints: Ipv4Endpoints): number {
  const copy = datagram.slice();
  writeU16(copy, UdpField.CHECKSUM, 0);
  const sum = internetChecksum(copy, ipv4PseudoHeaderSum(endpoints.src, endpoints.dst, IpProtocol.UDP, datagram.length));
  return sum === 0 ? 0xffff : sum;
}

/**
 * Serialise. With `endpoints` the checksum is computed, as Linux always does
 * for UDP over IPv4 unless a socket sets SO_NO_CHECK; without, it is zero.
 */
export function emitUdp(repr: UdpRepr, endpoints?: Ipv4Endpoints): Uint8Array {
  const length = UDP_HEADER_LENGTH + repr.payload.length;
  if (length > 0xffff) throw new RangeError(`UDP datagram of ${length} bytes exceeds 65535`);
  const bytes = new Uint8Array(length);
  writeU16(bytes, UdpField.SRC_PORT, repr.srcPort);
  writeU16(bytes, UdpField.DST_PORT, repr.dstPort);
  writeU16(bytes, UdpField.LENGTH, length);
  bytes.set(repr.payload, UDP_HEADER_LENGTH);
  if (endpoints) writeU16(bytes, UdpField.CHECKSUM, udpChecksum(bytes, endpoints));
  return bytes;
}
