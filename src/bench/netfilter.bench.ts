/**
 * Netfilter benchmarks (issue: netfilter in the simulator):
 * - rule evaluation: packets per second through a filter INPUT chain of 10,
 *   100, 1,000 and 10,000 rules that all have to be tried (none matches,
 *   the policy decides) — so packets/s × rules is the rule evaluation rate;
 * - connection setup through NAT: TCP connections per second (handshake,
 *   then close) and new UDP flows per second crossing a router that
 *   MASQUERADEs them (a conntrack entry, a nat-table traversal and a source
 *   binding each), each beside the same traffic through the same router with
 *   no rule at all (plain forwarding, conntrack off) measured in the same run.
 * Wall-clock numbers only ever appear as throughput printed here or as ratios;
 * no test asserts them.
 */
import { Bench } from "tinybench";
import { must, parseIpv4, parseIpv4Cidr } from "../sim/addr";
import { seconds, unwrap } from "../sim/core";
import type { NetDevice } from "../sim/link";
import { DROP, spec } from "../sim/netfilter";
import { openTcpSocket, routeAdd, type NetNamespace, type TcpSocket } from "../sim/stack";
import { EtherType, IpProtocol, emitEthernet, emitIpv4, emitUdp } from "../sim/wire";
import { World } from "../sim/world/world";
import type { BenchReport } from "./report";

const ip = (text: string) => must(parseIpv4(text));
const cidr = (text: string) => must(parseIpv4Cidr(text));

/** Keep only the latest trace events: a benchmark runs millions of packets and never replays them. */
const TRACE_CAPACITY = 4096;

function namespace(world: World, name: string): NetNamespace {
  const ns = unwrap(world.netnsAdd(name));
  unwrap(ns.linkSet("lo", { up: true }));
  return ns;
}

function link(a: NetNamespace, aName: string, b: NetNamespace, bName: string, aCidr: string, bCidr: string): void {
  unwrap(a.linkAdd({ kind: "veth", name: aName, peer: { name: bName, netns: b } }));
  unwrap(a.addrAdd(aName, { cidr: cidr(aCidr) }));
  unwrap(b.addrAdd(bName, { cidr: cidr(bCidr) }));
  unwrap(a.linkSet(aName, { up: true }));
  unwrap(b.linkSet(bName, { up: true }));
}

function udpPacket(src: string, dst: string, srcPort: number, dstPort: number): Uint8Array {
  const endpoints = { src: ip(src), dst: ip(dst) };
  return emitIpv4({
    dscp: 0, ecn: 0, identification: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0,
    ttl: 64, protocol: IpProtocol.UDP, ...endpoints, payload: emitUdp({ srcPort, dstPort, payload: new Uint8Array(32) }, endpoints),
  });
}

/** A host whose filter INPUT chain holds `count` rules, none of which matches 10.0.0.1 → 10.0.0.2:80. */
export function firewallWithRules(count: number): { readonly ns: NetNamespace; readonly dev: NetDevice; readonly packet: Uint8Array } {
  const world = new World({ seed: 1, traceCapacity: TRACE_CAPACITY });
  const fw = namespace(world, "fw");
  const peer = namespace(world, "peer");
  link(peer, "eth0", fw, "eth0", "10.0.0.1/24", "10.0.0.2/24");
  for (let i = 0; i < count; i++) {
    // Distinct /32 sources in 172.16.0.0/12, as a long blocklist would have them.
    const source = cidr(`172.${16 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`);
    unwrap(fw.netfilter.rules.append("filter", "INPUT", spec({ s: source, p: "udp", j: DROP })));
  }
  return { ns: fw, dev: fw.device("eth0")!, packet: udpPacket("10.0.0.1", "10.0.0.2", 40000, 80) };
}

/** One packet through INPUT; true when the policy accepted it (it must: no rule matches). */
export function evaluateInput(fw: ReturnType<typeof firewallWithRules>): boolean {
  return fw.ns.netfilter.hook("INPUT", fw.packet.slice(), { in: fw.dev });
}

/**
 * lan (10.0.1.2) ── r ── wan (10.0.2.2), r forwarding, each end routed
 * through r; `nat` adds MASQUERADE out of r-wan. (Without NAT, wan answers
 * lan's own address, so it needs the way back too.)
 */
