import { describe, expect, it } from "vitest";
import { formatIpv4 } from "../addr";
import { seconds, unwrap } from "../core";
import { EtherType, IpProtocol, parseEthernet, parseIpv4, parseUdp, parseIcmp } from "../wire";
import { openPingSocket, openUdpSocket, routeAdd, type SocketEvent } from "../stack";
import { World } from "../world";
import { addNamespaces, cidr, ip, ns, ping, wire } from "../world/test-helpers";
import { DROP, spec } from "./rule-builders";
import type { Match } from "./rule";

/** h1 (10.0.1.2) ── r (10.0.1.1 | 10.0.2.1, forwarding) ── h2 (10.0.2.2). */
function routed(): World {
  const world = new World({ seed: 11 });
  addNamespaces(world, "h1", "r", "h2");
  wire(world, "h1", "a1", "r", "ra", "10.0.1.2/24", "10.0.1.1/24");
  wire(world, "h2", "b1", "r", "rb", "10.0.2.2/24", "10.0.2.1/24");
  unwrap(routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
  unwrap(routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }));
  unwrap(ns(world, "r").sysctl.set("net.ipv4.ip_forward", "1"));
  return world;
}

const ctstate = (...states: ("NEW" | "ESTABLISHED" | "RELATED" | "INVALID")[]): Match => ({ module: "conntrack", ctstate: states, invert: false });

/** IPv4 packets h2 received on b1. */
function seenByH2(world: World) {
  return world.trace.since(0).events
    .filter((e) => e.kind === "frame-received" && e.namespace === "h2" && e.device === "b1")
    .map((e) => unwrap(parseEthernet((e as { bytes: Uint8Array }).bytes)))
    .filter((f) => f.ethertype === EtherType.IPV4)
    .map((f) => unwrap(parseIpv4(f.payload)));
}

function table(world: World, namespace: string) {
  return ns(world, namespace).netfilter.conntrack.entries().map((e) => ({
    proto: e.protocol, orig: `${formatIpv4(e.original.src)}>${formatIpv4(e.original.dst)}`, reply: `${formatIpv4(e.reply.src)}>${formatIpv4(e.reply.dst)}`,
    unreplied: e.unreplied,
  }));
}

