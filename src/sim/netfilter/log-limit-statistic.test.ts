import { describe, expect, it } from "vitest";
import { seconds, unwrap } from "../core";
import { EtherType, parseEthernet, parseIpv4Header } from "../wire";
import { openPingSocket, openUdpSocket, routeAdd } from "../stack";
import { World } from "../world";
import { addNamespaces, cidr, ip, ns, wire } from "../world/test-helpers";
import { ACCEPT, DROP, spec } from "./rule-builders";
import type { Match } from "./rule";

/** h1 (10.0.1.2) ── r (10.0.1.1 | 10.0.2.1, forwarding) ── h2 (10.0.2.2). */
function routed(seed = 5): World {
  const world = new World({ seed });
  addNamespaces(world, "h1", "r", "h2");
  wire(world, "h1", "a1", "r", "ra", "10.0.1.2/24", "10.0.1.1/24");
  wire(world, "h2", "b1", "r", "rb", "10.0.2.2/24", "10.0.2.1/24");
  unwrap(routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
  unwrap(routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }));
  unwrap(ns(world, "r").sysctl.set("net.ipv4.ip_forward", "1"));
  return world;
}

/** `count` pings from h1 to h2 `interval` seconds apart; how many were answered. */
function pings(world: World, count: number, interval: number): number {
  const socket = openPingSocket(ns(world, "h1"), 0x77);
  for (let seq = 1; seq <= count; seq++) {
    socket.sendEcho({ dst: ip("10.0.2.2"), sequence: seq, data: new Uint8Array(56) });
    world.runFor(seconds(interval));
  }
  world.runFor(seconds(1));
  return socket.drain().filter((e) => e.kind === "echo-reply").length;
}

/** IP identification of the IPv4 packets received in a namespace on a device. */
function ipIds(world: World, namespace: string, device: string): number[] {
  return world.trace.since(0).events
    .filter((e) => e.kind === "frame-received" && e.namespace === namespace && e.device === device)
    .map((e) => unwrap(parseEthernet((e as { bytes: Uint8Array }).bytes)))
    .filter((f) => f.ethertype === EtherType.IPV4)
    .map((f) => unwrap(parseIpv4Header(f.payload)).identification);
}

describe("LOG", () => {
  it("writes the kernel's line for a forwarded ping, MAC header included", () => {
    const world = routed();
    world.kernelLog.logAllNetns = true;
    unwrap(ns(world, "r").netfilter.rules.append("filter", "FORWARD", spec({ j: { kind: "LOG", prefix: "FWD ", level: 4 } })));
    expect(pings(world, 1, 1)).toBe(1);
    const ra = ns(world, "r").device("ra")!;
    const rb = ns(world, "r").device("rb")!;
    const a1 = ns(world, "h1").device("a1")!;
    const b1 = ns(world, "h2").device("b1")!;
    const [requestId] = ipIds(world, "r", "ra");
    const [replyId] = ipIds(world, "r", "rb");
    expect(world.kernelLog.records().map((r) => [r.level, r.text])).toEqual([
      [4, `FWD IN=ra OUT=rb MAC=${ra.mac}:${a1.mac}:08:00 SRC=10.0.1.2 DST=10.0.2.2 LEN=84 TOS=0x00 PREC=0x00 TTL=63 ID=${requestId} DF PROTO=ICMP TYPE=8 CODE=0 ID=119 SEQ=1 `],
      [4, `FWD IN=rb OUT=ra MAC=${rb.mac}:${b1.mac}:08:00 SRC=10.0.2.2 DST=10.0.1.2 LEN=84 TOS=0x00 PREC=0x00 TTL=63 ID=${replyId} PROTO=ICMP TYPE=0 CODE=0 ID=119 SEQ=1 `],
    ]);
  });

  it("logs a locally sent ICMP error without MAC= and with the quoted datagram in brackets", () => {
    const world = routed();
    world.kernelLog.logAllNetns = true;
    unwrap(ns(world, "h2").netfilter.rules.append("filter", "OUTPUT", spec({ p: "icmp", j: { kind: "LOG", prefix: "", level: 4 } })));
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 5555));
    socket.sendTo({ dst: ip("10.0.2.2"), port: 9999, data: new Uint8Array([0x68, 0x69]) });
    world.runFor(seconds(1));
    const [udpId] = ipIds(world, "h2", "b1");
    const [line] = world.kernelLog.records().map((r) => r.text);
    expect(line).toMatch(/^IN= OUT=b1 SRC=10\.0\.2\.2 DST=10\.0\.1\.2 LEN=58 TOS=0x00 PREC=0xC0 TTL=64 ID=\d+ PROTO=ICMP TYPE=3 CODE=3 \[/);
    expect(line!.endsWith(`[SRC=10.0.1.2 DST=10.0.2.2 LEN=30 TOS=0x00 PREC=0x00 TTL=63 ID=${udpId} PROTO=UDP SPT=5555 DPT=9999 LEN=10 ] `)).toBe(true);
  });

  it("writes nothing from a namespace other than the initial one while nf_log_all_netns is 0, but still counts", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.append("filter", "FORWARD", spec({ j: { kind: "LOG", prefix: "X ", level: 4 } })));
    pings(world, 1, 1);
    expect(world.kernelLog.records()).toEqual([]);
    const forward = ns(world, "r").netfilter.rules.list("filter").chains.find((c) => c.name === "FORWARD")!;
    expect(forward.rules[0]!.counters.packets).toBe(2);
  });

  it("logs from the initial namespace, with the time it happened", () => {
    const world = new World({ seed: 2 });
    unwrap(world.root.netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", j: { kind: "LOG", prefix: "LO ", level: 6 } })));
    world.runFor(seconds(2));
    const socket = openPingSocket(world.root, 9);
    socket.sendEcho({ dst: ip("127.0.0.1"), sequence: 1, data: new Uint8Array(8) });
    world.runFor(seconds(1));
    const records = world.kernelLog.records();
    expect(records.map((r) => r.text.slice(0, 60))).toEqual([
      "LO IN=lo OUT= MAC=00:00:00:00:00:00:00:00:00:00:00:00:08:00 ",
      "LO IN=lo OUT= MAC=00:00:00:00:00:00:00:00:00:00:00:00:08:00 ",
    ]);
    expect(records[0]!.time).toBeGreaterThanOrEqual(seconds(2));
    expect(records[0]!.level).toBe(6);
  });
});

