/**
 * Longest-prefix match by one hash map per prefix length (the scheme of
 * Waldvogel et al., "Scalable High Speed IP Routing Lookups", SIGCOMM 1997,
 * without the binary search over lengths): a lookup probes only the lengths
 * that hold routes, longest first, so it costs at most 33 map probes however
 * many routes there are — against a linear scan's n. Linux uses an LC-trie
 * (net/ipv4/fib_trie.c); the results are identical, which the property test
 * checks against `LinearFib`.
 */
import { ipv4Cidr, type Ipv4Address, type Ipv4Cidr } from "../addr";
import { compareForListing, maskOf, type PrefixTable } from "./prefix-table";

export class HashedPrefixTable<V> implements PrefixTable<V> {
  /** byLength[len] maps a network address (host bits zero) to its value. */
  readonly #byLength: Map<number, V>[] = Array.from({ length: 33 }, () => new Map());
  /** Prefix lengths that hold at least one entry, longest first. */
  #lengths: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(prefix: Ipv4Cidr): V | undefined {
    return this.#byLength[prefix.prefix]!.get(network(prefix));
  }

  set(prefix: Ipv4Cidr, value: V): void {
    const map = this.#byLength[prefix.prefix]!;
    const key = network(prefix);
    if (!map.has(key)) {
      this.#size++;
      if (map.size === 0) this.#lengths = [...this.#lengths, prefix.prefix].sort((a, b) => b - a);
    }
    map.set(key, value);
  }

  delete(prefix: Ipv4Cidr): boolean {
    const map = this.#byLength[prefix.prefix]!;
    if (!map.delete(network(prefix))) return false;
    this.#size--;
    if (map.size === 0) this.#lengths = this.#lengths.filter((l) => l !== prefix.prefix);
    return true;
  }

  longestMatch<R>(address: Ipv4Address, pick: (value: V, prefix: Ipv4Cidr) => R | undefined): R | undefined {
    for (const length of this.#lengths) {
      const key = (address & maskOf(length)) >>> 0;
      const value = this.#byLength[length]!.get(key);
      if (value === undefined) continue;
      const picked = pick(value, ipv4Cidr(key as Ipv4Address, length));
      if (picked !== undefined) return picked;
    }
    return undefined;
  }

  entries(): [Ipv4Cidr, V][] {
    const out: [Ipv4Cidr, V][] = [];
    for (const length of this.#lengths) {
      for (const [key, value] of this.#byLength[length]!) out.push([ipv4Cidr(key as Ipv4Address, length), value]);
    }
    return out.sort(([a], [b]) => compareForListing(a, b));
  }
}

function network(prefix: Ipv4Cidr): number {
  return (prefix.address & maskOf(prefix.prefix)) >>> 0;
}
