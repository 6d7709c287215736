/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's
 * complement sum of the data taken as big-endian 16-bit words. IPv4, ICMP,
 * UDP and TCP all use it.
 */
import type { Ipv4Address } from "../addr";

/**
 * One's complement sum of `bytes` added to `initial`, folded to 16 bits
 * (RFC 1071 §4.1). An odd trailing byte is padded with a zero byte on the
 * right (RFC 1071 §1 (1)). The sum is associative, so pieces — a pseudo
 * header, then a segment — can be summed separately and combined.
 */
export function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  const even = bytes.length & ~1;
  for (let i = 0; i < even; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (even < bytes.length) sum += bytes[even]! << 8;
  return fold(sum);
}

/** Fold carries back into the low 16 bits (end-around carry). */
export function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** The checksum to store: the complement of the sum. */
export function internetChecksum(bytes: Uint8Array, initial = 0): number {
  return ~onesComplementSum(bytes, initial) & 0xffff;
}

/**
 * True when `bytes`, checksum field included, sum to 0xffff — the receiver's
 * check (RFC 1071 §1 (3)).
 */
export function checksumIsValid(bytes: Uint8Array, initial = 0): boolean {
  return onesComplementSum(bytes, initial) === 0xffff;
}

/**
 * The sum of the IPv4 pseudo header UDP and TCP checksums cover
 * (RFC 768 "Fields"; RFC 9293 §3.1 "Checksum"): source and destination
 * address, a zero byte, the protocol number and the transport length.
 */
export function ipv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, protocol: number, length: number): number {
  return fold((src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length);
}

/**
 * Incremental update (RFC 1624 §3, eqn. 3): the new checksum after one
 * 16-bit word of the covered data changed from `oldWord` to `newWord`,
 * HC' = ~(~HC + ~m + m'), without summing the data again.
 */
export function updateChecksum(checksum: number, oldWord: number, newWord: number): number {
  return ~fold((~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff)) & 0xffff;
}
