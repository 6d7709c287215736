/**
 * The IANA IPv4 Special-Purpose Address Registry (RFC 6890 and the RFCs it
 * lists), plus the multicast and reserved class ranges. Looked up most
 * specific first, so 255.255.255.255 is "Limited Broadcast", not "Reserved".
 */
import type { SpecialRange } from "./explorer-types";
import { type Ipv4Address, ipv4FromOctets } from "./ipv4";
import { type Ipv4Cidr, formatIpv4Cidr, ipv4ContainsAddress } from "./ipv4-cidr";

interface Ipv4SpecialEntry {
  block: Ipv4Cidr;
  name: string;
  rfc: string;
}

function entry(a: number, b: number, c: number, d: number, prefix: number, name: string, rfc: string): Ipv4SpecialEntry {
  return { block: { address: ipv4FromOctets(a, b, c, d), prefix }, name, rfc };
}

const ENTRIES: readonly Ipv4SpecialEntry[] = [
  entry(0, 0, 0, 0, 32, "This host on this network", "RFC 1122"),
  entry(0, 0, 0, 0, 8, "This network", "RFC 791"),
  entry(10, 0, 0, 0, 8, "Private-Use", "RFC 1918"),
  entry(100, 64, 0, 0, 10, "Shared Address Space (CGNAT)", "RFC 6598"),
  entry(127, 0, 0, 0, 8, "Loopback", "RFC 1122"),
  entry(169, 254, 0, 0, 16, "Link-Local", "RFC 3927"),
  entry(172, 16, 0, 0, 12, "Private-Use", "RFC 1918"),
  entry(192, 0, 0, 0, 24, "IETF Protocol Assignments", "RFC 6890"),
  entry(192, 0, 2, 0, 24, "Documentation (TEST-NET-1)", "RFC 5737"),
  entry(192, 88, 99, 0, 24, "6to4 Relay Anycast (deprecated)", "RFC 7526"),
  entry(192, 168, 0, 0, 16, "Private-Use", "RFC 1918"),
  entry(198, 18, 0, 0, 15, "Benchmarking", "RFC 2544"),
  entry(198, 51, 100, 0, 24, "Documentation (TEST-NET-2)", "RFC 5737"),
  entry(203, 0, 113, 0, 24, "Documentation (TEST-NET-3)", "RFC 5737"),
  entry(224, 0, 0, 0, 4, "Multicast", "RFC 5771"),
  entry(240, 0, 0, 0, 4, "Reserved (former class E)", "RFC 1112"),
  entry(255, 255, 255, 255, 32, "Limited Broadcast", "RFC 919"),
];

/** Most specific (longest prefix) first; the sort is stable, so equal lengths keep registry order. */
const BY_SPECIFICITY = [...ENTRIES].sort((x, y) => y.block.prefix - x.block.prefix);

export const IPV4_SPECIAL_RANGES: readonly SpecialRange[] = ENTRIES.map(toRange);

function toRange(e: Ipv4SpecialEntry): SpecialRange {
  return { cidr: formatIpv4Cidr(e.block), name: e.name, rfc: e.rfc };
}

/** The most specific special-purpose range holding the address, or null for ordinary unicast. */
export function ipv4SpecialRange(address: Ipv4Address): SpecialRange | null {
  const hit = BY_SPECIFICITY.find((e) => ipv4ContainsAddress(e.block, address));
  return hit ? toRange(hit) : null;
}

/** Whether the address is private-use per RFC 1918 — the ranges a VPC may use. */
export function ipv4IsPrivate(address: Ipv4Address): boolean {
  return ipv4SpecialRange(address)?.name === "Private-Use";
}
