/**
 * The machine as a graph for the lab's topology view: a plain, JSON-safe
 * snapshot built from the live model — never a second model of it.
 *
 * Nodes are the network namespaces (the initial one too: the "machine" the
 * lab runs on) and the bridges, drawn as switches. A namespace is a
 * "router" while net.ipv4.ip_forward is 1, else a "host". A bridge's ports
 * are drawn on the switch, not on the namespace that owns them, so the
 * picture reads as the cabling does — `[ns1]──veth──[br0]──veth──[ns2]` —
 * while the bridge device itself (where the owner's stack meets the switch,
 * and where an address on the bridge lives) stays on its namespace, joined
 * to the switch by a "bridge-host" link.
 *
 * Ids are stable strings derived from names, so the view can key positions
 * and animations on them across snapshots: `ns:ns1`, `ns:root`,
 * `br:root/br0`, `if:ns1/veth1`, `veth:if:ns1/veth1~if:root/veth1-br`,
 * `host:br:root/br0`. A rename or a move to another namespace is, as in
 * `ip monitor`, a device leaving and another arriving.
 *
 * Ordering is deterministic: namespaces in creation order (the initial one
 * first), then bridges by namespace and ifindex; interfaces by ifindex;
 * links by id.
 */
import { formatIpv4 } from "../addr";
import { BridgeDevice, type DeviceKind, type NetDevice, type OperState, type VethDevice } from "../link";
import type { NetNamespace } from "../stack";
import { ROOT_NETNS, type World } from "./world";

/** What the lab calls the initial namespace (its terminal tab, its node). */
export const ROOT_HOST = "root";

export type NodeId = string;
export type InterfaceId = string;
export type LinkId = string;

export type NodeRole = "machine" | "host" | "router" | "switch";

export interface TopologyInterface {
  readonly id: InterfaceId;
  readonly name: string;
  readonly ifindex: number;
  readonly kind: DeviceKind;
  readonly mac: string;
  readonly mtu: number;
  /** The namespace the device lives in, as a host name ("root", "ns1"). */
  readonly host: string;
  /** The node the interface is drawn on: its namespace, or the switch it is a port of. */
  readonly node: NodeId;
  /** IPv4 addresses in `ip addr` order, "192.168.1.10/24". */
  readonly addresses: readonly string[];
  /** `ip link set … up`. */
  readonly adminUp: boolean;
  /** LOWER_UP: the device has carrier. */
  readonly carrier: boolean;
  /** Operational state as `ip link` prints it. */
  readonly state: OperState;
  /** The flags between < > of `ip link`, in iproute2's order. */
  readonly flags: readonly string[];
  /** The switch node this device is a port of. */
  readonly master?: NodeId;
  /** A veth's other end. */
  readonly peer?: InterfaceId;
}

export interface TopologyNode {
  readonly id: NodeId;
  readonly kind: "namespace" | "bridge";
  readonly role: NodeRole;
  /** Display name: the host name for a namespace, the device name for a bridge. */
  readonly name: string;
  /** The namespace the node is or lives in, as a host name. */
  readonly host: string;
  /** net.ipv4.ip_forward of a namespace node. */
  readonly forwarding?: boolean;
  readonly interfaces: readonly TopologyInterface[];
}

export interface LinkEnd {
  readonly node: NodeId;
  /** Absent on the switch side of a bridge-host link (the bridge's own port has no device of its own). */
  readonly interface?: InterfaceId;
}

export interface TopologyLink {
  readonly id: LinkId;
  /** "veth": a veth pair; "bridge-host": a bridge device and the switch it fronts. */
  readonly kind: "veth" | "bridge-host";
  readonly a: LinkEnd;
  readonly b: LinkEnd;
  /** Frames can cross it now (both ends have carrier). */
  readonly up: boolean;
}

export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly links: readonly TopologyLink[];
}

/** "root" for the initial namespace, else the `ip netns` name. */
export function hostOfNetns(netns: string): string {
  return netns === ROOT_NETNS ? ROOT_HOST : netns;
}

/** The namespace name behind a host name ("root" → ""). */
export function netnsOfHost(host: string): string {
  return host === ROOT_HOST ? ROOT_NETNS : host;
}

export function namespaceNodeId(netns: string): NodeId {
  return `ns:${hostOfNetns(netns)}`;
}

export function bridgeNodeId(netns: string, bridge: string): NodeId {
  return `br:${hostOfNetns(netns)}/${bridge}`;
}

export function interfaceId(netns: string, device: string): InterfaceId {
  return `if:${hostOfNetns(netns)}/${device}`;
}

export function vethLinkId(a: InterfaceId, b: InterfaceId): LinkId {
  return `veth:${[a, b].sort().join("~")}`;
}

export function bridgeHostLinkId(bridge: NodeId): LinkId {
  return `host:${bridge}`;
}

/** Where a device sits in the graph: what the event log needs to move a dot along the right link. */
export interface DevicePlace {
  readonly interface: InterfaceId;
  /** The node the device is drawn on. */
  readonly node: NodeId;
  /** The link a frame sent on this device crosses, and the node at its other end (none for lo). */
  readonly link?: { readonly id: LinkId; readonly otherNode: NodeId };
}

