/**
 * Trace events in plain words, for the lab's event log (shared DESIGN.md,
 * "Words"): "ns1 asks who has 192.168.1.20? tell 192.168.1.10 (ARP request,
 * broadcast)", "r1 forwards to 10.0.0.2 out eth1, TTL 64 → 63 (…)",
 * "dropped at r1: no route to 10.9.0.5 (FIB lookup failed)". Each entry also
 * says which protocol colours it, which link of the topology (world/
 * topology.ts) a frame crossed and which way, whether it is a drop, and
 * carries the frame's bytes for the inspector — so the view only shows.
 *
 * Words are made as each event is emitted, against the live machine: the
 * device a frame used and the names of addresses are looked up as they are
 * at that moment (a veth moved later does not rewrite history).
 *
 * Host names stand in for addresses when exactly one namespace has the
 * address; otherwise the address is shown.
 */
import { formatIpv4, type Ipv4Address } from "../../addr";
import type { BytesFormat, DropReason, TraceEvent, TraceEventKind, TraceEventOf } from "../../core";
import type { BridgeDevice } from "../../link";
import {
  ArpOperation, BROADCAST_MAC, EtherType, IpProtocol, TimeExceededCode, UnreachableCode,
  isMulticastMac, parseArp, parseEthernet, parseIcmp, parseIpv4, parseTcp, parseUdp, tcpFlagsText,
  type ArpRepr, type Ipv4Repr, type MacAddress,
} from "../../wire";
import type { World } from "../../world";
import { hostOfNetns, locateDevice, type InterfaceId, type LinkId, type NodeId } from "../../world/topology";

/** The colour family of an entry (one colour per protocol, DESIGN.md "Visual language"). */
export type ProtocolTag = "arp" | "icmp" | "tcp" | "udp" | "dns" | "ip" | "ethernet" | "process";

export interface EventLinkRef {
  readonly id: LinkId;
  /** "out": the frame leaves `interface` along the link; "in": it arrives there. */
  readonly direction: "out" | "in";
  /** Animate from this node to that one. */
  readonly from: NodeId;
  readonly to: NodeId;
}

export interface EventWords {
  /** The event's index in the trace (its seq). */
  readonly index: number;
  /** Virtual time, µs. */
  readonly time: number;
  /** The lab step (command) running when it happened. */
  readonly step: number;
  readonly kind: TraceEventKind;
  /** The namespace it happened in, as a host name ("root", "ns1"). */
  readonly host: string;
  readonly protocol: ProtocolTag;
  /** The sentence for the log. */
  readonly text: string;
  /** The device involved and where it is drawn. */
  readonly device?: { readonly name: string; readonly interface: InterfaceId; readonly node: NodeId };
  /** The link a frame sent or received crossed (absent for lo; drops and neighbour changes give `device` only: mark the node). */
  readonly link?: EventLinkRef;
  readonly drop?: { readonly reason: DropReason; readonly words: string; readonly detail?: string };
  /** The frame or packet, for the inspector (decode with decodeFrame / decodeBytes). */
  readonly bytes?: Uint8Array;
  readonly format?: BytesFormat;
}

/** Who has which address right now: for "ns1 → ns2" instead of two addresses. */
class Names {
  readonly #owners = new Map<number, string[]>();

  constructor(world: World) {
    for (const netns of ["", ...world.netnsList()]) {
      const ns = world.namespace(netns);
      for (const addr of ns?.addrs ?? []) {
        if (addr.dev.kind === "loopback") continue;
        const owners = this.#owners.get(addr.local) ?? [];
        owners.push(hostOfNetns(netns));
        this.#owners.set(addr.local, owners);
      }
    }
  }

  of(ip: Ipv4Address): string {
    const owners = this.#owners.get(ip);
    return owners?.length === 1 ? owners[0]! : formatIpv4(ip);
  }

  owns(host: string, ip: Ipv4Address): boolean {
    return this.#owners.get(ip)?.includes(host) ?? false;
  }
}

/** What a frame is, in words and as the facts the sentence needs. */
interface FrameFacts {
  readonly protocol: ProtocolTag;
  /** "ICMP echo request seq 1, ns1 → ns2", "ARP request: who has 192.168.1.20? tell 192.168.1.10". */
  readonly what: string;
  /** `what` without the addresses, for sentences that name them: "ICMP echo request seq 1". */
  readonly core: string;
  readonly dstMac?: MacAddress;
  readonly arp?: ArpRepr;
  readonly ip?: Ipv4Repr;
}

