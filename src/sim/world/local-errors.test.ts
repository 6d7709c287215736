import { describe, expect, it } from "vitest";
import { formatIpv4 } from "../addr";
import { seconds, unwrap } from "../core";
import { routeAdd, routeDel, routeOutput } from "../stack";
import { World } from "./world";
import { addNamespaces, cidr, ip, ns, ping, wire } from "./test-helpers";

describe("locally originated packets", () => {
  it("unreachable/blackhole/prohibit/no route fail the send with the kernel's errno (measured with ping and ip route get)", () => {
    const world = new World();
    const root = world.root;
    unwrap(routeAdd(root, { dst: cidr("10.9.0.0/16"), type: "unreachable" }));
    unwrap(routeAdd(root, { dst: cidr("10.8.0.0/16"), type: "blackhole" }));
    unwrap(routeAdd(root, { dst: cidr("10.7.0.0/16"), type: "prohibit" }));
    expect(ping(world, "", "10.9.0.1").sendErrors).toEqual(["EHOSTUNREACH"]);
    expect(ping(world, "", "10.8.0.1").sendErrors).toEqual(["EINVAL"]);
    expect(ping(world, "", "10.7.0.1").sendErrors).toEqual(["EACCES"]);
    expect(ping(world, "", "10.6.0.1").sendErrors).toEqual(["ENETUNREACH"]);
  });

  it("loopback in a new namespace is down with no address: 127.0.0.1 is unreachable until lo is up", () => {
    const world = new World();
    const n = unwrap(world.netnsAdd("x"));
    const lo = n.device("lo")!;
    expect([lo.operState(), lo.flags(), lo.qdisc()]).toEqual(["DOWN", ["LOOPBACK"], "noop"]);
    expect(n.addrs).toEqual([]);
    expect(n.fib.hasTable(255)).toBe(false);
    expect(ping(world, "x", "127.0.0.1").sendErrors).toEqual(["ENETUNREACH"]);
    unwrap(n.linkSet("lo", { up: true }));
    expect(n.addrs.map((a) => `${formatIpv4(a.local)}/${a.prefix} ${a.scope}`)).toEqual(["127.0.0.1/8 host"]);
    expect(ping(world, "x", "127.0.0.1").events.map((e) => e.kind)).toEqual(["echo-reply"]);
    // Measured: with lo set down again the address and local routes stay, the ping is sent and lost.
    unwrap(n.linkSet("lo", { up: false }));
    const lost = ping(world, "x", "127.0.0.1");
    expect(lost).toEqual({ sendErrors: [], events: [] });
  });

  it("ARP failure: INCOMPLETE, three broadcasts, FAILED at 3 s, host unreachable to each queued ping", () => {
    const world = new World({ seed: 5 });
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1", "10.0.1.2/24", "10.0.1.3/24");
    const result = ping(world, "a", "10.0.1.99", { count: 4 });
    const errors = result.events.filter((e) => e.kind === "icmp-error");
    expect(errors.map((e) => e.kind === "icmp-error" && [formatIpv4(e.from), e.code, e.quoted.sequence])).toEqual([
      ["10.0.1.2", 1, 1], ["10.0.1.2", 1, 2], ["10.0.1.2", 1, 3],
    ]);
    const states = world.trace.since(0).events.filter((e) => e.kind === "arp-resolution" && e.ip === "10.0.1.99").map((e) => [e.kind === "arp-resolution" && e.state, e.time]);
    expect(states.slice(0, 2)).toEqual([["INCOMPLETE", 0], ["FAILED", seconds(3)]]);
    // seq 4 restarted resolution: INCOMPLETE again, as `ip neigh` shows right after.
    expect(ns(world, "a").neigh.visible().find((e) => formatIpv4(e.ip) === "10.0.1.99")?.state).toBe("INCOMPLETE");
  });

  it("a down link drops: the device is not ready and its routes are gone", () => {
    const world = new World();
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1", "10.0.1.2/24", "10.0.1.3/24");
    unwrap(ns(world, "b").linkSet("b1", { up: false }));
    const a1 = ns(world, "a").device("a1")!;
    expect([a1.operState(), a1.flags()]).toEqual(["LOWERLAYERDOWN", ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]]);
    const r = ping(world, "a", "10.0.1.3", { wait: 4 });
    expect(r.events.filter((e) => e.kind === "echo-reply")).toEqual([]);
    expect(world.trace.since(0).events.some((e) => e.kind === "frame-dropped" && e.reason === "DEV_READY")).toBe(true);
    unwrap(ns(world, "a").linkSet("a1", { up: false }));
    expect(ns(world, "a").routes().map((x) => formatIpv4(x.dst.address))).toEqual([]);
    expect(ping(world, "a", "10.0.1.3").sendErrors).toEqual(["ENETUNREACH"]);
  });

  it("route get picks the longest prefix and the route's source", () => {
    const world = new World();
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1", "10.0.1.2/24", "10.0.1.1/24");
    const a = ns(world, "a");
    unwrap(routeAdd(a, { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
    unwrap(routeAdd(a, { dst: cidr("192.168.0.0/16"), type: "blackhole" }));
    unwrap(routeAdd(a, { dst: cidr("192.168.5.0/24"), via: ip("10.0.1.1") }));
    const get = (d: string) => routeOutput(a, { dst: ip(d) }, false);
    expect(get("192.168.5.9")).toMatchObject({ ok: true, value: { dev: { name: "a1" }, gateway: ip("10.0.1.1"), src: ip("10.0.1.2") } });
    expect(get("192.168.6.9")).toEqual({ ok: false, error: "EINVAL" });
    expect(get("8.8.8.8")).toMatchObject({ ok: true, value: { nexthop: ip("10.0.1.1"), route: { dst: { prefix: 0 } } } });
    expect(get("10.0.1.2")).toMatchObject({ ok: true, value: { type: "local", dev: { name: "lo" } } });
    unwrap(routeDel(a, { dst: cidr("192.168.5.0/24") }));
    expect(routeDel(a, { dst: cidr("192.168.5.0/24") })).toEqual({ ok: false, error: { errno: "ESRCH" } });
  });

  it("route and address requests fail with the kernel's errors", () => {
    const world = new World();
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1", "10.0.1.2/24", "10.0.1.1/24");
    const a = ns(world, "a");
    expect(a.addrAdd("a1", { cidr: cidr("10.0.1.2/24") })).toEqual({ ok: false, error: { errno: "EEXIST", extack: "ipv4: Address already assigned" } });
    expect(a.addrAdd("a1", { cidr: cidr("10.0.1.2/16") }).ok).toBe(true);
    expect(a.addrDel("a1", cidr("10.0.9.2/24"))).toEqual({ ok: false, error: { errno: "EADDRNOTAVAIL", extack: "ipv4: Address not found" } });
    expect(routeAdd(a, { dst: cidr("10.9.0.0/16"), via: ip("10.3.3.3") })).toMatchObject({ ok: false, error: { extack: "Nexthop has invalid gateway" } });
    expect(routeAdd(a, { dst: cidr("10.9.0.1/16"), dev: "a1" })).toMatchObject({ ok: false, error: { errno: "EINVAL", extack: "Invalid prefix for given prefix length" } });
    expect(routeAdd(a, { dst: cidr("10.9.0.0/16"), dev: "a1", src: ip("10.0.0.9") })).toMatchObject({ ok: false, error: { extack: "Invalid prefsrc address" } });
    unwrap(routeAdd(a, { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }));
    expect(routeAdd(a, { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") })).toEqual({ ok: false, error: { errno: "EEXIST" } });
    expect(a.linkAdd({ kind: "veth", name: "a1", peer: { name: "zz" } })).toEqual({ ok: false, error: { errno: "EEXIST" } });
    expect(a.linkDel("nope")).toEqual({ ok: false, error: { errno: "ENODEV" } });
    expect(world.netnsAdd("a")).toEqual({ ok: false, error: { errno: "EEXIST" } });
    expect(world.netnsDel("nope")).toEqual({ ok: false, error: { errno: "ENOENT" } });
    expect(a.neighDel("a1", ip("10.0.1.51"))).toEqual({ ok: false, error: { errno: "ENOENT" } });
  });

  it("a secondary address shares its primary's subnet route and takes its src on the local route", () => {
    const world = new World();
    addNamespaces(world, "a");
    const a = ns(world, "a");
    unwrap(a.linkAdd({ kind: "veth", name: "v0", peer: { name: "v1" } }));
    unwrap(a.linkSet("v0", { up: true }));
    unwrap(a.addrAdd("v0", { cidr: cidr("10.1.0.1/24") }));
    unwrap(a.addrAdd("v0", { cidr: cidr("10.1.0.2/24") }));
    unwrap(a.addrAdd("v0", { cidr: cidr("10.1.0.3/16") }));
    expect(a.addrs.filter((x) => x.dev.name === "v0").map((x) => [formatIpv4(x.local), x.secondary])).toEqual([
      ["10.1.0.1", false], ["10.1.0.3", false], ["10.1.0.2", true],
    ]);
    const show = (t: number) => a.routes(t).map((r) => `${r.type} ${formatIpv4(r.dst.address)}/${r.dst.prefix} src ${formatIpv4(r.prefsrc!)}`);
    expect(show(254)).toEqual(["unicast 10.1.0.0/24 src 10.1.0.1", "unicast 10.1.0.0/16 src 10.1.0.3"]);
    expect(show(255)).toEqual([
      "local 10.1.0.1/32 src 10.1.0.1", "local 10.1.0.2/32 src 10.1.0.1", "local 10.1.0.3/32 src 10.1.0.3",
      "broadcast 10.1.0.255/32 src 10.1.0.1", "broadcast 10.1.255.255/32 src 10.1.0.3",
      "local 127.0.0.0/8 src 127.0.0.1", "local 127.0.0.1/32 src 127.0.0.1", "broadcast 127.255.255.255/32 src 127.0.0.1",
    ]);
    // Measured: setting v0 down removes the subnet and broadcast routes, keeps the local ones.
    unwrap(a.linkSet("v0", { up: false }));
    expect(show(254)).toEqual([]);
    expect(show(255).filter((r) => r.includes("10.1."))).toEqual(["local 10.1.0.1/32 src 10.1.0.1", "local 10.1.0.2/32 src 10.1.0.1", "local 10.1.0.3/32 src 10.1.0.3"]);
  });
});