describe("connection tracking", () => {
  it("lets replies of our own connections in while NEW connections from outside are dropped", () => {
    const world = routed();
    const rules = ns(world, "h1").netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ m: [ctstate("ESTABLISHED", "RELATED")], j: { kind: "ACCEPT" } })));
    unwrap(rules.setPolicy("filter", "INPUT", "DROP"));
    expect(ping(world, "h1", "10.0.2.2").events.map((e) => e.kind)).toEqual(["echo-reply"]);
    expect(ping(world, "h2", "10.0.1.2").events).toEqual([]);
    const input = rules.list("filter").chains.find((c) => c.name === "INPUT")!;
    expect(input.rules[0]!.counters.packets).toBe(1);
    expect(input.policyCounters.packets).toBe(1);
  });

  it("an ICMP error about a tracked flow is RELATED", () => {
    const world = routed();
    unwrap(ns(world, "h1").netfilter.rules.append("filter", "INPUT", spec({ m: [ctstate("RELATED")], j: DROP })));
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 5555));
    socket.sendTo({ dst: ip("10.0.2.2"), port: 9999, data: new Uint8Array([1]) });
    world.runFor(seconds(1));
    expect(socket.drain()).toEqual([]);
    const input = ns(world, "h1").netfilter.rules.list("filter").chains.find((c) => c.name === "INPUT")!;
    expect(input.rules[0]!.counters.packets).toBe(1);
  });

  it("stays off until a rule needs it, and an entry appears only once its first packet got through", () => {
    const world = routed();
    const r = ns(world, "r").netfilter;
    unwrap(r.rules.append("filter", "FORWARD", spec({ p: "udp", j: DROP })));
    ping(world, "h1", "10.0.2.2");
    expect(r.conntrackActive()).toBe(false);
    expect(table(world, "r")).toEqual([]);
    unwrap(r.rules.insert("filter", "FORWARD", 1, spec({ m: [ctstate("INVALID")], j: DROP })));
    expect(r.conntrackActive()).toBe(true);
    ping(world, "h1", "10.0.2.2");
    expect(table(world, "r")).toEqual([{ proto: IpProtocol.ICMP, orig: "10.0.1.2>10.0.2.2", reply: "10.0.2.2>10.0.1.2", unreplied: false }]);
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 4000));
    socket.sendTo({ dst: ip("10.0.2.2"), port: 53, data: new Uint8Array([1]) });
    world.runFor(seconds(1));
    expect(table(world, "r").filter((e) => e.proto === IpProtocol.UDP)).toEqual([]);
    unwrap(r.rules.flush("filter"));
    expect(r.conntrackActive()).toBe(false);
  });

  it("entries time out in virtual time: ICMP after 30 s, an unreplied UDP flow after 30 s", () => {
    const world = routed();
    const r = ns(world, "r").netfilter;
    unwrap(r.rules.append("filter", "FORWARD", spec({ m: [ctstate("INVALID")], j: DROP })));
    ping(world, "h1", "10.0.2.2");
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 4001));
    socket.sendTo({ dst: ip("10.0.2.2"), port: 7, data: new Uint8Array([1]) });
    world.runFor(seconds(0.1));
    const udp = r.conntrack.entries().find((e) => e.protocol === IpProtocol.UDP)!;
    expect([udp.unreplied, udp.timeout]).toEqual([true, 29]);
    world.runFor(seconds(29));
    expect(r.conntrack.entries().map((e) => e.protocol)).toEqual([IpProtocol.UDP]);
    world.runFor(seconds(1));
    expect(r.conntrack.entries()).toHaveLength(0);
    const destroyed = world.trace.since(0).events.filter((e) => e.kind === "conntrack" && e.change === "destroy");
    expect(destroyed).toHaveLength(2);
  });
});