const UNREACHABLE_WORDS: Record<number, string> = {
  [UnreachableCode.NET]: "network unreachable",
  [UnreachableCode.HOST]: "host unreachable",
  [UnreachableCode.PROTOCOL]: "protocol unreachable",
  [UnreachableCode.PORT]: "port unreachable",
  [UnreachableCode.FRAG_NEEDED]: "fragmentation needed",
};

function icmpWords(payload: Uint8Array): { words: string; error: boolean } {
  const icmp = parseIcmp(payload, { verifyChecksum: false });
  if (!icmp.ok) return { words: "ICMP (unreadable)", error: false };
  const m = icmp.value;
  switch (m.kind) {
    case "echo-request":
    case "echo-reply":
      return { words: `ICMP echo ${m.kind === "echo-request" ? "request" : "reply"} seq ${m.sequence}`, error: false };
    case "destination-unreachable":
      return { words: `ICMP ${UNREACHABLE_WORDS[m.code] ?? `destination unreachable (code ${m.code})`}`, error: true };
    case "time-exceeded":
      return { words: m.code === TimeExceededCode.TTL ? "ICMP time exceeded (TTL ran out in transit)" : "ICMP time exceeded (reassembly)", error: true };
    case "redirect":
      return { words: `ICMP redirect to ${formatIpv4(m.gateway)}`, error: true };
    case "parameter-problem":
      return { words: "ICMP parameter problem", error: true };
    default:
      return { words: `ICMP type ${m.type} code ${m.code}`, error: false };
  }
}

/** The transport part in words, without the addresses: "ICMP echo request seq 1", "UDP 40000 → 53, 12 bytes". */
function transportWords(ip: Ipv4Repr): { protocol: ProtocolTag; core: string } {
  if (ip.protocol === IpProtocol.ICMP) return { protocol: "icmp", core: icmpWords(ip.payload).words };
  if (ip.protocol === IpProtocol.UDP) {
    const udp = parseUdp(ip.payload);
    if (!udp.ok) return { protocol: "udp", core: "UDP (unreadable)" };
    const dns = udp.value.srcPort === 53 || udp.value.dstPort === 53;
    return { protocol: dns ? "dns" : "udp", core: `${dns ? "DNS over UDP" : "UDP"} ${udp.value.srcPort} → ${udp.value.dstPort}, ${udp.value.payload.length} bytes` };
  }
  if (ip.protocol === IpProtocol.TCP) {
    const tcp = parseTcp(ip.payload);
    if (!tcp.ok) return { protocol: "tcp", core: "TCP (unreadable)" };
    const dns = tcp.value.srcPort === 53 || tcp.value.dstPort === 53;
    return { protocol: dns ? "dns" : "tcp", core: `${dns ? "DNS over TCP" : "TCP"} [${tcpFlagsText(tcp.value.flags)}] ${tcp.value.srcPort} → ${tcp.value.dstPort}` };
  }
  return { protocol: "ip", core: `IPv4 protocol ${ip.protocol}` };
}

function ipFacts(bytes: Uint8Array, names: Names, dstMac?: MacAddress): FrameFacts {
  const mac = dstMac ? { dstMac } : {};
  const ip = parseIpv4(bytes, { verifyChecksum: false });
  if (!ip.ok) return { protocol: "ip", core: "an unreadable IPv4 packet", what: "an unreadable IPv4 packet", ...mac };
  const { protocol, core } = transportWords(ip.value);
  return { protocol, core, what: `${core}, ${names.of(ip.value.src)} → ${names.of(ip.value.dst)}`, ip: ip.value, ...mac };
}