describe("limit and statistic in virtual time", () => {
  it("--limit 2/sec --limit-burst 3 lets 6 of 20 pings 0.1 s apart through (measured)", () => {
    const world = routed();
    const limit: Match = { module: "limit", rate: { count: 2, per: "second" }, burst: 3 };
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", m: [limit], j: ACCEPT })));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: DROP })));
    expect(pings(world, 20, 0.1)).toBe(6);
    const input = rules.list("filter").chains.find((c) => c.name === "INPUT")!;
    expect(input.rules.map((r) => r.counters.packets)).toEqual([6, 14]);
  });

  it("the bucket refills with time: after a quiet spell the burst is back", () => {
    const world = routed();
    const limit: Match = { module: "limit", rate: { count: 1, per: "minute" }, burst: 2 };
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", m: [limit], j: ACCEPT })));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: DROP })));
    expect(pings(world, 4, 1)).toBe(2);
    world.runFor(seconds(120));
    expect(pings(world, 4, 1)).toBe(2);
  });

  it("--mode nth --every 3 --packet 0 takes the 1st, 4th and 7th packet (measured)", () => {
    const world = routed();
    const nth: Match = { module: "statistic", mode: "nth", every: 3, packet: 0, invert: false };
    unwrap(ns(world, "h2").netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", m: [nth], j: DROP })));
    const socket = openPingSocket(ns(world, "h1"), 0x99);
    for (let seq = 1; seq <= 7; seq++) {
      socket.sendEcho({ dst: ip("10.0.2.2"), sequence: seq, data: new Uint8Array(8) });
      world.runFor(seconds(0.2));
    }
    const answered = socket.drain().flatMap((e) => (e.kind === "echo-reply" ? [e.sequence] : []));
    expect(answered).toEqual([2, 3, 5, 6]);
  });

  it("--mode random --probability 0.5 is seeded: the same world drops the same packets", () => {
    const run = (seed: number): number => {
      const world = routed(seed);
      const random: Match = { module: "statistic", mode: "random", probability: 0.5, invert: false };
      unwrap(ns(world, "h2").netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", m: [random], j: DROP })));
      return pings(world, 100, 0.01);
    };
    const first = run(21);
    expect(run(21)).toBe(first);
    expect(first).toBeGreaterThan(30);
    expect(first).toBeLessThan(70);
  });
});
