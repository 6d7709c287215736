import { describe, expect, it } from "vitest";
import { seconds, unwrap } from "../core";
import { UnreachableCode } from "../wire";
import { openPingSocket, routeAdd } from "../stack";
import { World } from "../world";
import { addNamespaces, cidr, ip, ns, ping, wire } from "../world/test-helpers";
import { ACCEPT, DROP, RETURN, goto, jump, spec } from "./rule-builders";

/** h1 (10.0.1.2) ── r (10.0.1.1 | 10.0.2.1, forwarding) ── h2 (10.0.2.2). */
function routed(): World {
  const world = new World({ seed: 7 });
  addNamespaces(world, "h1", "r", "h2");
  wire(world, "h1", "a1", "r", "ra", "10.0.1.2/24", "10.0.1.1/24");
  wire(world, "h2", "b1", "r", "rb", "10.0.2.2/24", "10.0.2.1/24");
  unwrap(routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
  unwrap(routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }));
  unwrap(ns(world, "r").sysctl.set("net.ipv4.ip_forward", "1"));
  return world;
}

const replies = (world: World, from: string, to: string, count = 1) =>
  ping(world, from, to, { count }).events.filter((e) => e.kind === "echo-reply").length;

function chainOf(world: World, namespace: string, table: "filter" | "nat", chain: string) {
  return ns(world, namespace).netfilter.rules.list(table).chains.find((c) => c.name === chain)!;
}

describe("filter table", () => {
  it("DROP in INPUT silences ping and counts each request with its IP length", () => {
    const world = routed();
    unwrap(ns(world, "h2").netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", j: DROP })));
    expect(replies(world, "h1", "10.0.2.2", 3)).toBe(0);
    const input = chainOf(world, "h2", "filter", "INPUT");
    expect(input.rules[0]!.counters).toEqual({ packets: 3, bytes: 3 * 84 });
    const drops = world.trace.since(0).events.filter((e) => e.kind === "frame-dropped" && e.reason === "NETFILTER_DROP");
    expect(drops).toHaveLength(3);
    expect(drops[0]!.kind === "frame-dropped" && drops[0]!.netfilter).toEqual({ hook: "INPUT", table: "filter", chain: "INPUT", rule: 1 });
  });

  it("an ACCEPT earlier in the chain wins over a later DROP", () => {
    const world = routed();
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: DROP })));
    unwrap(rules.insert("filter", "INPUT", 1, spec({ s: cidr("10.0.1.2/32"), j: ACCEPT })));
    expect(replies(world, "h1", "10.0.2.2")).toBe(1);
    expect(chainOf(world, "h2", "filter", "INPUT").rules.map((r) => [r.target.kind, r.counters.packets])).toEqual([["ACCEPT", 1], ["DROP", 0]]);
  });

  it("REJECT answers port unreachable where DROP stays silent", () => {
    const world = routed();
    unwrap(ns(world, "h2").netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", j: { kind: "REJECT", with: "icmp-port-unreachable" } })));
    const rejected = ping(world, "h1", "10.0.2.2").events;
    expect(rejected.map((e) => e.kind === "icmp-error" && [e.type, e.code])).toEqual([[3, UnreachableCode.PORT]]);
    unwrap(ns(world, "h2").netfilter.rules.replace("filter", "INPUT", 1, spec({ p: "icmp", j: { kind: "REJECT", with: "icmp-admin-prohibited" } })));
    const prohibited = ping(world, "h1", "10.0.2.2").events;
    expect(prohibited.map((e) => e.kind === "icmp-error" && e.code)).toEqual([UnreachableCode.ADMIN_PROHIBITED]);
  });

  it("REJECT's errors are rate limited like any ICMP error: 8 of 12 pings 0.2 s apart (measured)", () => {
    const world = routed();
    unwrap(ns(world, "h2").netfilter.rules.append("filter", "INPUT", spec({ p: "icmp", j: { kind: "REJECT", with: "icmp-port-unreachable" } })));
    const socket = openPingSocket(ns(world, "h1"), 77);
    for (let seq = 1; seq <= 12; seq++) {
      socket.sendEcho({ dst: ip("10.0.2.2"), sequence: seq, data: new Uint8Array(56) });
      world.runFor(seconds(0.2));
    }
    world.runFor(seconds(1));
    expect(socket.drain().filter((e) => e.kind === "icmp-error")).toHaveLength(8);
    expect(chainOf(world, "h2", "filter", "INPUT").rules[0]!.counters.packets).toBe(12);
  });

  it("FORWARD policy DROP on the router stops transit, not the router's own replies", () => {
    const world = routed();
    unwrap(ns(world, "r").netfilter.rules.setPolicy("filter", "FORWARD", "DROP"));
    expect(replies(world, "h1", "10.0.2.2", 2)).toBe(0);
    expect(replies(world, "h1", "10.0.1.1")).toBe(1);
    expect(chainOf(world, "r", "filter", "FORWARD").policyCounters).toEqual({ packets: 2, bytes: 168 });
  });

  it("a policy counts only after -P was used on the chain (iptables-nft)", () => {
    const world = routed();
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.append("filter", "INPUT", spec({ p: "udp", j: DROP })));
    replies(world, "h1", "10.0.2.2");
    expect(chainOf(world, "h2", "filter", "INPUT").policyCounters).toEqual({ packets: 0, bytes: 0 });
    unwrap(rules.setPolicy("filter", "INPUT", "ACCEPT"));
    replies(world, "h1", "10.0.2.2");
    expect(chainOf(world, "h2", "filter", "INPUT").policyCounters).toEqual({ packets: 1, bytes: 84 });
  });

  it("a DROP in OUTPUT is silent: the send succeeds and nothing leaves (Linux 6.x, iptables-nft)", () => {
    const world = routed();
    unwrap(ns(world, "h1").netfilter.rules.append("filter", "OUTPUT", spec({ d: cidr("10.0.2.2/32"), j: DROP })));
    expect(ping(world, "h1", "10.0.2.2").sendErrors).toEqual([]);
    expect(replies(world, "h1", "10.0.2.2")).toBe(0);
    expect(chainOf(world, "h1", "filter", "OUTPUT").rules[0]!.counters.packets).toBe(2);
  });

  it("a REJECT in OUTPUT fails the sender with EPERM once its ICMP error got back", () => {
    const world = routed();
    unwrap(ns(world, "h1").netfilter.rules.append("filter", "OUTPUT", spec({ d: cidr("10.0.2.2/32"), j: { kind: "REJECT", with: "icmp-port-unreachable" } })));
    expect(ping(world, "h1", "10.0.2.2").sendErrors).toEqual(["EPERM"]);
    expect(ping(world, "h1", "10.0.1.1").sendErrors).toEqual([]);
  });

  it("-i and -o match devices, with + as a wildcard and ! to invert", () => {
    const world = routed();
    const rules = ns(world, "r").netfilter.rules;
    unwrap(rules.append("filter", "FORWARD", spec({ i: "r+", o: "!ra", j: DROP })));
    expect(replies(world, "h1", "10.0.2.2")).toBe(0);
    const forward = chainOf(world, "r", "filter", "FORWARD");
    expect(forward.rules[0]!.counters.packets).toBe(1);
    unwrap(rules.replace("filter", "FORWARD", 1, spec({ i: "rb", j: DROP })));
    expect(replies(world, "h1", "10.0.2.2")).toBe(0);
    expect(chainOf(world, "r", "filter", "FORWARD").rules[0]!.counters.packets).toBe(1);
  });
});

