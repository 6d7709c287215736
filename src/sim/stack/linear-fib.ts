/**
 * The baseline longest-prefix match: scan every prefix. Correct by
 * inspection, O(n) per lookup — what the benchmark and the property test
 * compare `HashedPrefixTable` against.
 */
import { ipv4Cidr, type Ipv4Address, type Ipv4Cidr } from "../addr";
import { compareForListing, maskOf, type PrefixTable } from "./prefix-table";

export class LinearFib<V> implements PrefixTable<V> {
  readonly #entries: { prefix: Ipv4Cidr; value: V }[] = [];

  get size(): number {
    return this.#entries.length;
  }

  get(prefix: Ipv4Cidr): V | undefined {
    return this.#find(prefix)?.value;
  }

  set(prefix: Ipv4Cidr, value: V): void {
    const found = this.#find(prefix);
    if (found) found.value = value;
    else this.#entries.push({ prefix: canonical(prefix), value });
  }

  delete(prefix: Ipv4Cidr): boolean {
    const found = this.#find(prefix);
    if (!found) return false;
    this.#entries.splice(this.#entries.indexOf(found), 1);
    return true;
  }

  longestMatch<R>(address: Ipv4Address, pick: (value: V, prefix: Ipv4Cidr) => R | undefined): R | undefined {
    const matching = this.#entries.filter((e) => ((address & maskOf(e.prefix.prefix)) >>> 0) === e.prefix.address);
    matching.sort((a, b) => b.prefix.prefix - a.prefix.prefix);
    for (const entry of matching) {
      const picked = pick(entry.value, entry.prefix);
      if (picked !== undefined) return picked;
    }
    return undefined;
  }

  entries(): [Ipv4Cidr, V][] {
    return this.#entries.map((e): [Ipv4Cidr, V] => [e.prefix, e.value]).sort(([a], [b]) => compareForListing(a, b));
  }

  #find(prefix: Ipv4Cidr): { prefix: Ipv4Cidr; value: V } | undefined {
    const c = canonical(prefix);
    return this.#entries.find((e) => e.prefix.address === c.address && e.prefix.prefix === c.prefix);
  }
}

function canonical(prefix: Ipv4Cidr): Ipv4Cidr {
  return ipv4Cidr(((prefix.address & maskOf(prefix.prefix)) >>> 0) as Ipv4Address, prefix.prefix);
}
