/**
 * Named IPv6 ranges (RFC 4291 §2.4 address types and the IANA IPv6
 * Special-Purpose Address Registry, RFC 6890), most specific first, so
 * 2001:db8::1 is "Documentation" rather than just "Global Unicast".
 */
import type { SpecialRange } from "./explorer-types";
import type { Ipv6Address } from "./ipv6";
import { type Ipv6Cidr, formatIpv6Cidr, ipv6ContainsAddress } from "./ipv6-cidr";

interface Ipv6SpecialEntry {
  block: Ipv6Cidr;
  name: string;
  rfc: string;
}

function entry(address: bigint, prefix: number, name: string, rfc: string): Ipv6SpecialEntry {
  return { block: { address: address as Ipv6Address, prefix }, name, rfc };
}

const ENTRIES: readonly Ipv6SpecialEntry[] = [
  entry(0n, 128, "Unspecified", "RFC 4291"),
  entry(1n, 128, "Loopback", "RFC 4291"),
  entry(0xffffn << 32n, 96, "IPv4-mapped", "RFC 4291"),
  entry(0x64ff9bn << 96n, 96, "IPv4/IPv6 translation (NAT64)", "RFC 6052"),
  entry(0x20010db8n << 96n, 32, "Documentation", "RFC 3849"),
  entry(0xfc00n << 112n, 7, "Unique Local", "RFC 4193"),
  entry(0xfe80n << 112n, 10, "Link-Local Unicast", "RFC 4291"),
  entry(0xff00n << 112n, 8, "Multicast", "RFC 4291"),
  entry(0x2000n << 112n, 3, "Global Unicast", "RFC 4291"),
];

const BY_SPECIFICITY = [...ENTRIES].sort((x, y) => y.block.prefix - x.block.prefix);

function toRange(e: Ipv6SpecialEntry): SpecialRange {
  return { cidr: formatIpv6Cidr(e.block), name: e.name, rfc: e.rfc };
}

export const IPV6_SPECIAL_RANGES: readonly SpecialRange[] = ENTRIES.map(toRange);

/** The most specific named range holding the address, or null. */
export function ipv6SpecialRange(address: Ipv6Address): SpecialRange | null {
  const hit = BY_SPECIFICITY.find((e) => ipv6ContainsAddress(e.block, address));
  return hit ? toRange(hit) : null;
}
