/**
 * Throughput of the address library's everyday operations beside ipaddr.js
 * and netmask doing the same work, measured in the same run on the same
 * inputs. Each timed call processes a whole batch of inputs, so the clock's
 * own cost (tens of nanoseconds per reading) does not swamp operations that
 * take a few nanoseconds. What remains common to every library is the batch
 * loop's call through a shared closure (about 20 ns per operation on a
 * laptop-class core), so ratios of the very cheapest cases are pulled
 * towards 1.
 */
import ipaddr from "ipaddr.js";
import { Netmask } from "netmask";
import { Bench } from "tinybench";
import {
  formatIpv4,
  formatIpv4Cidr,
  formatIpv6,
  ipv4Canonical,
  ipv4ContainsAddress,
  ipv4FromNumber,
  ipv4Halves,
  ipv4LastAddress,
  ipv4Network,
  ipv6ContainsAddress,
  must,
  parseIpv4,
  parseIpv4Cidr,
  parseIpv6,
  parseIpv6Cidr,
} from "../sim/addr";
import type { BenchReport } from "./report";

/** One library's way of doing a case. */
export interface BenchImpl<I> {
  /** Prepare the inputs (untimed: parsing a block for a containment test, say) and return the timed batch. */
  batch(inputs: readonly I[]): () => void;
  /** The answer for one input as text, identical across libraries when they agree. */
  summarize(input: I): string;
}

export interface BenchCase<I> {
  name: string;
  inputs: readonly I[];
  ours: BenchImpl<I>;
  theirs: Record<string, BenchImpl<I>>;
}

/** Keeps results alive so the optimiser cannot drop the work being timed. */
let sink: unknown;

/** A library's implementation from a preparation step, the timed operation and a summary of its result. */
function impl<I, P, R>(prepare: (input: I) => P, run: (prepared: P) => R, summary: (result: R) => string): BenchImpl<I> {
  return {
    batch(inputs) {
      const prepared = inputs.map(prepare);
      return () => {
        for (let i = 0; i < prepared.length; i++) sink = run(prepared[i] as P);
      };
    },
    summarize: (input) => summary(run(prepare(input))),
  };
}

const same = <T>(value: T): T => value;

/** A small deterministic generator (xorshift32), so every run measures the same inputs. */
function numbers(count: number, seed: number): number[] {
  const out: number[] = [];
  let state = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.push(state >>> 0);
  }
  return out;
}

const BATCH = 256;
const v4Text = (n: number) => formatIpv4(ipv4FromNumber(n));
/** Interface-style blocks (host bits set), /8 to /30 so every library agrees on broadcast. */
const cidrTexts = numbers(BATCH, 7).map((n, i) => `${v4Text(n)}/${8 + (i % 23)}`);
const addressTexts = numbers(BATCH, 11).map((n, i) => v4Text(i % 2 ? n : (n & 0xffff0000) >>> 0));
const pairs = cidrTexts.map((c, i) => [c, addressTexts[i] ?? "0.0.0.0"] as const);
const v6Texts = numbers(BATCH * 4, 13).reduce<string[]>((acc, n, i, all) => {
  if (i % 4 !== 0) return acc;
  // Start with a non-zero group and leave zero runs, so every library prints the same RFC 5952 text.
  const groups = [0x2001, 0xdb8, n & 0xffff, 0, 0, (all[i + 1] ?? 0) & 0xff, 0, (all[i + 2] ?? 1) & 0xffff];
  acc.push(formatIpv6(must(parseIpv6(groups.map((g) => g.toString(16)).join(":")))));
  return acc;
}, []);
const v6Pairs = v6Texts.map((a, i) => [`${v6Texts[(i * 7) % v6Texts.length]}/${32 + (i % 97)}`, a] as const);

const ipaddrNetwork = (address: ipaddr.IPv4, prefix: number) => {
  const mask = ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toByteArray();
  return `${ipaddr.fromByteArray(address.toByteArray().map((b, i) => b & (mask[i] ?? 0))).toString()}/${prefix}`;
};

