/**
 * The interface both longest-prefix-match structures implement: values keyed
 * by an IPv4 prefix, and a lookup that walks from the longest matching prefix
 * to the shortest, letting the caller skip a candidate (a dead nexthop, a
 * route bound to another device) the way fib_table_lookup() backtracks.
 */
import type { Ipv4Address, Ipv4Cidr } from "../addr";

export interface PrefixTable<V> {
  readonly size: number;
  get(prefix: Ipv4Cidr): V | undefined;
  set(prefix: Ipv4Cidr, value: V): void;
  delete(prefix: Ipv4Cidr): boolean;
  /** The first non-undefined `pick` result, trying prefixes containing `address` from longest to shortest. */
  longestMatch<R>(address: Ipv4Address, pick: (value: V, prefix: Ipv4Cidr) => R | undefined): R | undefined;
  /** Every entry, in the order `ip route show` lists a table: by network ascending, longer prefix first. */
  entries(): [Ipv4Cidr, V][];
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** fib_trie order: network address ascending; for the same network, the longer prefix first. */
export function compareForListing(a: Ipv4Cidr, b: Ipv4Cidr): number {
  return a.address !== b.address ? a.address - b.address : b.prefix - a.prefix;
}