function lanRouterWan(nat: boolean) {
  const world = new World({ seed: 1, traceCapacity: TRACE_CAPACITY });
  const lan = namespace(world, "lan");
  const r = namespace(world, "r");
  const wan = namespace(world, "wan");
  link(lan, "eth0", r, "r-lan", "10.0.1.2/24", "10.0.1.1/24");
  link(r, "r-wan", wan, "eth0", "10.0.2.1/24", "10.0.2.2/24");
  unwrap(routeAdd(lan, { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
  unwrap(routeAdd(wan, { dst: cidr("10.0.1.0/24"), via: ip("10.0.2.1") }));
  unwrap(r.sysctl.set("net.ipv4.ip_forward", "1"));
  if (nat) unwrap(r.netfilter.rules.append("nat", "POSTROUTING", spec({ o: "r-wan", j: { kind: "MASQUERADE" } })));
  return { world, lan, r, wan };
}

/** lan ── r ── wan with a listener on wan:80; `nat` adds MASQUERADE out of r-wan. */
export function natTcpRouter(nat: boolean) {
  const { world, lan, r, wan } = lanRouterWan(nat);
  const listener = openTcpSocket(wan);
  unwrap(listener.bind(ip("10.0.2.2"), 80));
  unwrap(listener.listen(4096));
  let accepted = 0;
  /** Opens `count` connections from lan to wan:80, lets the handshakes finish, then closes both ends. */
  const connections = (count: number): void => {
    const clients: TcpSocket[] = [];
    for (let i = 0; i < count; i++) {
      const client = openTcpSocket(lan);
      unwrap(client.connect(ip("10.0.2.2"), 80));
      clients.push(client);
    }
    world.runFor(CROSSING_TIME);
    for (let server = listener.accept(); server; server = listener.accept()) {
      accepted++;
      server.close();
    }
    for (const client of clients) client.close();
    world.runFor(CROSSING_TIME);
  };
  return { connections, accepted: () => accepted, conntrackEntries: () => r.netfilter.conntrack.entries().length };
}

/**
 * lan ── r ── wan: lan (10.0.1.2) sends UDP flows to wan (10.0.2.2) through r,
 * which MASQUERADEs them out of r-wan when `nat` is set. wan drops them at
 * INPUT so no ICMP error comes back to muddy the count.
 */
export function natRouter(nat: boolean) {
  const { world, lan, r, wan } = lanRouterWan(nat);
  unwrap(wan.netfilter.rules.append("filter", "INPUT", spec({ p: "udp", j: DROP })));
  const lanDev = lan.device("eth0")!;
  const routerMac = r.device("r-lan")!.mac;
  const warm = udpPacket("10.0.1.2", "10.0.2.2", 1, 9);
  // Resolve r's neighbour entry for wan once, so every measured flow is a pure forward.
  lanDev.transmit(emitEthernet({ dst: routerMac, src: lanDev.mac, ethertype: EtherType.IPV4, payload: warm }));
  world.runFor(CROSSING_TIME);
  let nextPort = 1024;
  /** Sends `count` new flows (distinct source ports) and runs the world until they have all crossed. */
  const flows = (count: number): void => {
    for (let i = 0; i < count; i++) {
      if (nextPort > 65535) {
        nextPort = 1024;
        r.netfilter.conntrack.flush();
      }
      const packet = udpPacket("10.0.1.2", "10.0.2.2", nextPort++, 9);
      lanDev.transmit(emitEthernet({ dst: routerMac, src: lanDev.mac, ethertype: EtherType.IPV4, payload: packet }));
    }
    world.runFor(CROSSING_TIME);
  };
  const arrivedAtWan = (): number => wan.netfilter.rules.list("filter").chains.find((c) => c.name === "INPUT")!.rules[0]!.counters.packets;
  return { flows, arrivedAtWan, conntrackEntries: () => r.netfilter.conntrack.entries().length };
}

/**
 * Virtual time to let a batch of flows cross (not runUntilIdle: that would
 * also run every later timer, conntrack's 30 s UDP timeout included).
 */
const CROSSING_TIME = seconds(0.01);

export const RULE_COUNTS = [10, 100, 1_000, 10_000] as const;

export async function runNetfilterBench(options: { timeMs?: number } = {}): Promise<BenchReport> {
  const time = options.timeMs ?? 500;
  const rows: BenchReport["rows"] = [];
  const notes: string[] = [];

  const bench = new Bench({ time });
  const firewalls = new Map(RULE_COUNTS.map((n) => [n, firewallWithRules(n)]));
  for (const [n, fw] of firewalls) {
    bench.add(`${n}`, () => {
      if (!evaluateInput(fw)) throw new Error("a rule matched the benchmark packet");
    });
  }
  await bench.run();
  for (const n of RULE_COUNTS) {
    const pps = 1000 / bench.tasks.find((t) => t.name === `${n}`)!.result!.mean;
    rows.push({ case: `packets/s through filter INPUT, ${n.toLocaleString("en-US")} rules tried`, ours: pps, theirs: {} });
    notes.push(`${n.toLocaleString("en-US")} rules: ${Math.round(pps * n).toLocaleString("en-US")} rule evaluations/s`);
  }

  const tcp = natTcpRouter(true);
  rows.push(
    await throughNatRow("TCP connections/s (handshake and close) through a MASQUERADE router", 100, time, (n) => tcp.connections(n), natTcpRouter(false).connections),
  );
  const udp = natRouter(true);
  rows.push(await throughNatRow("new UDP flows/s through a MASQUERADE router", 200, time, (n) => udp.flows(n), natRouter(false).flows));
  notes.push(`conntrack entries on the NAT router after the run: ${udp.conntrackEntries().toLocaleString("en-US")}`);
  return { name: "netfilter", rows, notes };
}

/** Connections per second through the NAT router beside the same router without NAT, `perRun` at a time. */
async function throughNatRow(name: string, perRun: number, time: number, nat: (n: number) => void, plain: (n: number) => void): Promise<BenchReport["rows"][number]> {
  const bench = new Bench({ time, iterations: 5 });
  bench.add("nat", () => nat(perRun));
  bench.add("plain", () => plain(perRun));
  await bench.run();
  const perSecond = (task: string) => (perRun * 1000) / bench.tasks.find((t) => t.name === task)!.result!.mean;
  return { case: name, ours: perSecond("nat"), theirs: { "same router, no NAT (conntrack off)": perSecond("plain") } };
}
