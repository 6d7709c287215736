/**
 * The typed events the simulator emits as it works — what the views draw and
 * the packet inspector decodes. Every event says when it happened (`time`),
 * its place in the log (`seq`, also its index) and which lab-script step was
 * running (`step`).
 *
 * Addresses are carried as display strings ("10.0.0.1", "02:00:00:00:0a:01"):
 * core sits below the address and wire layers, and strings cross the worker
 * boundary unchanged. Packet events carry their bytes, so the inspector can
 * decode them layer by layer and diff them hop to hop; the bytes are a copy
 * taken at the moment of the event, never a buffer later code mutates.
 */
import type { SimTime } from "./clock";
import type { DropReason } from "./drop-reason";

/** What the first byte of `bytes` is: a whole Ethernet frame, or a bare IPv4 packet (before or after the link layer). */
export type BytesFormat = "ethernet" | "ipv4";

export interface TraceStamp {
  /** Index of this event in its TraceLog, from 0; strictly increasing. */
  readonly seq: number;
  readonly time: SimTime;
  /** The lab-script step (command) running when this happened; 0 before the first. */
  readonly step: number;
}

/** A frame handed to a device for transmission (where `tcpdump -i DEV` would see it outgoing). */
export interface FrameSent {
  readonly kind: "frame-sent";
  readonly namespace: string;
  readonly device: string;
  readonly bytes: Uint8Array;
}

/** A frame arriving on a device (where `tcpdump -i DEV` would see it incoming). */
export interface FrameReceived {
  readonly kind: "frame-received";
  readonly namespace: string;
  readonly device: string;
  readonly bytes: Uint8Array;
}

/** A frame or packet the stack threw away, with the kernel's reason. */
export interface FrameDropped {
  readonly kind: "frame-dropped";
  readonly namespace: string;
  /** The device involved, when there is one. */
  readonly device?: string;
  /** The code path that dropped it, e.g. "ip_forward", "arp_rcv", "udp_rcv". */
  readonly where: string;
  readonly reason: DropReason;
  /** A sentence for the student: "TTL 1 would reach 0 when forwarded". */
  readonly detail?: string;
  readonly bytes?: Uint8Array;
  readonly format?: BytesFormat;
  /** For NETFILTER_DROP: the rule (or chain policy) whose verdict dropped it. */
  readonly netfilter?: NetfilterRuleRef;
}

/** Netfilter hooks (NF_INET_*), by the names iptables gives their built-in chains. */
export type NetfilterHookName = "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING";

/** Where a netfilter verdict was decided: a rule by its 1-based number as `iptables -L --line-numbers` shows it, or the chain policy (rule null). */
export interface NetfilterRuleRef {
  readonly hook: NetfilterHookName;
  readonly table: string;
  readonly chain: string;
  readonly rule: number | null;
}

/** One rule that matched on the way through a table: its chain, number and target ("LOG", "jump:mychain", "ACCEPT"…). */
export interface NetfilterRuleHit {
  readonly chain: string;
  readonly rule: number;
  readonly target: string;
}

/**
 * A packet went through one table at one hook (ipt_do_table): every rule
 * that matched on the way, and where the verdict came from.
 */
export interface NetfilterTraversal {
  readonly kind: "netfilter-traversal";
  readonly namespace: string;
  readonly hook: NetfilterHookName;
  readonly table: string;
  /** The chain and rule (null: the built-in chain's policy) that decided. */
  readonly chain: string;
  readonly rule: number | null;
  readonly verdict: "ACCEPT" | "DROP" | "STOLEN";
  readonly hits: readonly NetfilterRuleHit[];
  /** The IPv4 packet as it entered the table. */
  readonly bytes: Uint8Array;
}

/** A connection-tracking tuple as `conntrack -L` prints one direction (ICMP: id/type/code instead of ports). */
export interface FlowTuple {
  readonly protocol: number;
  readonly src: string;
  readonly dst: string;
  readonly srcPort?: number;
  readonly dstPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
  readonly icmpId?: number;
}

/** A conntrack entry was created (confirmed), changed state, or went away — what `conntrack -E` reports as NEW / UPDATE / DESTROY. */
export interface ConntrackChange {
  readonly kind: "conntrack";
  readonly namespace: string;
  readonly change: "new" | "update" | "destroy";
  readonly original: FlowTuple;
  readonly reply: FlowTuple;
  /** TCP state (SYN_SENT, ESTABLISHED…) when TCP. */
  readonly tcpState?: string;
  /** Status flags as conntrack prints them: UNREPLIED, ASSURED. */
  readonly flags: readonly string[];
  /** Why: "confirmed", "reply seen", "assured", "state SYN_RECV", "timeout", "flush", "tcp reset". */
  readonly detail: string;
}

