import { bench, describe } from "vitest";
import { Rng } from "../core";
import { ipv4Cidr, type Ipv4Address } from "../addr";
import { HashedPrefixTable } from "./fib-trie";
import { LinearFib } from "./linear-fib";
import { maskOf } from "./prefix-table";

// 100k random routes (prefix lengths 8–32), 1k lookups: the hashed table probes ≤ 33 maps per lookup, the linear scan all routes.
const rng = Rng.fromSeed("fib-bench");
const routes = Array.from({ length: 100_000 }, () => {
  const prefix = rng.intBetween(8, 32);
  return ipv4Cidr(((rng.nextU32() & maskOf(prefix)) >>> 0) as Ipv4Address, prefix);
});
const probes = Array.from({ length: 1_000 }, () => rng.nextU32() as Ipv4Address);
const hashed = new HashedPrefixTable<number>();
const linear = new LinearFib<number>();
routes.forEach((r, i) => hashed.set(r, i));
routes.slice(0, 10_000).forEach((r, i) => linear.set(r, i));

describe("LPM lookup", () => {
  bench("HashedPrefixTable, 100k routes, 1k lookups", () => {
    for (const p of probes) hashed.longestMatch(p, (v) => v);
  });
  bench("LinearFib, 10k routes, 1k lookups", () => {
    for (const p of probes) linear.longestMatch(p, (v) => v);
  });
});
