import { describe, expect, it } from "vitest";
import { formatIpv4 } from "../addr";
import { seconds, unwrap } from "../core";
import { IcmpType, UnreachableCode, parseEthernet, parseIpv4, EtherType } from "../wire";
import { openPingSocket, openUdpSocket, routeAdd } from "../stack";
import { World } from "./world";
import { addNamespaces, cidr, ip, ns, ping, wire } from "./test-helpers";

/**
 * h1 (10.0.1.2) ── r (10.0.1.1 | 10.0.2.1) ── h2 (10.0.2.2), default routes via r.
 * Expectations measured on a 6.x kernel with the same topology (see the
 * helper notes in stack/icmp-rate-limit.ts and stack/icmp-errors.ts).
 */
function routed(forwarding: boolean): World {
  const world = new World({ seed: 3 });
  addNamespaces(world, "h1", "r", "h2");
  wire(world, "h1", "a1", "r", "ra", "10.0.1.2/24", "10.0.1.1/24");
  wire(world, "h2", "b1", "r", "rb", "10.0.2.2/24", "10.0.2.1/24");
  unwrap(routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
  unwrap(routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }));
  if (forwarding) unwrap(ns(world, "r").sysctl.set("net.ipv4.ip_forward", "1"));
  return world;
}

function framesSeenBy(world: World, namespace: string, device: string) {
  return world.trace.since(0).events
    .filter((e) => e.kind === "frame-received" && e.namespace === namespace && e.device === device)
    .map((e) => unwrap(parseEthernet((e as { bytes: Uint8Array }).bytes)))
    .filter((f) => f.ethertype === EtherType.IPV4)
    .map((f) => unwrap(parseIpv4(f.payload)));
}

describe("a router namespace between two subnets", () => {
  it("with ip_forward 0 drops silently: no reply, no ICMP", () => {
    const world = routed(false);
    const result = ping(world, "h1", "10.0.2.2", { count: 2 });
    expect(result.sendErrors).toEqual([]);
    expect(result.events).toEqual([]);
    expect(world.trace.since(0).events.filter((e) => e.kind === "icmp-generated")).toEqual([]);
    const drops = world.trace.since(0).events.filter((e) => e.kind === "frame-dropped" && e.namespace === "r");
    expect(drops.map((d) => d.kind === "frame-dropped" && d.reason)).toEqual(["IP_INADDRERRORS", "IP_INADDRERRORS"]);
  });

  it("with ip_forward 1 forwards: reply arrives and the far end sees TTL 63", () => {
    const world = routed(true);
    const result = ping(world, "h1", "10.0.2.2");
    expect(result.events.map((e) => e.kind)).toEqual(["echo-reply"]);
    expect(result.events[0]!.kind === "echo-reply" && result.events[0]!.ttl).toBe(63);
    const atFarEnd = framesSeenBy(world, "h2", "b1");
    expect(atFarEnd.map((p) => [formatIpv4(p.src), p.ttl])).toEqual([["10.0.1.2", 63]]);
  });

  it("a new namespace copies ip_forward from the root namespace", () => {
    const world = new World();
    unwrap(world.netnsAdd("before"));
    unwrap(world.root.sysctl.set("net.ipv4.ip_forward", "1"));
    unwrap(world.netnsAdd("after"));
    expect(unwrap(ns(world, "before").sysctl.get("net.ipv4.ip_forward"))).toBe("0");
    expect(unwrap(ns(world, "after").sysctl.get("net.ipv4.ip_forward"))).toBe("1");
    expect(unwrap(ns(world, "after").sysctl.get("net.ipv4.conf.default.forwarding"))).toBe("1");
  });

  it("TTL expiry gives time exceeded from each hop, like traceroute", () => {
    const world = routed(true);
    const hop1 = ping(world, "h1", "10.0.2.2", { ttl: 1 });
    expect(hop1.events).toHaveLength(1);
    const e = hop1.events[0]!;
    expect(e.kind === "icmp-error" && [formatIpv4(e.from), e.type, e.code, e.quoted.sequence]).toEqual(["10.0.1.1", IcmpType.TIME_EXCEEDED, 0, 1]);
    const hop2 = ping(world, "h1", "10.0.2.2", { ttl: 2 });
    expect(hop2.events.map((x) => x.kind)).toEqual(["echo-reply"]);
  });

  it("forwarded packets to a failed neighbour get host unreachable from the router after 3 s", () => {
    const world = routed(true);
    const result = ping(world, "h1", "10.0.2.99", { wait: 5 });
    const errors = result.events.filter((e) => e.kind === "icmp-error");
    expect(errors.map((e) => e.kind === "icmp-error" && [formatIpv4(e.from), e.code])).toEqual([["10.0.1.1", UnreachableCode.HOST]]);
    expect(errors[0]!.time).toBeGreaterThanOrEqual(seconds(3));
    expect(errors[0]!.time).toBeLessThan(seconds(3.01));
    const entry = ns(world, "r").neigh.visible().find((n) => formatIpv4(n.ip) === "10.0.2.99");
    expect(entry?.state).toBe("FAILED");
  });

  it("route types on the router: no route → net unreachable, unreachable → host, prohibit → code 13, blackhole → silence", () => {
    const cases: [string, string | null, number | null][] = [
      ["10.5.0.1", null, UnreachableCode.NET],
      ["10.6.0.1", "unreachable", UnreachableCode.HOST],
      ["10.7.0.1", "prohibit", UnreachableCode.ADMIN_PROHIBITED],
      ["10.8.0.1", "blackhole", null],
    ];
    for (const [dst, type, code] of cases) {
      const world = routed(true);
      if (type) unwrap(routeAdd(ns(world, "r"), { dst: cidr(dst.replace(/\.0\.1$/, ".0.0/16")), type: type as "unreachable" }));
      const result = ping(world, "h1", dst);
      expect(result.events.map((e) => (e.kind === "icmp-error" ? e.code : e.kind))).toEqual(code === null ? [] : [code]);
    }
  });

  it("rate-limits route errors per source: 2 of 12 pings 0.2 s apart get an answer", () => {
    const world = routed(true);
    const s = openPingSocket(ns(world, "h1"), 7);
    for (let seq = 1; seq <= 12; seq++) {
      s.sendEcho({ dst: ip("10.5.0.1"), sequence: seq, data: new Uint8Array(8) });
      world.runFor(seconds(0.2));
    }
    expect(s.drain().filter((e) => e.kind === "icmp-error").length).toBe(2);
  });

  it("rate-limits time exceeded with a burst of 6 then 1/s: 8 of 12 probes 0.2 s apart", () => {
    const world = routed(true);
    const s = openPingSocket(ns(world, "h1"), 8);
    for (let seq = 1; seq <= 12; seq++) {
      s.sendEcho({ dst: ip("10.0.2.2"), sequence: seq, data: new Uint8Array(8), ttl: 1 });
      world.runFor(seconds(0.2));
    }
    expect(s.drain().filter((e) => e.kind === "icmp-error").length).toBe(8);
  });

  it("UDP to a closed port gets port unreachable from the destination", () => {
    const world = routed(true);
    const sock = unwrap(openUdpSocket(ns(world, "h1")));
    unwrap(sock.sendTo({ dst: ip("10.0.2.2"), port: 33434, data: new Uint8Array(32) }));
    world.runFor(seconds(1));
    const events = sock.drain();
    expect(events.map((e) => e.kind === "icmp-error" && [formatIpv4(e.from), e.code, e.quoted.dstPort])).toEqual([["10.0.2.2", UnreachableCode.PORT, 33434]]);
  });
});

