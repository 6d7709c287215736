/**
 * Golden tests: given view records equivalent to the real machine's state,
 * the formatters print exactly what iproute2 6.1 / procps printed in the
 * sandbox (fixtures/*.json; MACs were set by the capture scripts).
 */
import { describe, expect, it } from "vitest";
import { formatAddrs } from "./addr-format";
import { formatBridgePorts, formatFdb } from "./bridge-command";
import type { NeighShowRequest } from "./ip-request";
import { formatLinks } from "./link-format";
import { formatNeighs } from "./neigh-format";
import { formatNetnsList } from "./netns-format";
import { formatRouteGet, formatRoutes, type RoutePrintFilter } from "./route-format";
import { formatSysctlValue } from "./sysctl-command";
import type { AddrView, LinkView, NeighView, RouteView } from "./views";
import { captured } from "./fixtures/captures.test-support";


const PLAIN = { brief: false, oneline: false };
const UP = ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"];

const lo: LinkView = {
  ifindex: 1, name: "lo", flags: ["LOOPBACK", "UP", "LOWER_UP"], mtu: 65536, qdisc: "noqueue", state: "UNKNOWN",
  mode: "DEFAULT", group: "default", qlen: 1000, linkType: "loopback", address: "00:00:00:00:00:00", broadcast: "00:00:00:00:00:00",
};

function ether(ifindex: number, name: string, mac: string, rest: Partial<LinkView> = {}): LinkView {
  return {
    ifindex, name, flags: UP, mtu: 1500, qdisc: "noqueue", state: "UP", mode: "DEFAULT", group: "default", qlen: 1000,
    linkType: "ether", address: mac, broadcast: "ff:ff:ff:ff:ff:ff", ...rest,
  };
}

/** fixtures/links.cmds after `ip link set br0 up`. */
const bridged: LinkView[] = [
  lo,
  ether(2, "v1", "02:00:00:00:00:02", { peer: { name: "v0" }, master: "br0", kind: "veth" }),
  ether(3, "v0", "02:00:00:00:00:01", { peer: { name: "v1" }, kind: "veth" }),
  ether(4, "br0", "02:00:00:00:00:0b", { kind: "bridge" }),
];