function frameFacts(bytes: Uint8Array, format: BytesFormat, names: Names): FrameFacts {
  if (format === "ipv4") return ipFacts(bytes, names);
  const eth = parseEthernet(bytes);
  if (!eth.ok) return { protocol: "ethernet", what: "a runt frame", core: "a runt frame" };
  const { dst, ethertype, payload } = eth.value;
  if (ethertype === EtherType.ARP) {
    const arp = parseArp(payload);
    if (!arp.ok) return { protocol: "arp", what: "an unreadable ARP packet", core: "an unreadable ARP packet", dstMac: dst };
    const a = arp.value;
    const what = a.operation === ArpOperation.REQUEST
      ? `ARP request: who has ${formatIpv4(a.targetIp)}? tell ${formatIpv4(a.senderIp)}`
      : `ARP reply: ${formatIpv4(a.senderIp)} is at ${a.senderMac}`;
    return { protocol: "arp", what, core: what, dstMac: dst, arp: a };
  }
  if (ethertype === EtherType.IPV4) return ipFacts(payload, names, dst);
  const what = `a frame of ethertype 0x${ethertype.toString(16).padStart(4, "0")}`;
  return { protocol: "ethernet", what, core: what, dstMac: dst };
}

function castKind(dst: MacAddress | undefined): string {
  if (dst === undefined) return "";
  return dst === BROADCAST_MAC ? "broadcast" : isMulticastMac(dst) ? "multicast" : "unicast";
}

/** The sentence for a frame a namespace's own stack sends (not a bridge port). */
function sentWords(host: string, device: string, f: FrameFacts, names: Names): string {
  if (f.arp) {
    const a = f.arp;
    return a.operation === ArpOperation.REQUEST
      ? `${host} asks who has ${formatIpv4(a.targetIp)}? tell ${formatIpv4(a.senderIp)} (ARP request, ${castKind(f.dstMac)})`
      : `${host} answers: ${formatIpv4(a.senderIp)} is at ${a.senderMac} (ARP reply)`;
  }
  if (f.ip && !names.owns(host, f.ip.src) && device !== "lo") {
    // Not from one of our addresses: a packet we forward (ip_forward decremented its TTL on the way).
    return `${host} forwards to ${formatIpv4(f.ip.dst)} out ${device}, TTL ${f.ip.ttl + 1} → ${f.ip.ttl} (${f.what})`;
  }
  if (f.ip) return `${host} → ${names.of(f.ip.dst)}: ${f.core} (out ${device})`;
  return `${host} sends ${f.what} out ${device}`;
}

/** A bridge port passing a frame on: forwarded to a learned port, or flooded. */
function bridgePortSentWords(br: BridgeDevice, port: string, f: FrameFacts): string {
  const learned = f.dstMac !== undefined && br.fdb.entries().some((e) => e.mac === f.dstMac && e.port.name === port);
  const how = learned ? "forwards" : `floods (${f.dstMac !== undefined && !isMulticastMac(f.dstMac) ? "unknown destination" : castKind(f.dstMac)})`;
  return `${br.name} ${how} ${f.what} out ${port}`;
}

const DROP_WORDS: Record<DropReason, string> = {
  NOT_SPECIFIED: "dropped for no specific reason",
  NO_SOCKET: "no program is listening there",
  PKT_TOO_SMALL: "too short for its own headers",
  IP_INHDR: "bad IPv4 header, or its TTL ran out",
  IP_CSUM: "wrong IPv4 header checksum",
  TCP_CSUM: "wrong TCP checksum",
  UDP_CSUM: "wrong UDP checksum",
  ICMP_CSUM: "wrong ICMP checksum",
  OTHERHOST: "addressed to another machine's MAC",
  NETFILTER_DROP: "a firewall rule dropped it",
  IP_RPFILTER: "the reverse-path filter refused its source",
  IP_NOPROTO: "no handler for its IP protocol",
  IP_INADDRERRORS: "not for this host, and forwarding is off (ip_forward = 0)",
  IP_INNOROUTES: "no route (FIB lookup failed)",
  IP_OUTNOROUTES: "no route (FIB lookup failed)",
  IP_LOCAL_SOURCE: "its source address is one of our own",
  IP_INVALID_SOURCE: "a martian: its source is a loopback address, which never comes from a real link",
  IP_INVALID_DEST: "a martian: its destination is a loopback or 0.x.x.x address, which no router forwards",
  PKT_TOO_BIG: "too big for the next link, and Don't Fragment is set",
  NEIGH_FAILED: "no ARP reply for the next hop (neighbour FAILED)",
  NEIGH_QUEUEFULL: "too many packets already waiting for ARP",
  DEV_READY: "the device is down or has no carrier",
  UNHANDLED_PROTO: "no handler for its ethertype",
  BRIDGE_INGRESS_STP_STATE: "the bridge port is not forwarding",
  FRAG_REASM_TIMEOUT: "its fragments never all arrived",
};

