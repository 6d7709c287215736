/**
 * IPv6 addresses as bigint. Why not four 32-bit numbers: prefix arithmetic
 * (masks at any of 129 lengths, shifts, "network + i × size", counts up to
 * 2^128) is one expression on a bigint but carry-and-borrow code on limbs,
 * and the explorer needs 128-bit counts as decimal strings anyway. IPv6 is
 * not on a hot path here; if a FIB ever needs faster lookups it can keep its
 * own representation.
 */
export type Ipv6Address = bigint & { readonly __brand: "Ipv6Address" };

export const IPV6_BITS = 128;
export const IPV6_MAX = (1n << 128n) - 1n;

/** Wrap a value as an address, keeping the low 128 bits. */
export function ipv6FromBigInt(value: bigint): Ipv6Address {
  return BigInt.asUintN(IPV6_BITS, value) as Ipv6Address;
}

/** The eight 16-bit groups, most significant first. */
export function ipv6Groups(address: Ipv6Address): number[] {
  const groups: number[] = [];
  // Four 32-bit words: half the bigint operations of eight 16-bit steps (each one allocates).
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const word = Number(BigInt.asUintN(32, address >> shift));
    groups.push(word >>> 16, word & 0xffff);
  }
  return groups;
}

/** The address from exactly eight 16-bit groups, most significant first. */
export function ipv6FromGroups(groups: readonly number[]): Ipv6Address {
  const word = (i: number) => ((((groups[i] ?? 0) & 0xffff) << 16) | ((groups[i + 1] ?? 0) & 0xffff)) >>> 0;
  return ((BigInt(word(0)) << 96n) | (BigInt(word(2)) << 64n) | (BigInt(word(4)) << 32n) | BigInt(word(6))) as Ipv6Address;
}

/** The address as 128 '0'/'1' characters, most significant bit first. */
export function ipv6Bits(address: Ipv6Address): string {
  return address.toString(2).padStart(IPV6_BITS, "0");
}