/** The place of device `device` of namespace `netns`, if both exist now. */
export function locateDevice(world: World, netns: string, device: string): DevicePlace | undefined {
  const ns = world.namespace(netns);
  const dev = ns?.device(device);
  if (!ns || !dev) return undefined;
  return placeOf(dev, ns);
}

function owningNetns(dev: NetDevice): string {
  return dev.owner.name;
}

function nodeOfDevice(dev: NetDevice): NodeId {
  const master = dev.master?.device;
  return master ? bridgeNodeId(owningNetns(master), master.name) : namespaceNodeId(owningNetns(dev));
}

function placeOf(dev: NetDevice, ns: NetNamespace): DevicePlace {
  const id = interfaceId(ns.name, dev.name);
  const node = nodeOfDevice(dev);
  if (dev instanceof BridgeDevice) {
    const switchNode = bridgeNodeId(ns.name, dev.name);
    return { interface: id, node, link: { id: bridgeHostLinkId(switchNode), otherNode: switchNode } };
  }
  const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
  if (!peer) return { interface: id, node };
  const peerId = interfaceId(owningNetns(peer), peer.name);
  return { interface: id, node, link: { id: vethLinkId(id, peerId), otherNode: nodeOfDevice(peer) } };
}

function interfaceOf(dev: NetDevice, ns: NetNamespace): TopologyInterface {
  const master = dev.master?.device;
  const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
  return {
    id: interfaceId(ns.name, dev.name),
    name: dev.name,
    ifindex: dev.ifindex,
    kind: dev.kind,
    mac: dev.mac,
    mtu: dev.mtu,
    host: hostOfNetns(ns.name),
    node: nodeOfDevice(dev),
    addresses: ns.addrs.filter((a) => a.dev === dev).map((a) => `${formatIpv4(a.local)}/${a.prefix}`),
    adminUp: dev.adminUp,
    carrier: dev.adminUp && dev.carrier(),
    state: dev.operState(),
    flags: dev.flags(),
    ...(master ? { master: bridgeNodeId(ns.name, master.name) } : {}),
    ...(peer ? { peer: interfaceId(owningNetns(peer), peer.name) } : {}),
  };
}

function forwarding(ns: NetNamespace): boolean {
  const value = ns.sysctl.get("net.ipv4.ip_forward");
  return value.ok && value.value.trim() === "1";
}

function namespaceNode(ns: NetNamespace): TopologyNode {
  const isRoot = ns.name === ROOT_NETNS;
  const forwards = forwarding(ns);
  return {
    id: namespaceNodeId(ns.name),
    kind: "namespace",
    role: isRoot ? "machine" : forwards ? "router" : "host",
    name: hostOfNetns(ns.name),
    host: hostOfNetns(ns.name),
    forwarding: forwards,
    interfaces: ns.devices.filter((d) => !d.master).map((d) => interfaceOf(d, ns)),
  };
}

function bridgeNode(br: BridgeDevice, ns: NetNamespace): TopologyNode {
  const ports = [...br.ports].sort((a, b) => a.ifindex - b.ifindex);
  return {
    id: bridgeNodeId(ns.name, br.name),
    kind: "bridge",
    role: "switch",
    name: br.name,
    host: hostOfNetns(ns.name),
    interfaces: ports.map((p) => interfaceOf(p, ns)),
  };
}

function linksOf(ns: NetNamespace): TopologyLink[] {
  const links: TopologyLink[] = [];
  for (const dev of ns.devices) {
    if (dev instanceof BridgeDevice) {
      const switchNode = bridgeNodeId(ns.name, dev.name);
      const id = interfaceId(ns.name, dev.name);
      links.push({ id: bridgeHostLinkId(switchNode), kind: "bridge-host", a: { node: namespaceNodeId(ns.name), interface: id }, b: { node: switchNode }, up: dev.ready() });
      continue;
    }
    const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
    if (!peer) continue;
    const id = interfaceId(ns.name, dev.name);
    const peerId = interfaceId(owningNetns(peer), peer.name);
    // Each pair once: from the end whose id sorts first.
    if (id > peerId) continue;
    links.push({
      id: vethLinkId(id, peerId),
      kind: "veth",
      a: { node: nodeOfDevice(dev), interface: id },
      b: { node: nodeOfDevice(peer), interface: peerId },
      up: dev.ready() && peer.ready(),
    });
  }
  return links;
}

/** The graph of `world` as it is now. */
export function topologyOf(world: World): Topology {
  const namespaces = [world.root, ...world.netnsList().map((name) => world.namespace(name)!)];
  const nodes: TopologyNode[] = namespaces.map(namespaceNode);
  for (const ns of namespaces) {
    for (const dev of ns.devices) if (dev instanceof BridgeDevice) nodes.push(bridgeNode(dev, ns));
  }
  const links = namespaces.flatMap(linksOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, links };
}