function dropWords(event: TraceEventOf<"frame-dropped">, facts: FrameFacts | undefined): string {
  if ((event.reason === "IP_INNOROUTES" || event.reason === "IP_OUTNOROUTES") && facts?.ip) {
    return `no route to ${formatIpv4(facts.ip.dst)} (FIB lookup failed)`;
  }
  return DROP_WORDS[event.reason];
}

const NEIGH_WHY: Partial<Record<string, string>> = {
  INCOMPLETE: "asking by ARP",
  REACHABLE: "confirmed",
  STALE: "not confirmed lately; will check on next use",
  DELAY: "used while stale; waiting before probing",
  PROBE: "probing again by ARP",
  FAILED: "no ARP reply",
  PERMANENT: "set by hand",
  NOARP: "needs no ARP",
};

function routeWords(host: string, e: TraceEventOf<"route-decision">): string {
  if (e.route === null) return `${host} has no route to ${e.destination}`;
  const via = e.gateway !== undefined ? ` via ${e.gateway}` : "";
  if (e.purpose === "output") return `${host} routes ${e.destination} out ${e.device ?? "?"}${via} (${e.route})`;
  if (e.type === "local") return `${host} takes ${e.destination} as its own address`;
  if (e.type === "broadcast") return `${host} takes ${e.destination} as a broadcast`;
  return `${host} looks up ${e.destination}: not its own, route ${e.route}`;
}

function base(event: TraceEvent, protocol: ProtocolTag, text: string) {
  return { index: event.seq, time: event.time, step: event.step, kind: event.kind, host: hostOfNetns(event.namespace), protocol, text };
}

/** The device an event names; with `direction`, also the link a frame on it crossed. */
function deviceRef(world: World, netns: string, device: string | undefined, direction?: "out" | "in") {
  if (device === undefined) return {};
  const place = locateDevice(world, netns, device);
  if (!place) return {};
  const ref = { device: { name: device, interface: place.interface, node: place.node } };
  if (!place.link || direction === undefined) return ref;
  const { id, otherNode } = place.link;
  const link: EventLinkRef = direction === "out" ? { id, direction, from: place.node, to: otherNode } : { id, direction, from: otherNode, to: place.node };
  return { ...ref, link };
}

function frameEvent(event: TraceEventOf<"frame-sent" | "frame-received">, world: World, names: Names): EventWords {
  const host = hostOfNetns(event.namespace);
  const facts = frameFacts(event.bytes, "ethernet", names);
  const dev = world.namespace(event.namespace)?.device(event.device);
  const master = dev?.master?.device as BridgeDevice | undefined;
  let text: string;
  if (event.kind === "frame-sent") {
    text = master ? bridgePortSentWords(master, event.device, facts) : sentWords(host, event.device, facts, names);
  } else {
    text = master ? `${master.name} gets ${facts.what} on ${event.device}` : `${host} receives ${facts.what} on ${event.device}`;
  }
  return {
    ...base(event, facts.protocol, text),
    ...deviceRef(world, event.namespace, event.device, event.kind === "frame-sent" ? "out" : "in"),
    bytes: event.bytes,
    format: "ethernet",
  };
}

