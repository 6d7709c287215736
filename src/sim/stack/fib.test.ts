import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ipv4Cidr, type Ipv4Address } from "../addr";
import { HashedPrefixTable } from "./fib-trie";
import { LinearFib } from "./linear-fib";
import { maskOf, type PrefixTable } from "./prefix-table";

const cidrArb = fc.record({ address: fc.integer({ min: 0, max: 0xffffffff }), prefix: fc.integer({ min: 0, max: 32 }) })
  .map(({ address, prefix }) => ipv4Cidr(((address & maskOf(prefix)) >>> 0) as Ipv4Address, prefix));

function fill(table: PrefixTable<number>, routes: { prefix: ReturnType<typeof ipv4Cidr>; value: number }[]): void {
  for (const r of routes) table.set(r.prefix, r.value);
}

describe("longest-prefix match", () => {
  it("picks the most specific of overlapping routes", () => {
    const t = new HashedPrefixTable<string>();
    t.set(ipv4Cidr(0 as Ipv4Address, 0), "default");
    t.set(ipv4Cidr(0x0a000000 as Ipv4Address, 8), "10/8");
    t.set(ipv4Cidr(0x0a010000 as Ipv4Address, 16), "10.1/16");
    t.set(ipv4Cidr(0x0a010200 as Ipv4Address, 24), "10.1.2/24");
    const get = (a: number) => t.longestMatch(a as Ipv4Address, (v) => v);
    expect(get(0x0a010203)).toBe("10.1.2/24");
    expect(get(0x0a01ff01)).toBe("10.1/16");
    expect(get(0x0aff0001)).toBe("10/8");
    expect(get(0x08080808)).toBe("default");
    // Backtracking: a rejected candidate gives way to the next shorter prefix.
    expect(t.longestMatch(0x0a010203 as Ipv4Address, (v) => (v === "10.1.2/24" ? undefined : v))).toBe("10.1/16");
  });

  it("equals a linear scan on random route sets (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ prefix: cidrArb, value: fc.integer() }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 30 }),
        (routes, probes) => {
          const fast = new HashedPrefixTable<number>();
          const slow = new LinearFib<number>();
          fill(fast, routes);
          fill(slow, routes);
          expect(fast.size).toBe(slow.size);
          for (const p of probes) {
            const address = p as Ipv4Address;
            expect(fast.longestMatch(address, (v, c) => [v, c.prefix])).toEqual(slow.longestMatch(address, (v, c) => [v, c.prefix]));
          }
          expect(fast.entries()).toEqual(slow.entries());
        },
      ),
    );
  });

  it("deleting a prefix falls back to the covering one", () => {
    const t = new HashedPrefixTable<string>();
    t.set(ipv4Cidr(0x0a000000 as Ipv4Address, 8), "a");
    t.set(ipv4Cidr(0x0a010000 as Ipv4Address, 16), "b");
    expect(t.delete(ipv4Cidr(0x0a010000 as Ipv4Address, 16))).toBe(true);
    expect(t.delete(ipv4Cidr(0x0a010000 as Ipv4Address, 16))).toBe(false);
    expect(t.longestMatch(0x0a010101 as Ipv4Address, (v) => v)).toBe("a");
  });
});
