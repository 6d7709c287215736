/**
 * An IPv4 address with a prefix length, the way `ip addr` holds it: the
 * address may have host bits set (10.0.3.7/16 is an interface address inside
 * the block 10.0.0.0/16). Block arithmetic works on the network part.
 */
import type { Checked } from "./explorer-types";
import { type Ipv4Address, IPV4_BITS, formatIpv4, ipv4FromNumber, parseIpv4 } from "./ipv4";
import { ipv4MaskBits } from "./ipv4-mask";
import { fail, ok } from "./problem";
import { parsePrefixLength } from "./prefix-length";

export interface Ipv4Cidr {
  readonly address: Ipv4Address;
  /** 0 … 32 */
  readonly prefix: number;
}

/** Build a CIDR; a prefix outside 0…32 is a programming error, not an input problem. */
export function ipv4Cidr(address: Ipv4Address, prefix: number): Ipv4Cidr {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > IPV4_BITS) {
    throw new RangeError(`IPv4 prefix length must be 0–32, got ${prefix}`);
  }
  return { address, prefix };
}

export function ipv4Network(cidr: Ipv4Cidr): Ipv4Address {
  return ipv4FromNumber(cidr.address & ipv4MaskBits(cidr.prefix));
}

/** The highest address of the block (its broadcast address when prefix ≤ 30). */
export function ipv4LastAddress(cidr: Ipv4Cidr): Ipv4Address {
  return ipv4FromNumber(cidr.address | ~ipv4MaskBits(cidr.prefix));
}

/**
 * The directed broadcast address. RFC 3021 point-to-point /31s have none
 * (both addresses are hosts) and a /32 is a single host.
 */
export function ipv4Broadcast(cidr: Ipv4Cidr): Ipv4Address | null {
  return cidr.prefix <= 30 ? ipv4LastAddress(cidr) : null;
}

/** The block in canonical form: host bits cleared. */
export function ipv4Canonical(cidr: Ipv4Cidr): Ipv4Cidr {
  return { address: ipv4Network(cidr), prefix: cidr.prefix };
}

export function ipv4IsCanonical(cidr: Ipv4Cidr): boolean {
  return (cidr.address & ~ipv4MaskBits(cidr.prefix)) === 0;
}

/** Addresses in a block of this prefix length: 2^(32 − prefix), exact as a double. */
export function ipv4AddressCount(prefix: number): number {
  return 2 ** (IPV4_BITS - prefix);
}

/**
 * Hosts a block can number: all but the network and broadcast addresses,
 * except that a /31 has two (RFC 3021 §2.1) and a /32 one.
 */
export function ipv4UsableHostCount(prefix: number): number {
  if (prefix === IPV4_BITS) return 1;
  if (prefix === IPV4_BITS - 1) return 2;
  return ipv4AddressCount(prefix) - 2;
}

export function ipv4FirstUsable(cidr: Ipv4Cidr): Ipv4Address {
  const network = ipv4Network(cidr);
  return cidr.prefix >= 31 ? network : ipv4FromNumber(network + 1);
}

export function ipv4LastUsable(cidr: Ipv4Cidr): Ipv4Address {
  const last = ipv4LastAddress(cidr);
  return cidr.prefix >= 31 ? last : ipv4FromNumber(last - 1);
}

export function ipv4ContainsAddress(cidr: Ipv4Cidr, address: Ipv4Address): boolean {
  return ((cidr.address ^ address) & ipv4MaskBits(cidr.prefix)) === 0;
}

/** Whether `inner` lies entirely within `outer` (a block contains itself). */
export function ipv4Contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && ipv4ContainsAddress(outer, inner.address);
}

/** CIDR blocks either nest or are disjoint, so they overlap exactly when one contains the other. */
export function ipv4Overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return ipv4Contains(a, b) || ipv4Contains(b, a);
}

export function formatIpv4Cidr(cidr: Ipv4Cidr): string {
  return `${formatIpv4(cidr.address)}/${cidr.prefix}`;
}

/**
 * Strict "a.b.c.d/n" (what we store and put in URLs). Students' free-form
 * input — masks, spaces, bare addresses — goes through parseAddressInput.
 */
export function parseIpv4Cidr(text: string, base = 0): Checked<Ipv4Cidr> {
  const slash = text.indexOf("/");
  if (slash < 0) return fail("Write the block as address/prefix, e.g. 10.0.0.0/16.", base + text.length);
  const address = parseIpv4(text.slice(0, slash), base);
  if (!address.ok) return address;
  const prefix = quickPrefix(text, slash + 1);
  if (prefix >= 0) return ok({ address: address.value, prefix });
  const checked = parsePrefixLength(text.slice(slash + 1), base + slash + 1, 4);
  if (!checked.ok) return checked;
  return ok({ address: address.value, prefix: checked.value });
}

/** The common case without allocating: one or two digits, no leading zero, at most 32; −1 otherwise. */
function quickPrefix(text: string, from: number): number {
  const digits = text.length - from;
  const first = text.charCodeAt(from) - 48;
  if (digits === 1 && first >= 0 && first <= 9) return first;
  const second = text.charCodeAt(from + 1) - 48;
  if (digits !== 2 || first < 1 || first > 3 || second < 0 || second > 9) return -1;
  const value = first * 10 + second;
  return value <= 32 ? value : -1;
}