describe("NAT", () => {
  it("MASQUERADE: the far end sees the router's address, the reply is un-NATed back to the client", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.append("nat", "POSTROUTING", spec({ o: "rb", j: { kind: "MASQUERADE" } })));
    const result = ping(world, "h1", "10.0.2.2", { count: 2, id: 0x4242 });
    expect(result.events.map((e) => e.kind)).toEqual(["echo-reply", "echo-reply"]);
    expect(seenByH2(world).map((p) => formatIpv4(p.src))).toEqual(["10.0.2.1", "10.0.2.1"]);
    expect(table(world, "r")).toEqual([{ proto: IpProtocol.ICMP, orig: "10.0.1.2>10.0.2.2", reply: "10.0.2.2>10.0.2.1", unreplied: false }]);
    const nat = ns(world, "r").netfilter.rules.list("nat").chains.find((c) => c.name === "POSTROUTING")!;
    expect(nat.rules[0]!.counters).toEqual({ packets: 1, bytes: 84 });
    const rewrites = world.trace.since(0).events.filter((e) => e.kind === "nat-rewrite");
    expect(rewrites.map((e) => e.kind === "nat-rewrite" && [e.hook, e.manip, e.before.src, e.after.src, e.before.dst, e.after.dst])).toEqual([
      ["POSTROUTING", "source", "10.0.1.2", "10.0.2.1", "10.0.2.2", "10.0.2.2"],
      ["PREROUTING", "destination", "10.0.2.2", "10.0.2.2", "10.0.2.1", "10.0.1.2"],
      ["POSTROUTING", "source", "10.0.1.2", "10.0.2.1", "10.0.2.2", "10.0.2.2"],
      ["PREROUTING", "destination", "10.0.2.2", "10.0.2.2", "10.0.2.1", "10.0.1.2"],
    ]);
  });

  it("rewritten packets keep valid IP and transport checksums", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.append("nat", "POSTROUTING", spec({ o: "rb", j: { kind: "MASQUERADE" } })));
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 6000));
    socket.sendTo({ dst: ip("10.0.2.2"), port: 6001, data: new TextEncoder().encode("hello") });
    ping(world, "h1", "10.0.2.2");
    const [udp, icmp] = seenByH2(world);
    expect(parseUdp(udp!.payload, { src: udp!.src, dst: udp!.dst }).ok).toBe(true);
    expect(parseIcmp(icmp!.payload).ok).toBe(true);
  });

  it("the nat table sees only a connection's first packet", () => {
    const world = routed();
    const r = ns(world, "r").netfilter;
    unwrap(r.rules.append("nat", "POSTROUTING", spec({ o: "rb", j: { kind: "MASQUERADE" } })));
    const socket = unwrap(openUdpSocket(ns(world, "h1"), 5555));
    for (let i = 0; i < 3; i++) {
      socket.sendTo({ dst: ip("10.0.2.2"), port: 9999, data: new Uint8Array([1, 2]) });
      world.runFor(seconds(0.1));
    }
    const nat = r.rules.list("nat").chains.find((c) => c.name === "POSTROUTING")!;
    expect(nat.rules[0]!.counters).toEqual({ packets: 1, bytes: 30 });
  });

  it("two clients masqueraded from the same port get different ports on the outside", () => {
    const world = routed();
    addNamespaces(world, "h3");
    wire(world, "h3", "c1", "r", "rc", "10.0.3.2/24", "10.0.3.1/24");
    unwrap(routeAdd(ns(world, "h3"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.3.1") }));
    unwrap(ns(world, "r").netfilter.rules.append("nat", "POSTROUTING", spec({ o: "rb", j: { kind: "MASQUERADE" } })));
    const server = unwrap(openUdpSocket(ns(world, "h2"), 9000));
    for (const client of ["h1", "h3"]) unwrap(openUdpSocket(ns(world, client), 4444)).sendTo({ dst: ip("10.0.2.2"), port: 9000, data: new Uint8Array([1]) });
    world.runFor(seconds(1));
    const got = server.drain().filter((e): e is Extract<SocketEvent, { kind: "datagram" }> => e.kind === "datagram");
    expect(got.map((e) => formatIpv4(e.from))).toEqual(["10.0.2.1", "10.0.2.1"]);
    expect(new Set(got.map((e) => e.fromPort)).size).toBe(2);
    expect(got.map((e) => e.fromPort)).toContain(4444);
  });

  it("DNAT forwards a UDP port to an inside host; the answer comes back from the address the client used", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.append("nat", "PREROUTING", spec({
      i: "ra", p: "udp", m: [{ module: "udp", dport: { range: { from: 8080, to: 8080 }, invert: false } }],
      j: { kind: "DNAT", to: { minAddress: ip("10.0.2.2"), maxAddress: ip("10.0.2.2"), ports: { from: 9000, to: 9000 } } },
    })));
    const server = unwrap(openUdpSocket(ns(world, "h2"), 9000));
    const client = unwrap(openUdpSocket(ns(world, "h1"), 5556));
    client.sendTo({ dst: ip("10.0.1.1"), port: 8080, data: new TextEncoder().encode("ping") });
    world.runFor(seconds(0.5));
    const request = server.drain()[0]!;
    expect(request.kind === "datagram" && [formatIpv4(request.from), request.fromPort, formatIpv4(request.to)]).toEqual(["10.0.1.2", 5556, "10.0.2.2"]);
    server.sendTo({ dst: ip("10.0.1.2"), port: 5556, data: new TextEncoder().encode("pong") });
    world.runFor(seconds(0.5));
    const answer = client.drain()[0]!;
    expect(answer.kind === "datagram" && [formatIpv4(answer.from), answer.fromPort]).toEqual(["10.0.1.1", 8080]);
    const entry = ns(world, "r").netfilter.conntrack.entries()[0]!;
    expect([formatIpv4(entry.original.dst), entry.original.dstPort, formatIpv4(entry.reply.src), entry.reply.srcPort, entry.unreplied]).toEqual(["10.0.1.1", 8080, "10.0.2.2", 9000, false]);
  });

  it("an ICMP error from behind DNAT reaches the client un-DNATed (connection refused)", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.append("nat", "PREROUTING", spec({
      p: "udp", m: [{ module: "udp", dport: { range: { from: 8080, to: 8080 }, invert: false } }],
      j: { kind: "DNAT", to: { minAddress: ip("10.0.2.2"), maxAddress: ip("10.0.2.2"), ports: { from: 9000, to: 9000 } } },
    })));
    const client = unwrap(openUdpSocket(ns(world, "h1"), 5557));
    client.sendTo({ dst: ip("10.0.1.1"), port: 8080, data: new Uint8Array([1]) });
    world.runFor(seconds(0.5));
    const events = client.drain();
    expect(events.map((e) => e.kind === "icmp-error" && [e.code, formatIpv4(e.quoted.dst), e.quoted.dstPort])).toEqual([[3, "10.0.1.1", 8080]]);
  });

  it("REJECT in FORWARD after DNAT quotes the address the client used", () => {
    const world = routed();
    const r = ns(world, "r").netfilter.rules;
    unwrap(r.append("nat", "PREROUTING", spec({
      p: "udp", j: { kind: "DNAT", to: { minAddress: ip("10.0.2.2"), maxAddress: ip("10.0.2.2") } },
    })));
    unwrap(r.append("filter", "FORWARD", spec({ p: "udp", j: { kind: "REJECT", with: "icmp-host-prohibited" } })));
    const client = unwrap(openUdpSocket(ns(world, "h1"), 5558));
    client.sendTo({ dst: ip("10.0.1.1"), port: 53, data: new Uint8Array([1]) });
    world.runFor(seconds(0.5));
    const events = client.drain();
    expect(events.map((e) => e.kind === "icmp-error" && [e.code, formatIpv4(e.quoted.dst)])).toEqual([[10, "10.0.1.1"]]);
    expect(table(world, "r")).toEqual([]);
  });

  it("DNAT in OUTPUT re-routes our own packet, and the reply comes back from the address we used", () => {
    const world = routed();
    unwrap(ns(world, "h1").netfilter.rules.append("nat", "OUTPUT", spec({
      d: cidr("192.0.2.9/32"), j: { kind: "DNAT", to: { minAddress: ip("10.0.2.2"), maxAddress: ip("10.0.2.2") } },
    })));
    const result = ping(world, "h1", "192.0.2.9");
    expect(result.events.map((e) => e.kind === "echo-reply" && formatIpv4(e.from))).toEqual(["192.0.2.9"]);
    expect(seenByH2(world).map((p) => formatIpv4(p.dst))).toEqual(["10.0.2.2"]);
  });
});

describe("loopback", () => {
  it("a packet looped through lo keeps its connection: one entry, NEW out and ESTABLISHED back", () => {
    const world = new World({ seed: 3 });
    const rules = world.root.netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ m: [ctstate("NEW")], j: { kind: "ACCEPT" } })));
    unwrap(rules.append("filter", "INPUT", spec({ m: [ctstate("ESTABLISHED")], j: { kind: "ACCEPT" } })));
    const socket = openPingSocket(world.root, 5);
    socket.sendEcho({ dst: ip("127.0.0.1"), sequence: 1, data: new Uint8Array(8) });
    world.runFor(seconds(1));
    expect(socket.drain().map((e) => e.kind)).toEqual(["echo-reply"]);
    expect(rules.list("filter").chains[0]!.rules.map((r) => r.counters.packets)).toEqual([1, 1]);
    expect(world.root.netfilter.conntrack.entries().map((e) => e.unreplied)).toEqual([false]);
  });
});