describe("user chains", () => {
  it("a jump runs the chain; RETURN comes back to the rule after the jump", () => {
    const world = routed();
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.newChain("filter", "PING"));
    unwrap(rules.append("filter", "PING", spec({ s: cidr("10.0.1.0/24"), j: RETURN })));
    unwrap(rules.append("filter", "PING", spec({ j: DROP })));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: jump("PING") })));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: ACCEPT })));
    expect(replies(world, "h1", "10.0.2.2")).toBe(1);
    const input = chainOf(world, "h2", "filter", "INPUT");
    expect(input.rules.map((r) => r.counters.packets)).toEqual([1, 1]);
    expect(chainOf(world, "h2", "filter", "PING").references).toBe(1);
    // The router itself is outside 10.0.1.0/24: PING drops it.
    expect(replies(world, "r", "10.0.2.2")).toBe(0);
  });

  it("RETURN from a chain reached by goto returns past the chain that did the goto", () => {
    const world = routed();
    const rules = ns(world, "h2").netfilter.rules;
    unwrap(rules.newChain("filter", "A"));
    unwrap(rules.newChain("filter", "B"));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: jump("A") })));
    unwrap(rules.append("filter", "INPUT", spec({ p: "icmp", j: ACCEPT })));
    unwrap(rules.append("filter", "A", spec({ j: goto("B") })));
    unwrap(rules.append("filter", "A", spec({ j: DROP })));
    unwrap(rules.append("filter", "B", spec({ j: RETURN })));
    expect(replies(world, "h1", "10.0.2.2")).toBe(1);
    expect(chainOf(world, "h2", "filter", "A").rules.map((r) => r.counters.packets)).toEqual([1, 0]);
  });

  it("insert, append and delete keep iptables' order", () => {
    const world = routed();
    const rules = ns(world, "h2").netfilter.rules;
    const s = (n: number) => spec({ s: cidr(`192.0.2.${n}/32`), j: DROP });
    unwrap(rules.append("filter", "INPUT", s(1)));
    unwrap(rules.append("filter", "INPUT", s(2)));
    unwrap(rules.insert("filter", "INPUT", 1, s(3)));
    unwrap(rules.insert("filter", "INPUT", 3, s(4)));
    const order = () => chainOf(world, "h2", "filter", "INPUT").rules.map((r) => r.source!.cidr.address & 0xff);
    expect(order()).toEqual([3, 1, 4, 2]);
    unwrap(rules.delete("filter", "INPUT", 2));
    unwrap(rules.delete("filter", "INPUT", s(2)));
    expect(order()).toEqual([3, 4]);
  });
});