/** NAT rewrote a packet's addresses/ports (nf_nat_manip_pkt). */
export interface NatRewrite {
  readonly kind: "nat-rewrite";
  readonly namespace: string;
  readonly hook: NetfilterHookName;
  /** Which end changed: the source (SNAT, MASQUERADE, un-DNAT of a reply) or the destination. */
  readonly manip: "source" | "destination";
  readonly before: FlowTuple;
  readonly after: FlowTuple;
  /** True when the packet is an ICMP error whose quoted header was translated too. */
  readonly icmpError: boolean;
  /** The packet after the rewrite. */
  readonly bytes: Uint8Array;
}

/** Neighbour (NUD) states as `ip neigh` prints them. */
export type NeighbourState = "INCOMPLETE" | "REACHABLE" | "STALE" | "DELAY" | "PROBE" | "FAILED" | "NOARP" | "PERMANENT";

/** A neighbour-table entry changed state: an ARP lookup started, succeeded, went stale or failed. */
export interface ArpResolution {
  readonly kind: "arp-resolution";
  readonly namespace: string;
  readonly device: string;
  readonly ip: string;
  /** The link-layer address learned, null while INCOMPLETE or once FAILED. */
  readonly mac: string | null;
  readonly state: NeighbourState;
  readonly previousState: NeighbourState | null;
}

/** Route types as `ip route` names them (rtm_type). */
export type RouteType = "unicast" | "local" | "broadcast" | "multicast" | "blackhole" | "unreachable" | "prohibit" | "throw";

/** The FIB lookup for one packet and what it found. */
export interface RouteDecision {
  readonly kind: "route-decision";
  readonly namespace: string;
  /** Why the lookup ran: a packet we send, one we received for us, or one we forward. */
  readonly purpose: "output" | "input" | "forward";
  readonly destination: string;
  readonly source?: string;
  /** The matched route as `ip route show` prints it, e.g. "10.0.1.0/24 via 10.0.0.254 dev eth0"; null when none matched. */
  readonly route: string | null;
  readonly type: RouteType | null;
  readonly table: string;
  readonly device?: string;
  readonly gateway?: string;
}

/** The stack decided to send an ICMP error or reply (or was stopped by the rate limit). */
export interface IcmpGenerated {
  readonly kind: "icmp-generated";
  readonly namespace: string;
  readonly icmpType: number;
  readonly code: number;
  /** As tcpdump words it, e.g. "time exceeded in-transit", "10.0.1.2 udp port 9 unreachable". */
  readonly description: string;
  /** Where the ICMP message goes. */
  readonly to: string;
  /** True if icmp_ratelimit suppressed it: decided, but never sent. */
  readonly rateLimited: boolean;
}

/** A program wrote to its terminal. */
export interface ProcessOutput {
  readonly kind: "process-output";
  readonly namespace: string;
  readonly pid: number;
  readonly command: string;
  readonly stream: "stdout" | "stderr";
  readonly text: string;
}

/**
 * A socket changed: a TCP connection moved to another state (RFC 9293
 * §3.3.2), data was queued for the program that owns the socket, or the
 * socket got an error it will report (SO_ERROR: "Connection refused").
 */
export interface SocketActivity {
  readonly kind: "socket";
  readonly namespace: string;
  readonly protocol: "tcp" | "udp";
  /** The local end, "10.0.0.2:80". */
  readonly local: string;
  /** The remote end, "10.0.0.1:45678"; null for a listening or unconnected socket. */
  readonly remote: string | null;
  readonly change: "state" | "delivered" | "error";
  /** TCP: the state after the change (kernel names: SYN_SENT, ESTABLISHED, TIME_WAIT…). */
  readonly state?: string;
  readonly previousState?: string;
  /** For "delivered": how many bytes reached the socket (not `bytes`: that name carries packet contents in other events). */
  readonly byteCount?: number;
  /** For "error": the errno's name (ECONNREFUSED, ETIMEDOUT…). */
  readonly error?: string;
  /** A sentence for the student: "SYN-ACK received", "no reply after 7 SYNs". */
  readonly detail: string;
}

/** An event as emitted, before the log stamps it. */
export type TraceEventBody =
  | FrameSent | FrameReceived | FrameDropped | ArpResolution | RouteDecision | IcmpGenerated | ProcessOutput
  | NetfilterTraversal | ConntrackChange | NatRewrite | SocketActivity;

export type TraceEvent = TraceEventBody & TraceStamp;

export type TraceEventKind = TraceEventBody["kind"];

/** The event type for one kind, e.g. `TraceEventOf<"frame-sent">`. */
export type TraceEventOf<K extends TraceEventKind> = Extract<TraceEventBody, { kind: K }> & TraceStamp;

export function isTraceEventOf<K extends TraceEventKind>(event: TraceEvent, kind: K): event is TraceEventOf<K> {
  return event.kind === kind;
}