export const CIDR_BENCH_CASES = [
  {
    name: "parse IPv4 CIDR text",
    inputs: cidrTexts,
    ours: impl(same<string>, (s) => must(parseIpv4Cidr(s)), (c) => formatIpv4Cidr(ipv4Canonical(c))),
    theirs: {
      "ipaddr.js": impl(same<string>, (s) => ipaddr.IPv4.parseCIDR(s), ([a, p]) => ipaddrNetwork(a, p)),
      netmask: impl(same<string>, (s) => new Netmask(s), (n) => `${n.base}/${n.bitmask}`),
    },
  } satisfies BenchCase<string>,
  {
    name: "contains, parsed block and address",
    inputs: pairs,
    ours: impl(
      ([c, a]) => [must(parseIpv4Cidr(c)), must(parseIpv4(a))] as const,
      (p) => ipv4ContainsAddress(p[0], p[1]),
      String,
    ),
    theirs: {
      "ipaddr.js": impl(
        ([c, a]) => [ipaddr.IPv4.parseCIDR(c), ipaddr.IPv4.parse(a)] as const,
        (p) => p[1].match(p[0]),
        String,
      ),
    },
  } satisfies BenchCase<readonly [string, string]>,
  {
    name: "contains, parsed block, address text",
    inputs: pairs,
    ours: impl(([c, a]) => [must(parseIpv4Cidr(c)), a] as const, (p) => ipv4ContainsAddress(p[0], must(parseIpv4(p[1]))), String),
    theirs: {
      "ipaddr.js": impl(([c, a]) => [ipaddr.IPv4.parseCIDR(c), a] as const, (p) => ipaddr.IPv4.parse(p[1]).match(p[0]), String),
      netmask: impl(([c, a]) => [new Netmask(c), a] as const, (p) => p[0].contains(p[1]), String),
    },
  } satisfies BenchCase<readonly [string, string]>,
  {
    name: "network + broadcast, text to text",
    inputs: cidrTexts,
    ours: impl(
      same<string>,
      (s) => {
        const c = must(parseIpv4Cidr(s));
        return `${formatIpv4(ipv4Network(c))} ${formatIpv4(ipv4LastAddress(c))}`;
      },
      same,
    ),
    theirs: {
      "ipaddr.js": impl(
        same<string>,
        (s) => `${ipaddr.IPv4.networkAddressFromCIDR(s).toString()} ${ipaddr.IPv4.broadcastAddressFromCIDR(s).toString()}`,
        same,
      ),
      netmask: impl(
        same<string>,
        (s) => {
          const n = new Netmask(s);
          return `${n.base} ${n.broadcast ?? n.last}`;
        },
        same,
      ),
    },
  } satisfies BenchCase<string>,
  {
    name: "split in halves, text to text",
    inputs: cidrTexts,
    ours: impl(
      same<string>,
      (s) => {
        const halves = ipv4Halves(must(parseIpv4Cidr(s)));
        return halves ? `${formatIpv4Cidr(halves[0])} ${formatIpv4Cidr(halves[1])}` : "";
      },
      same,
    ),
    theirs: {
      // ipaddr.js has no block arithmetic to split with; netmask builds the halves from base and next().
      netmask: impl(
        same<string>,
        (s) => {
          const whole = new Netmask(s);
          const low = new Netmask(whole.base, whole.bitmask + 1);
          return `${low.toString()} ${low.next().toString()}`;
        },
        same,
      ),
    },
  } satisfies BenchCase<string>,
  {
    name: "parse + format IPv6",
    inputs: v6Texts,
    ours: impl(same<string>, (s) => formatIpv6(must(parseIpv6(s))), same),
    theirs: {
      "ipaddr.js": impl(same<string>, (s) => ipaddr.IPv6.parse(s).toRFC5952String(), same),
      netmask: impl(same<string>, (s) => new Netmask(s).base, same),
    },
  } satisfies BenchCase<string>,
  {
    name: "contains IPv6, parsed",
    inputs: v6Pairs,
    ours: impl(
      ([c, a]) => [must(parseIpv6Cidr(c)), must(parseIpv6(a))] as const,
      (p) => ipv6ContainsAddress(p[0], p[1]),
      String,
    ),
    theirs: {
      "ipaddr.js": impl(([c, a]) => [ipaddr.IPv6.parseCIDR(c), ipaddr.IPv6.parse(a)] as const, (p) => p[1].match(p[0]), String),
    },
  } satisfies BenchCase<readonly [string, string]>,
] as const;

export interface CidrBenchOptions {
  /** Measuring time per task, in milliseconds. */
  timeMs?: number;
}

export async function runCidrBench(options: CidrBenchOptions = {}): Promise<BenchReport> {
  const time = options.timeMs ?? 200;
  const bench = new Bench({ time, warmupTime: Math.min(50, time), iterations: 5, warmupIterations: 5 });
  const cases: readonly BenchCase<never>[] = CIDR_BENCH_CASES as unknown as readonly BenchCase<never>[];
  for (const c of cases) {
    bench.add(`${c.name}|ours`, c.ours.batch(c.inputs));
    for (const [lib, theirs] of Object.entries(c.theirs)) bench.add(`${c.name}|${lib}`, theirs.batch(c.inputs));
  }
  await bench.warmup();
  await bench.run();
  const opsPerSecond = (c: BenchCase<never>, who: string): number => {
    const task = bench.getTask(`${c.name}|${who}`);
    if (task?.result?.error) throw task.result.error;
    return (task?.result?.hz ?? 0) * c.inputs.length;
  };
  void sink;
  return {
    name: "cidr",
    rows: cases.map((c) => ({
      case: c.name,
      ours: opsPerSecond(c, "ours"),
      theirs: Object.fromEntries(Object.keys(c.theirs).map((lib) => [lib, opsPerSecond(c, lib)])),
    })),
  };
}
