/**
 * The model's state as the formatters' view records (../views.ts): one
 * function per record, no decisions beyond what iproute2 itself derives
 * from the kernel's answer (which peer name is visible, link-netns vs
 * link-netnsid, which route fields exist).
 */
import { formatIpv4 } from "../../../addr";
import { BridgeDevice, type NetDevice, type VethDevice } from "../../../link";
import type { IfAddr, NeighbourEntry, NetNamespace, Route } from "../../../stack";
import type { World } from "../../../world";
import { ZERO_MAC } from "../../../wire";
import { protocolName } from "../route-names";
import type { AddrView, BridgePortView, FdbView, LinkAddrsView, LinkView, NeighView, NetnsView, RouteView } from "../views";
import { nsidOf } from "./nsid-table";

const ETHER_BROADCAST = "ff:ff:ff:ff:ff:ff";
const LOOPBACK_ADDRESS = "00:00:00:00:00:00";

/** The veth peer after "@": by name when in the same namespace, else by ifindex (iproute2 cannot resolve it). */
function peerOf(dev: NetDevice, ns: NetNamespace): LinkView["peer"] {
  const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
  if (!peer) return undefined;
  return peer.owner === ns ? { name: peer.name } : { ifindex: peer.ifindex };
}

/** `link-netns NAME` when iproute2 can name the peer's namespace (a /run/netns entry), else `link-netnsid N`. */
function linkNetnsOf(dev: NetDevice, ns: NetNamespace, world: World): LinkView["linkNetns"] {
  const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
  if (!peer || peer.owner === ns) return undefined;
  const other = peer.owner as NetNamespace;
  const nsid = nsidOf(world, ns, other);
  if (nsid === undefined) return undefined;
  return other.name === "" ? { nsid } : { name: other.name };
}

/**
 * default_operstate() on the recording kernel (6.18): a device without
 * carrier is LOWERLAYERDOWN only when its link (the veth peer's ifindex)
 * names a device in its *own* namespace; a peer elsewhere usually does not,
 * so it is DOWN (parity case 011: `b-eth0@if3 DOWN`). The model says
 * LOWERLAYERDOWN for any peer; this corrects it until the model does.
 */
function operState(dev: NetDevice, ns: NetNamespace): string {
  const state = dev.operState();
  const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
  if (state === "LOWERLAYERDOWN" && peer && peer.owner !== ns && !ns.deviceByIndex(peer.ifindex)) return "DOWN";
  return state;
}

export function linkView(dev: NetDevice, ns: NetNamespace, world: World): LinkView {
  const loopback = dev.kind === "loopback";
  const peer = peerOf(dev, ns);
  const linkNetns = linkNetnsOf(dev, ns, world);
  const master = dev.master?.device.name;
  return {
    ifindex: dev.ifindex,
    name: dev.name,
    ...(peer ? { peer } : {}),
    flags: dev.flags(),
    mtu: dev.mtu,
    qdisc: dev.qdisc(),
    ...(master !== undefined ? { master } : {}),
    state: operState(dev, ns),
    mode: "DEFAULT",
    group: "default",
    qlen: 1000,
    linkType: loopback ? "loopback" : "ether",
    address: loopback ? LOOPBACK_ADDRESS : dev.mac,
    broadcast: loopback ? LOOPBACK_ADDRESS : ETHER_BROADCAST,
    ...(linkNetns ? { linkNetns } : {}),
    ...(loopback ? {} : { kind: dev.kind as "veth" | "bridge" }),
  };
}

function inetView(addr: IfAddr): AddrView {
  return {
    family: "inet",
    address: formatIpv4(addr.local),
    prefix: addr.prefix,
    ...(addr.broadcast !== null ? { broadcast: formatIpv4(addr.broadcast) } : {}),
    scope: addr.scope,
    ...(addr.secondary ? { secondary: true } : {}),
    ...(addr.label !== addr.dev.name ? { label: addr.label } : {}),
  };
}

/**
 * IPv6 is not modelled. A real `lo` has ::1/128 while it is up (addrconf
 * adds it on NETDEV_UP), and the lab machines show it — the one IPv6
 * address printed; `fe80::` link-locals are left out, as the parity
 * harness normalises them away (commands/README.md, "IPv6").
 */
const LOOPBACK_V6: AddrView = { family: "inet6", address: "::1", prefix: 128, scope: "host" };

export function addrViews(dev: NetDevice, ns: NetNamespace): AddrView[] {
  const inet = ns.addrs.filter((a) => a.dev === dev).map(inetView);
  return dev.kind === "loopback" && dev.adminUp ? [...inet, LOOPBACK_V6] : inet;
}

export function linkAddrsView(dev: NetDevice, ns: NetNamespace, world: World): LinkAddrsView {
  return { link: linkView(dev, ns, world), addrs: addrViews(dev, ns) };
}

function dstText(route: Route): string {
  if (route.dst.prefix === 0) return "default";
  const address = formatIpv4(route.dst.address);
  return route.dst.prefix === 32 ? address : `${address}/${route.dst.prefix}`;
}

