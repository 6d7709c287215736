/**
 * An IPv6 address with a prefix length (RFC 4291 §2.3). IPv6 has no
 * broadcast: every address of a block is an address, so "first" and "last"
 * are the block's ends, as ipcalc and sipcalc print them.
 */
import type { Checked } from "./explorer-types";
import { type Ipv6Address, IPV6_BITS, IPV6_MAX } from "./ipv6";
import { formatIpv6 } from "./ipv6-format";
import { parseIpv6 } from "./ipv6-parse";
import { parsePrefixLength } from "./prefix-length";
import { fail, ok } from "./problem";

export interface Ipv6Cidr {
  readonly address: Ipv6Address;
  /** 0 … 128 */
  readonly prefix: number;
}

export function ipv6Cidr(address: Ipv6Address, prefix: number): Ipv6Cidr {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > IPV6_BITS) {
    throw new RangeError(`IPv6 prefix length must be 0–128, got ${prefix}`);
  }
  return { address, prefix };
}

/**
 * Masks for every prefix length, built once: bigint operations allocate, and
 * a table lookup saves a BigInt() conversion, a shift and a subtraction on
 * every containment test (about twice as fast in src/bench/cidr.bench.ts).
 */
const HOST_MASKS: readonly bigint[] = Array.from({ length: IPV6_BITS + 1 }, (_, p) => (1n << BigInt(IPV6_BITS - p)) - 1n);
const NETWORK_MASKS: readonly bigint[] = HOST_MASKS.map((host) => IPV6_MAX ^ host);

function lookup(table: readonly bigint[], prefix: number): bigint {
  const mask = table[prefix];
  if (mask === undefined) throw new RangeError(`IPv6 prefix length must be 0–128, got ${prefix}`);
  return mask;
}

/** The host part's bits set: 2^(128 − prefix) − 1. */
export function ipv6HostMask(prefix: number): bigint {
  return lookup(HOST_MASKS, prefix);
}

export function ipv6PrefixToMask(prefix: number): Ipv6Address {
  return lookup(NETWORK_MASKS, prefix) as Ipv6Address;
}

export function ipv6Network(cidr: Ipv6Cidr): Ipv6Address {
  return (cidr.address & lookup(NETWORK_MASKS, cidr.prefix)) as Ipv6Address;
}

export function ipv6LastAddress(cidr: Ipv6Cidr): Ipv6Address {
  return (cidr.address | ipv6HostMask(cidr.prefix)) as Ipv6Address;
}

export function ipv6Canonical(cidr: Ipv6Cidr): Ipv6Cidr {
  return { address: ipv6Network(cidr), prefix: cidr.prefix };
}

export function ipv6IsCanonical(cidr: Ipv6Cidr): boolean {
  return (cidr.address & ipv6HostMask(cidr.prefix)) === 0n;
}

/** 2^(128 − prefix): up to 2^128, hence a bigint. */
export function ipv6AddressCount(prefix: number): bigint {
  return lookup(HOST_MASKS, prefix) + 1n;
}

export function ipv6ContainsAddress(cidr: Ipv6Cidr, address: Ipv6Address): boolean {
  return ((cidr.address ^ address) & lookup(NETWORK_MASKS, cidr.prefix)) === 0n;
}

export function ipv6Contains(outer: Ipv6Cidr, inner: Ipv6Cidr): boolean {
  return inner.prefix >= outer.prefix && ipv6ContainsAddress(outer, inner.address);
}

/** Blocks nest or are disjoint, so they overlap exactly when one contains the other. */
export function ipv6Overlaps(a: Ipv6Cidr, b: Ipv6Cidr): boolean {
  return ipv6Contains(a, b) || ipv6Contains(b, a);
}

export function formatIpv6Cidr(cidr: Ipv6Cidr): string {
  return `${formatIpv6(cidr.address)}/${cidr.prefix}`;
}

/** Strict "address/prefix"; free-form student input goes through parseAddressInput. */
export function parseIpv6Cidr(text: string, base = 0): Checked<Ipv6Cidr> {
  const slash = text.indexOf("/");
  if (slash < 0) return fail("Write the block as address/prefix, e.g. 2001:db8::/32.", base + text.length);
  const address = parseIpv6(text.slice(0, slash), base);
  if (!address.ok) return address;
  const prefix = parsePrefixLength(text.slice(slash + 1), base + slash + 1, 6);
  if (!prefix.ok) return prefix;
  return ok({ address: address.value, prefix: prefix.value });
}