describe("ip link", () => {
  it("two lines per device, with master", () => {
    expect(formatLinks(bridged, PLAIN)).toBe(captured("links", "ip link", 2).stdout);
  });
  it("-o joins the two lines with a backslash", () => {
    expect(formatLinks(bridged, { brief: false, oneline: true })).toBe(captured("links", "ip -o link", 1).stdout);
  });
  it("-br pads name and state", () => {
    expect(formatLinks(bridged, { brief: true, oneline: false })).toBe(captured("links", "ip -br link", 1).stdout);
  });
  it("a fresh pair: noop qdisc, DOWN, M-DOWN", () => {
    const down = { flags: ["BROADCAST", "MULTICAST", "M-DOWN"], qdisc: "noop", state: "DOWN" };
    const links = [lo, ether(2, "v1", "02:00:00:00:00:02", { peer: { name: "v0" }, ...down }), ether(3, "v0", "02:00:00:00:00:01", { peer: { name: "v1" }, ...down }),
      ether(4, "br0", "02:00:00:00:00:0b", { flags: ["BROADCAST", "MULTICAST"], qdisc: "noop", state: "DOWN" })];
    expect(formatLinks(links, PLAIN)).toBe(captured("links", "ip link", 1).stdout);
  });
  it("up without carrier: NO-CARRIER first, LOWERLAYERDOWN", () => {
    const v0 = ether(3, "v0", "02:00:00:00:00:01", { peer: { name: "v1" }, flags: ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP", "M-DOWN"], state: "LOWERLAYERDOWN" });
    expect(formatLinks([v0], PLAIN)).toBe(captured("links", "ip link show v0").stdout);
  });
  it("a peer in another namespace: @ifN and link-netns / link-netnsid", () => {
    const down = { flags: ["BROADCAST", "MULTICAST"], qdisc: "noop", state: "DOWN" };
    const v2 = ether(5, "v2", "02:00:00:00:00:03", { peer: { ifindex: 2 }, linkNetns: { name: "a" }, ...down });
    expect(formatLinks([v2], PLAIN)).toBe(captured("links", "ip link show v2").stdout);
    const aLo: LinkView = { ...lo, flags: ["LOOPBACK"], qdisc: "noop", state: "DOWN" };
    const v3 = ether(2, "v3", "02:00:00:00:00:04", { peer: { ifindex: 5 }, linkNetns: { nsid: 0 }, ...down });
    expect(formatLinks([aLo, v3], PLAIN)).toBe(captured("links", "ip -n a link").stdout);
    expect(formatLinks([aLo, v3], { brief: true, oneline: false })).toBe(captured("links", "ip -n a -br link").stdout);
  });
});

const loAddrs: AddrView[] = [
  { family: "inet", address: "127.0.0.1", prefix: 8, scope: "host" },
  { family: "inet6", address: "::1", prefix: 128, scope: "host" },
];

/** fixtures/addrs.cmds once both ends are up. */
const addressed = [
  { link: lo, addrs: loAddrs },
  { link: ether(2, "v1", "02:00:00:00:00:02", { peer: { name: "v0" } }), addrs: [{ family: "inet", address: "10.0.0.2", prefix: 24, broadcast: "10.0.0.255", scope: "global" } as const] },
  { link: ether(3, "v0", "02:00:00:00:00:01", { peer: { name: "v1" } }), addrs: [{ family: "inet", address: "10.0.0.1", prefix: 24, scope: "global" } as const] },
];

describe("ip addr", () => {
  it("-br lists every address after the padded columns", () => {
    expect(formatAddrs(addressed, { brief: true, oneline: false, family: null })).toBe(captured("addrs", "ip -br addr").stdout);
  });
  it("-o: one line per address, no @peer", () => {
    expect(formatAddrs(addressed, { brief: false, oneline: true, family: null })).toBe(captured("addrs", "ip -o addr").stdout);
  });
  it("-4 drops inet6 lines and link/ lines", () => {
    expect(formatAddrs(addressed, { ...PLAIN, family: "inet" })).toBe(captured("addrs", "ip -4 addr").stdout);
    expect(formatAddrs(addressed, { brief: true, oneline: false, family: "inet" })).toBe(captured("addrs", "ip -4 -br addr").stdout);
  });
  it("brd only when set; secondary; lo's inet6 line ends in a space", () => {
    expect(formatAddrs([addressed[1]!], { ...PLAIN, family: null })).toBe(captured("addrs", "ip addr show v1").stdout);
    const v0 = ether(3, "v0", "02:00:00:00:00:01", { peer: { name: "v1" } });
    const addrs: AddrView[] = [
      ["10.0.0.1", 24], ["192.168.5.1", 16], ["10.0.0.9", 32], ["172.16.0.1", 31], ["10.0.1.1", 24],
    ].map(([address, prefix]) => ({ family: "inet", address: String(address), prefix: Number(prefix), scope: "global" }));
    addrs.push({ family: "inet", address: "10.0.0.3", prefix: 24, scope: "global", secondary: true });
    expect(formatAddrs([{ link: v0, addrs }], { ...PLAIN, family: null })).toBe(captured("addrs", "ip addr show dev v0", 1).stdout);
    expect(formatAddrs([{ link: lo, addrs: loAddrs }], { ...PLAIN, family: null })).toBe(captured("addrs", "ip addr show lo").stdout);
  });
});

function route(dst: string, rest: Partial<RouteView> = {}): RouteView {
  return { type: "unicast", dst, table: 254, protocol: "boot", scope: "global", ...rest };
}

const MAIN: RoutePrintFilter = { table: 254, dev: null, protocol: false, scope: false };
const kernel = { protocol: "kernel", scope: "link" };

describe("ip route", () => {
  const main: RouteView[] = [
    route("default", { via: "10.0.1.1", dev: "v0" }),
    route("10.0.0.0/16", { via: "10.0.1.1", dev: "v0" }),
    route("10.0.0.0/8", { dev: "v0", scope: "link" }),
    route("10.0.1.0/24", { dev: "v0", ...kernel, prefsrc: "10.0.1.2" }),
    route("10.0.2.0/24", { via: "10.0.1.1", dev: "v0", metric: 100 }),
    route("10.3.0.0/16", { type: "prohibit" }),
    route("10.4.0.0/16", { type: "blackhole", metric: 7 }),
    route("10.5.0.0/16", { dev: "v0", protocol: "static", scope: "link", prefsrc: "10.0.1.2" }),
    route("10.6.0.0/16", { dev: "v0", scope: "link", metric: 5 }),
    route("10.7.0.0/16", { via: "10.0.1.1", dev: "v0" }),
    route("10.8.0.0/16", { type: "unreachable" }),
    route("10.9.0.0/16", { type: "blackhole" }),
    route("192.168.9.0/24", { dev: "v1", ...kernel, prefsrc: "192.168.9.1" }),
  ];
  it("the main table, every kind of route", () => {
    expect(formatRoutes(main, MAIN)).toBe(captured("routes", "ip route", 1).stdout);
  });
  it("fields pinned by the selector are not printed", () => {
    expect(formatRoutes([main[12]!], { ...MAIN, dev: "v1" })).toBe(captured("routes", "ip route show dev v1").stdout);
    expect(formatRoutes([main[3]!, main[12]!], { ...MAIN, protocol: true })).toBe(captured("routes", "ip route show proto kernel").stdout);
    const t100 = [route("default", { via: "192.168.9.254", dev: "v1", table: 100 }), route("172.16.0.0/12", { via: "192.168.9.254", dev: "v1", table: 100 })];
    expect(formatRoutes(t100, { ...MAIN, table: 100 })).toBe(captured("routes", "ip route show table 100").stdout);
  });
  it("the local table", () => {
    const local = (type: string, dst: string, dev: string, src: string, scope: string) => route(dst, { type, dev, protocol: "kernel", scope, prefsrc: src, table: 255 });
    const routes = [
      local("local", "10.0.1.2", "v0", "10.0.1.2", "host"), local("broadcast", "10.0.1.255", "v0", "10.0.1.2", "link"),
      local("local", "127.0.0.0/8", "lo", "127.0.0.1", "host"), local("local", "127.0.0.1", "lo", "127.0.0.1", "host"),
      local("broadcast", "127.255.255.255", "lo", "127.0.0.1", "link"), local("local", "192.168.9.1", "v1", "192.168.9.1", "host"),
      local("broadcast", "192.168.9.255", "v1", "192.168.9.1", "link"),
    ];
    expect(formatRoutes(routes, { ...MAIN, table: 255 })).toBe(captured("routes", "ip route show table local").stdout);
  });
  it("route get: via, direct, local, broadcast, from", () => {
    const base = { type: "unicast", uid: 0, cacheFlags: [] };
    expect(formatRouteGet({ ...base, dst: "10.0.2.2", via: "10.0.1.1", dev: "v0", src: "10.0.1.2" })).toBe(captured("routes", "ip route get 10.0.2.2").stdout);
    expect(formatRouteGet({ ...base, dst: "10.0.1.7", dev: "v0", src: "10.0.1.2" })).toBe(captured("routes", "ip route get 10.0.1.7").stdout);
    expect(formatRouteGet({ ...base, type: "local", dst: "127.0.0.5", dev: "lo", src: "127.0.0.1", cacheFlags: ["local"] })).toBe(captured("routes", "ip route get 127.0.0.5").stdout);
    expect(formatRouteGet({ ...base, type: "broadcast", dst: "10.0.1.255", dev: "v0", src: "10.0.1.2", cacheFlags: ["local", "brd"] })).toBe(captured("routes", "ip route get 10.0.1.255").stdout);
    expect(formatRouteGet({ ...base, dst: "10.0.2.2", from: "10.0.1.2", via: "10.0.1.1", dev: "v0", src: "10.0.1.2" })).toBe(captured("routes", "ip route get 10.0.2.2 from 10.0.1.2").stdout);
  });
});

describe("ip neigh", () => {
  const entries: NeighView[] = [
    { dst: "10.0.0.5", dev: "v0", lladdr: "02:00:00:00:00:05", state: "PERMANENT" },
    { dst: "10.0.0.8", dev: "v0", lladdr: "02:00:00:00:00:08", state: "NOARP" },
    { dst: "10.0.0.9", dev: "v0", lladdr: "02:00:00:00:00:09", state: "PERMANENT" },
    { dst: "10.0.0.6", dev: "v0", lladdr: "02:00:00:00:00:06", state: "REACHABLE" },
    { dst: "10.0.0.7", dev: "v0", lladdr: "02:00:00:00:00:07", state: "STALE" },
  ];
  const show = (over: Partial<NeighShowRequest> = {}): NeighShowRequest => ({
    object: "neighbour", action: "show", dev: null, to: null, states: new Set(["permanent", "reachable", "stale", "incomplete", "delay", "probe", "failed"]), ...over,
  });
  it("hides NOARP by default, shows it with nud all", () => {
    // The kernel's hash order differs from insertion order; the model decides the order, we keep it.
    const ordered = [entries[0]!, entries[2]!, entries[3]!, entries[4]!, entries[1]!];
    expect(formatNeighs(ordered, show(), PLAIN)).toBe(captured("neigh", "ip neigh", 1).stdout);
    expect(formatNeighs(entries, show({ states: new Set(["permanent", "noarp", "reachable", "stale"]) }), PLAIN)).toBe(captured("neigh", "ip neigh show nud all").stdout);
  });
  it("drops dev when filtered by it; -br has no state", () => {
    const ordered = [entries[0]!, entries[2]!, entries[3]!, entries[4]!];
    expect(formatNeighs(ordered, show({ dev: "v0" }), PLAIN)).toBe(captured("neigh", "ip neigh show dev v0").stdout);
    expect(formatNeighs(ordered, show(), { brief: true, oneline: false })).toBe(captured("neigh", "ip -br neigh").stdout);
  });
  it("an unresolved neighbour has no lladdr", () => {
    const failed: NeighView = { dst: "10.0.0.77", dev: "v0", state: "FAILED" };
    expect(formatNeighs([failed], show(), PLAIN)).toBe(captured("neigh", "ip neigh show 10.0.0.77").stdout);
    expect(formatNeighs([failed], show(), { brief: true, oneline: false })).toBe(captured("neigh", "ip -br neigh show 10.0.0.77").stdout);
    expect(formatNeighs([{ ...failed, state: "INCOMPLETE" }], show(), PLAIN)).toBe(captured("neigh", "ping -c1 -W1 10.0.0.77 >/dev/null; ip neigh show 10.0.0.77").stdout);
  });
});

describe("ip netns list", () => {
  it("newest first, with (id: N) once assigned", () => {
    expect(formatNetnsList([{ name: "green" }, { name: "blue", nsid: 7 }, { name: "red", nsid: 0 }])).toBe(captured("netns", "ip netns list", 4).stdout);
    expect(formatNetnsList([])).toBe(captured("netns", "ip netns list").stdout);
  });
});

describe("bridge", () => {
  it("bridge link", () => {
    const port = { mtu: 1500, master: "br0", priority: 32, cost: 2 };
    const ports = [
      { ...port, ifindex: 3, name: "v0", peer: { name: "br0" }, flags: UP, stpState: "forwarding" },
      { ...port, ifindex: 5, name: "v2", peer: { name: "v3" }, flags: ["BROADCAST", "MULTICAST", "M-DOWN"], stpState: "disabled" },
    ];
    expect(formatBridgePorts(ports)).toBe(captured("bridge", "bridge link", 2).stdout);
  });
  it("bridge fdb show dev v0: learned entries end in a space", () => {
    const fdb = [
      { mac: "02:00:00:00:00:99", dev: "v0", master: "br0", state: "static" as const },
      { mac: "02:00:00:00:00:02", dev: "v0", master: "br0" },
      { mac: "02:00:00:00:00:01", dev: "v0", master: "br0", state: "permanent" as const },
      { mac: "33:33:00:00:00:01", dev: "v0", self: true, state: "permanent" as const },
      { mac: "01:00:5e:00:00:01", dev: "v0", self: true, state: "permanent" as const },
    ];
    expect(formatFdb(fdb, "v0")).toBe(captured("bridge", "bridge fdb show dev v0", 2).stdout);
    expect(formatFdb(fdb.slice(1, 3), null)).toBe("02:00:00:00:00:02 dev v0 master br0 \n02:00:00:00:00:01 dev v0 master br0 permanent\n");
  });
});

describe("sysctl", () => {
  it("NAME = VALUE, or the value alone with -n", () => {
    expect(formatSysctlValue("net.ipv4.ip_forward", "1", false)).toBe(captured("sysctl", "sysctl -w net.ipv4.ip_forward=1").stdout);
    expect(formatSysctlValue("net.ipv4.ip_forward", "1", true)).toBe(captured("sysctl", "sysctl -n net.ipv4.ip_forward").stdout);
  });
});