/** RTNH_F_LINKDOWN: the nexthop's device is up but has no carrier (a veth whose peer is down). */
function nexthopFlags(route: Route): string[] {
  const dev = route.dev;
  if (!dev || dev.kind === "loopback") return [];
  return dev.adminUp && !dev.carrier() ? ["linkdown"] : [];
}

export function routeView(route: Route): RouteView {
  const flags = nexthopFlags(route);
  return {
    type: route.type,
    dst: dstText(route),
    ...(route.gateway !== undefined ? { via: formatIpv4(route.gateway) } : {}),
    ...(route.dev ? { dev: route.dev.name } : {}),
    table: route.table,
    protocol: typeof route.protocol === "number" ? protocolName(route.protocol) : route.protocol,
    scope: route.scope,
    ...(route.prefsrc !== undefined ? { prefsrc: formatIpv4(route.prefsrc) } : {}),
    ...(route.metric !== 0 ? { metric: route.metric } : {}),
    ...(route.onlink ? { flags: ["onlink", ...flags] } : flags.length ? { flags } : {}),
  };
}

export function neighView(entry: NeighbourEntry): NeighView {
  return {
    dst: formatIpv4(entry.ip),
    dev: entry.dev.name,
    ...(entry.mac !== null ? { lladdr: entry.mac } : {}),
    state: entry.state,
  };
}

/** `ip netns list`: newest first (the real directory listing of /run/netns gives them so), with this namespace's id for each. */
export function netnsViews(world: World, from: NetNamespace): NetnsView[] {
  return world
    .netnsList()
    .reverse()
    .map((name) => {
      const nsid = nsidOf(world, from, world.namespace(name)!);
      return nsid === undefined ? { name } : { name, nsid };
    });
}

/**
 * `bridge link`: a port's STP state without STP is "forwarding" while it can
 * forward, else "disabled" (br_port_state_selection); priority 32 and cost 2
 * (a 10 Gb/s veth) are the kernel's defaults. iproute2 resolves the peer's
 * ifindex in the *current* namespace, so a peer elsewhere may show under a
 * local device's name (a captured quirk: `v0@br0`).
 */
export function bridgePortView(port: NetDevice, ns: NetNamespace): BridgePortView {
  const br = port.master!.device as BridgeDevice;
  const peer = port.kind === "veth" ? (port as VethDevice).peer : null;
  let peerView: BridgePortView["peer"];
  if (peer) {
    const local = ns.deviceByIndex(peer.ifindex);
    peerView = peer.owner === ns ? { name: peer.name } : local ? { name: local.name } : { ifindex: peer.ifindex };
  }
  return {
    ifindex: port.ifindex,
    name: port.name,
    ...(peerView ? { peer: peerView } : {}),
    flags: port.flags(),
    mtu: port.mtu,
    master: br.name,
    stpState: br.forwarding(port) ? "forwarding" : "disabled",
    priority: 32,
    cost: 2,
  };
}

/**
 * `bridge fdb show` (rtnl_fdb_dump): devices in ifindex order. A bridge
 * lists its own multicast list ("self permanent") then its own MAC when no
 * port carries it ("master BR permanent"); a port lists the bridge's entries
 * behind it — learned ones newest first (hlist_add_head), then its own MAC —
 * then its own multicast list. IPv6 solicited-node groups are not modelled.
 */
export function fdbViews(ns: NetNamespace): FdbView[] {
  const out: FdbView[] = [];
  for (const dev of ns.devices) {
    if (dev.kind === "loopback") continue;
    if (dev instanceof BridgeDevice) {
      out.push(...selfMulticast(dev));
      const own = dev.mac !== ZERO_MAC && !dev.ports.some((p) => p.mac === dev.mac);
      if (own) out.push({ mac: dev.mac, dev: dev.name, master: dev.name, state: "permanent" });
      continue;
    }
    const br = dev.master?.device;
    if (br instanceof BridgeDevice) {
      const learned = br.fdb.entries().filter((e) => e.port === dev).reverse();
      for (const entry of learned) out.push({ mac: entry.mac, dev: dev.name, master: br.name });
      out.push({ mac: dev.mac, dev: dev.name, master: br.name, state: "permanent" });
    }
    out.push(...selfMulticast(dev));
  }
  return out;
}

/**
 * A device's own multicast list: IPv6 all-nodes from registration; once up,
 * a bridge's snooping groups (224.0.0.106, ff02::6a — br_multicast_open runs
 * in ndo_open, before the NETDEV_UP notifier) and IPv4 all-hosts (ip_mc_up).
 */
function selfMulticast(dev: NetDevice): FdbView[] {
  const macs = ["33:33:00:00:00:01"];
  if (dev.adminUp && dev.kind === "bridge") macs.push("01:00:5e:00:00:6a", "33:33:00:00:00:6a");
  if (dev.adminUp) macs.push("01:00:5e:00:00:01");
  return macs.map((mac) => ({ mac, dev: dev.name, self: true, state: "permanent" }));
}
