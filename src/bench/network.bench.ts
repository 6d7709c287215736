/**
 * Network-model benchmarks (issue: the Linux network core):
 * - simulated packet events per second on a chain of 100 namespaces (98 of
 *   them routers) with pings crossing the whole chain;
 * - route lookups per second in a 100,000-route FIB, beside a linear scan of
 *   the same routes measured in the same run;
 * - memory per namespace (heap growth per namespace with a veth pair and an
 *   address; needs `--expose-gc` to be exact, otherwise approximate).
 * Wall-clock numbers only ever appear as ratios or as throughput printed here;
 * no test asserts them.
 */
import { Bench } from "tinybench";
import { must, parseIpv4, parseIpv4Cidr, type Ipv4Address } from "../sim/addr";
import { Rng, seconds, unwrap } from "../sim/core";
import { HashedPrefixTable } from "../sim/stack/fib-trie";
import { LinearFib } from "../sim/stack/linear-fib";
import { maskOf } from "../sim/stack/prefix-table";
import { openPingSocket, routeAdd } from "../sim/stack";
import { World } from "../sim/world/world";
import type { BenchReport } from "./report";

const ip = (text: string) => must(parseIpv4(text));
const cidr = (text: string) => must(parseIpv4Cidr(text));

/** h0 ── r1 ── r2 ── … ── r98 ── h99: link i joins namespace i and i+1 on 10.0.i.0/24. */
export function buildChain(length: number, seed = 1): World {
  const world = new World({ seed });
  const names = Array.from({ length }, (_, i) => `n${i}`);
  for (const name of names) unwrap(unwrap(world.netnsAdd(name)).linkSet("lo", { up: true }));
  const ns = (i: number) => world.namespace(names[i]!)!;
  for (let i = 0; i + 1 < length; i++) {
    unwrap(ns(i).linkAdd({ kind: "veth", name: "right", peer: { name: "left", netns: ns(i + 1) } }));
    unwrap(ns(i).addrAdd("right", { cidr: cidr(`10.${i >> 8}.${i & 255}.1/24`) }));
    unwrap(ns(i + 1).addrAdd("left", { cidr: cidr(`10.${i >> 8}.${i & 255}.2/24`) }));
    unwrap(ns(i).linkSet("right", { up: true }));
    unwrap(ns(i + 1).linkSet("left", { up: true }));
  }
  const last = length - 2;
  // The far host answers with the default TTL (64); across 98 routers the reply
  // needs more, as it would on a real kernel: raise it there.
  unwrap(ns(length - 1).sysctl.set("net.ipv4.ip_default_ttl", "255"));
  for (let i = 0; i < length; i++) {
    if (i > 0 && i < length - 1) unwrap(ns(i).sysctl.set("net.ipv4.ip_forward", "1"));
    if (i < last) unwrap(routeAdd(ns(i), { dst: cidr(`10.${last >> 8}.${last & 255}.0/24`), via: ip(`10.${i >> 8}.${i & 255}.2`) }));
    if (i > 1) unwrap(routeAdd(ns(i), { dst: cidr("10.0.0.0/24"), via: ip(`10.${(i - 1) >> 8}.${(i - 1) & 255}.1`) }));
  }
  return world;
}

/** Pings from one end of the chain to the other; returns the trace events they caused. */
export function pingAcross(world: World, length: number, count: number): number {
  const last = length - 2;
  const before = world.trace.since(0).next;
  const socket = openPingSocket(world.namespace("n0")!, 0x4242);
  for (let seq = 1; seq <= count; seq++) {
    unwrap(socket.sendEcho({ dst: ip(`10.${last >> 8}.${last & 255}.2`), sequence: seq, data: new Uint8Array(56), ttl: 255 }));
    world.runFor(seconds(0.2));
  }
  world.runFor(seconds(1));
  const replies = socket.drain().filter((e) => e.kind === "echo-reply").length;
  socket.close();
  if (replies !== count) throw new Error(`chain ping: ${replies} of ${count} replies`);
  return world.trace.since(0).next - before;
}

function randomRoutes(count: number) {
  const rng = Rng.fromSeed("fib-bench");
  const routes = Array.from({ length: count }, () => {
    const prefix = rng.intBetween(8, 32);
    return { address: ((rng.nextU32() & maskOf(prefix)) >>> 0) as Ipv4Address, prefix };
  });
  const probes = Array.from({ length: 256 }, () => rng.nextU32() as Ipv4Address);
  return { routes, probes };
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export async function runNetworkBench(options: { timeMs?: number } = {}): Promise<BenchReport> {
  const time = options.timeMs ?? 500;
  const rows: BenchReport["rows"] = [];

  // Packet events per second across a 100-namespace chain.
  const chain = buildChain(100);
  pingAcross(chain, 100, 1); // warm the neighbour caches: ARP on every hop happens once
  let events = 0;
  const packets = new Bench({ time, iterations: 3 });
  packets.add("events", () => {
    events += pingAcross(chain, 100, 5);
  });
  await packets.run();
  const task = packets.tasks[0]!.result!;
  const eventsPerRun = events / Math.max(1, task.samples.length);
  rows.push({ case: "packet events/s, 100-namespace chain, ping end to end", ours: (eventsPerRun * 1000) / task.mean, theirs: {} });

  // Route lookups per second, 100k routes: our FIB's table beside a linear scan.
  const { routes, probes } = randomRoutes(100_000);
  const hashed = new HashedPrefixTable<number>();
  const linear = new LinearFib<number>();
  routes.forEach((route, i) => {
    hashed.set(route, i);
    linear.set(route, i);
  });
  const lookups = new Bench({ time });
  lookups.add("hashed", () => {
    for (const p of probes) hashed.longestMatch(p, (v) => v);
  });
  lookups.add("linear", () => {
    for (const p of probes) linear.longestMatch(p, (v) => v);
  });
  await lookups.run();
  const perSecond = (name: string) => (probes.length * 1000) / lookups.tasks.find((t) => t.name === name)!.result!.mean;
  rows.push({ case: "route lookups/s, 100,000 routes", ours: perSecond("hashed"), theirs: { "linear scan": perSecond("linear") } });

  // Memory per namespace.
  const world = new World({ seed: 2 });
  const start = heapUsed();
  const count = 500;
  for (let i = 0; i < count; i++) {
    const ns = unwrap(world.netnsAdd(`m${i}`));
    unwrap(ns.linkAdd({ kind: "veth", name: "a", peer: { name: "b", netns: world.root } }));
    unwrap(world.root.linkSet("b", { name: `b${i}` }));
    unwrap(ns.addrAdd("a", { cidr: cidr(`10.${i >> 8}.${i & 255}.1/24`) }));
    unwrap(ns.linkSet("a", { up: true }));
  }
  const perNamespace = (heapUsed() - start) / count;
  const exact = typeof (globalThis as { gc?: unknown }).gc === "function";
  const note = `memory: ${(perNamespace / 1024).toFixed(1)} KiB of heap per namespace with a veth pair and an address (${count} namespaces${exact ? ", after gc" : "; no --expose-gc, approximate"})`;

  return { name: "network", rows, notes: [note] };
}