/** The log entry for `event`, worded against `world` as it is when the event is emitted. */
export function eventWords(event: TraceEvent, world: World): EventWords {
  const host = hostOfNetns(event.namespace);
  switch (event.kind) {
    case "frame-sent":
    case "frame-received":
      return frameEvent(event, world, new Names(world));
    case "frame-dropped": {
      const facts = event.bytes ? frameFacts(event.bytes, event.format ?? "ethernet", new Names(world)) : undefined;
      const words = dropWords(event, facts);
      const on = event.device !== undefined ? ` on ${event.device}` : "";
      const what = facts ? ` ${facts.what}` : "";
      const detail = event.detail !== undefined ? ` — ${event.detail}` : "";
      return {
        ...base(event, facts?.protocol ?? "ip", `dropped at ${host}${on}:${what ? `${what},` : ""} ${words}${detail}`),
        ...deviceRef(world, event.namespace, event.device),
        drop: { reason: event.reason, words, ...(event.detail !== undefined ? { detail: event.detail } : {}) },
        ...(event.bytes ? { bytes: event.bytes, format: event.format ?? "ethernet" } : {}),
      };
    }
    case "arp-resolution": {
      const why = NEIGH_WHY[event.state];
      const mac = event.mac !== null ? ` at ${event.mac}` : "";
      const from = event.previousState ? `${event.previousState} → ` : "";
      return {
        ...base(event, "arp", `${host}: neighbour ${event.ip} on ${event.device}${mac} ${from}${event.state}${why ? ` (${why})` : ""}`),
        ...deviceRef(world, event.namespace, event.device),
      };
    }
    case "route-decision":
      return base(event, "ip", routeWords(host, event));
    case "icmp-generated":
      return base(event, "icmp", event.rateLimited
        ? `${host} would send ICMP ${event.description} to ${event.to}, but the ICMP rate limit holds it back`
        : `${host} sends ICMP ${event.description} to ${event.to}`);
    case "process-output":
      return base(event, "process", `${host} ${event.command}: ${event.text}`);
    case "netfilter-traversal":
      return netfilterWords(event, new Names(world));
    case "conntrack":
      return base(event, tupleProtocol(event.original.protocol), `${host}: conntrack ${event.change.toUpperCase()} ${tupleWords(event.original)} (${event.detail})`);
    case "nat-rewrite": {
      const which = event.manip === "source" ? "source" : "destination";
      const [before, after] = event.manip === "source" ? [endWords(event.before.src, event.before.srcPort), endWords(event.after.src, event.after.srcPort)] : [endWords(event.before.dst, event.before.dstPort), endWords(event.after.dst, event.after.dstPort)];
      return {
        ...base(event, tupleProtocol(event.before.protocol), `${host} rewrites the ${which} at ${event.hook}: ${before} → ${after}${event.icmpError ? " (and inside the ICMP error)" : ""}`),
        bytes: event.bytes,
        format: "ipv4",
      };
    }
    case "socket":
      return base(event, event.protocol, socketWords(host, event));
    default:
      return unknownEvent(event);
  }
}

/** "h1: TCP 10.0.0.1:40000 → 10.0.0.2:80 SYN_SENT → ESTABLISHED (SYN-ACK received)". */
function socketWords(host: string, event: TraceEventOf<"socket">): string {
  const ends = event.remote === null ? event.local : `${event.local} → ${event.remote}`;
  const name = event.protocol.toUpperCase();
  if (event.change === "state") return `${host}: ${name} ${ends} ${event.previousState ?? "?"} → ${event.state ?? "?"} (${event.detail})`;
  if (event.change === "error") return `${host}: ${name} ${ends} fails with ${event.error ?? "?"} (${event.detail})`;
  return `${host}: ${name} ${ends}: ${event.detail}`;
}

function netfilterWords(event: TraceEventOf<"netfilter-traversal">, names: Names): EventWords {
  const facts = frameFacts(event.bytes, "ipv4", names);
  const decided = event.rule === null ? "policy" : `rule ${event.rule}`;
  const text = `${hostOfNetns(event.namespace)}: ${event.chain} chain (${event.table} table): ${decided} ${event.verdict} — ${facts.what}`;
  return {
    ...base(event, facts.protocol, text),
    ...(event.verdict === "DROP" ? { drop: { reason: "NETFILTER_DROP" as const, words: DROP_WORDS.NETFILTER_DROP } } : {}),
    bytes: event.bytes,
    format: "ipv4",
  };
}

function tupleProtocol(protocol: number): ProtocolTag {
  return protocol === IpProtocol.ICMP ? "icmp" : protocol === IpProtocol.TCP ? "tcp" : protocol === IpProtocol.UDP ? "udp" : "ip";
}

function endWords(address: string, port: number | undefined): string {
  return port === undefined ? address : `${address}:${port}`;
}

function tupleWords(t: { protocol: number; src: string; dst: string; srcPort?: number; dstPort?: number }): string {
  const name = t.protocol === IpProtocol.ICMP ? "icmp" : t.protocol === IpProtocol.TCP ? "tcp" : t.protocol === IpProtocol.UDP ? "udp" : `proto ${t.protocol}`;
  return `${name} ${endWords(t.src, t.srcPort)} → ${endWords(t.dst, t.dstPort)}`;
}

/** A kind added to core/trace.ts that has no words yet: say so rather than drop it from the log. */
function unknownEvent(event: never): EventWords {
  const e = event as TraceEvent;
  return base(e, "ip", `${hostOfNetns(e.namespace)}: ${e.kind}`);
}
