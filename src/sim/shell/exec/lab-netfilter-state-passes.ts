/**
 * Which way a packet went through one host's netfilter hooks, read back
 * from the trace: the netfilter view lights that path.
 *
 * The trace has no packet ids, but inside one namespace a packet keeps its
 * IPv4 identification and its addresses (until NAT rewrites them, which the
 * trace reports), and it meets the hooks in the kernel's order
 * (netfilter/hooks.ts):
 *
 *   received ─► PREROUTING ─► route ─┬─► INPUT (local delivery)
 *                                    └─► FORWARD ─► POSTROUTING ─► sent
 *   route ─► OUTPUT ─► POSTROUTING ─► sent          (a packet this host sends)
 *
 * So each event of the host that concerns an IPv4 packet — a frame received
 * or sent on one of its own devices (bridge ports pass frames on without
 * iptables), a routing decision, a table traversal, a NAT rewrite, a drop —
 * joins the latest open pass of the same packet that has not gone past that
 * point, or starts a new one. A hook with no table in use emits nothing:
 * the path through it is implied by what came after (a packet sent after
 * a forwarding decision went through FORWARD and POSTROUTING).
 */
import type { FlowTuple, TraceEvent, TraceEventOf, TraceLog } from "../../core";
import { flowTuple, tupleOf, type Hook } from "../../netfilter";
import { packetInfo } from "../../netfilter/packet-info";
import { EtherType, IpProtocol, parseEthernet } from "../../wire";
import type { World } from "../../world";
import { hostOfNetns, netnsOfHost } from "../../world/topology";
import { icmpTypeName } from "../commands/iptables/icmp-types";
import type {
  NetfilterPass, NetfilterPassOutcome, NetfilterPassRewrite, NetfilterPassRoute, NetfilterPassTraversal,
} from "./lab-netfilter-state-types";

/** Where a packet is on its way through the host. */
type Stage = "received" | "route-out" | Hook | "route-in" | "sent" | "dropped";

/** Order along the path: a pass only moves forward (INPUT and FORWARD are the two branches after routing). */
const RANK: Readonly<Record<Stage, number>> = {
  "received": 0, "route-out": 0, PREROUTING: 1, OUTPUT: 1, "route-in": 2, INPUT: 3, FORWARD: 3, POSTROUTING: 4, sent: 5, dropped: 6,
};

/** The hooks on each way through, in order. */
const PATHS = {
  local: ["OUTPUT", "POSTROUTING"],
  forward: ["PREROUTING", "FORWARD", "POSTROUTING"],
  deliver: ["PREROUTING", "INPUT"],
} as const satisfies Record<string, readonly Hook[]>;

/** What one event says about a packet, when it concerns one. */
interface Sighting {
  readonly stage: Stage;
  /** The packet as the event shows it (absent for a routing decision and a NAT rewrite). */
  readonly packet?: { readonly id: number; readonly flow: FlowTuple };
}

function flowKey(flow: FlowTuple): string {
  return `${flow.protocol}|${flow.src}|${flow.srcPort ?? ""}|${flow.dst}|${flow.dstPort ?? ""}|${flow.icmpType ?? ""}|${flow.icmpCode ?? ""}|${flow.icmpId ?? ""}`;
}

function ipv4Packet(bytes: Uint8Array): Sighting["packet"] {
  const info = packetInfo(bytes);
  const tuple = info && tupleOf(info);
  return info && tuple ? { id: info.id, flow: flowTuple(tuple) } : undefined;
}

function framePacket(bytes: Uint8Array): Sighting["packet"] {
  const frame = parseEthernet(bytes);
  return frame.ok && frame.value.ethertype === EtherType.IPV4 ? ipv4Packet(frame.value.payload) : undefined;
}

function endWords(address: string, port: number | undefined): string {
  return port === undefined ? address : `${address}:${port}`;
}

/** "icmp echo-request 10.0.0.1 → 10.0.1.2", "udp 10.0.0.1:40000 → 10.0.1.2:53". */
export function flowSummary(flow: FlowTuple): string {
  if (flow.protocol === IpProtocol.ICMP) {
    const type = flow.icmpType ?? 0;
    const code = flow.icmpCode ?? 0;
    const name = icmpTypeName(type, code, code) ?? icmpTypeName(type, 0, 0xff) ?? `type ${type}`;
    return `icmp ${name} ${flow.src} → ${flow.dst}`;
  }
  const name = flow.protocol === IpProtocol.TCP ? "tcp" : flow.protocol === IpProtocol.UDP ? "udp" : `protocol ${flow.protocol}`;
  return `${name} ${endWords(flow.src, flow.srcPort)} → ${endWords(flow.dst, flow.dstPort)}`;
}

function routeOf(event: TraceEventOf<"route-decision">): NetfilterPassRoute {
  const routable = event.route !== null && (event.type === "unicast" || event.type === "local" || event.type === "broadcast");
  const decision = !routable ? "none" : event.purpose === "output" ? "output" : event.type === "unicast" ? "forward" : "local";
  return { event: event.seq, purpose: event.purpose, decision, route: event.route };
}

/** One packet's pass, built event by event; `accept` says whether an event belongs to it. */
class PassBuilder {
  origin: "in" | "local";
  stage: Stage;
  id: number | null = null;
  first: FlowTuple | null = null;
  /** The packet's tuple now (NAT changes it on the way). */
  flow: FlowTuple | null = null;
  /** Before the packet itself is seen: the addresses its routing decision named. */
  expected: { readonly src?: string; readonly dst: string } | null = null;
  readonly hooks: Hook[] = [];
  readonly traversals: NetfilterPassTraversal[] = [];
  readonly rewrites: NetfilterPassRewrite[] = [];
  route: NetfilterPassRoute | null = null;
  outcome: NetfilterPassOutcome = { kind: "travelling" };
  readonly events: number[] = [];

  constructor(origin: "in" | "local", stage: Stage) {
    this.origin = origin;
    this.stage = stage;
  }

  get finished(): boolean {
    return this.stage === "sent" || this.stage === "dropped";
  }

  /** Can the pass be at `stage` next (never backwards, never across the other branch)? */
  #reaches(stage: Stage): boolean {
    if (this.finished) return false;
    if (stage === "dropped") return true;
    if (RANK[stage] < RANK[this.stage]) return false;
    if (stage === "route-out") return this.origin === "local" && (this.stage === "route-out" || this.stage === "OUTPUT");
    if (this.origin === "local") return stage === "OUTPUT" || stage === "POSTROUTING" || stage === "sent";
    if (stage === "OUTPUT" || stage === "received") return false;
    const local = this.stage === "INPUT" || this.route?.decision === "local";
    if (stage === "INPUT") return !this.hooks.includes("FORWARD") && this.route?.decision !== "forward";
    if (stage === "FORWARD" || stage === "POSTROUTING" || stage === "sent") return !local && this.route?.decision !== "none";
    return true;
  }

  /** Before the packet was seen: does `flow` go where its routing decision said? */
  #expects(flow: FlowTuple): boolean {
    const expected = this.expected;
    return expected !== null && expected.dst === flow.dst && (expected.src === undefined || expected.src === flow.src);
  }

  #samePacket(packet: NonNullable<Sighting["packet"]>): boolean {
    if (this.flow !== null) return (this.id === null || this.id === packet.id) && flowKey(this.flow) === flowKey(packet.flow);
    return this.#expects(packet.flow);
  }

  /** Takes `event` if it is the next thing that happens to this packet. */
  accept(event: TraceEvent, sighting: Sighting): boolean {
    if (!this.#reaches(sighting.stage)) return false;
    if (event.kind === "nat-rewrite") {
      if (this.flow === null ? !this.#expects(event.before) : flowKey(this.flow) !== flowKey(event.before)) return false;
    } else if (event.kind === "route-decision") {
      const current = this.flow ?? this.expected;
      if (current !== null && (current.dst !== event.destination || (event.source !== undefined && current.src !== undefined && current.src !== event.source))) return false;
    } else if (sighting.packet !== undefined) {
      if (!this.#samePacket(sighting.packet)) return false;
    } else {
      return false;
    }
    this.#take(event, sighting);
    return true;
  }

  /** Starts the pass with its first event (`accept` for everything after). */
  start(event: TraceEvent, sighting: Sighting): void {
    this.#take(event, sighting);
  }

  #take(event: TraceEvent, sighting: Sighting): void {
    this.events.push(event.seq);
    if (sighting.packet) {
      this.id ??= sighting.packet.id;
      this.first ??= sighting.packet.flow;
      this.flow ??= sighting.packet.flow;
    }
    this.stage = sighting.stage;
    switch (event.kind) {
      case "route-decision":
        this.route = routeOf(event);
        if (this.flow === null) this.expected = { dst: event.destination, ...(event.source !== undefined ? { src: event.source } : {}) };
        if (this.route.decision === "local") {
          this.#reach("INPUT");
          this.outcome = { kind: "delivered" };
        } else if (this.origin === "in") {
          this.#reach("PREROUTING");
        }
        break;
      case "netfilter-traversal":
        this.#reach(event.hook);
        this.traversals.push({ event: event.seq, hook: event.hook, table: event.table, chain: event.chain, rule: event.rule, verdict: event.verdict, hits: event.hits });
        break;
      case "nat-rewrite":
        this.#reach(event.hook);
        this.rewrites.push({ event: event.seq, hook: event.hook, manip: event.manip, before: event.before, after: event.after });
        this.first ??= event.before;
        this.flow = event.after;
        break;
      case "frame-sent":
        for (const hook of this.#path()) this.#reach(hook);
        this.outcome = { kind: "sent", device: event.device };
        break;
      case "frame-dropped":
        if (event.netfilter) this.#reach(event.netfilter.hook);
        this.outcome = {
          kind: "dropped", event: event.seq, reason: event.reason,
          ...(event.netfilter ? { hook: event.netfilter.hook, table: event.netfilter.table, chain: event.netfilter.chain, rule: event.netfilter.rule } : {}),
        };
        break;
      default:
        break;
    }
  }

  #path(): readonly Hook[] {
    if (this.origin === "local") return PATHS.local;
    return this.route?.decision === "local" || this.hooks.includes("INPUT") ? PATHS.deliver : PATHS.forward;
  }

  /** Lights `hook` and every hook before it on this packet's way (a hook with no table in use leaves no event). */
  #reach(hook: Hook): void {
    const path: readonly Hook[] = this.origin === "local" ? PATHS.local : hook === "INPUT" ? PATHS.deliver : hook === "PREROUTING" ? ["PREROUTING"] : PATHS.forward;
    for (const step of path) {
      if (!this.hooks.includes(step)) this.hooks.push(step);
      if (step === hook) break;
    }
  }

  record(host: string): NetfilterPass | null {
    if (this.first === null || this.id === null) return null;
    return {
      host, origin: this.origin, packet: this.first, ipId: this.id, summary: flowSummary(this.first),
      hooks: [...this.hooks], traversals: [...this.traversals], rewrites: [...this.rewrites], route: this.route, outcome: this.outcome,
      events: [...this.events],
    };
  }
}

/** Where a pass may begin: arriving from a device, or leaving this host's own stack. */
function originOf(stage: Stage): "in" | "local" | null {
  if (stage === "received" || stage === "PREROUTING" || stage === "route-in") return "in";
  if (stage === "route-out" || stage === "OUTPUT") return "local";
  return null;
}

/** Passes kept open at once (packets in flight through one host). */
const OPEN_PASSES = 16;

/** The passes of one host, built incrementally as the trace grows. */
class HostPasses {
  counted = 0;
  readonly passes: PassBuilder[] = [];
  readonly #open: PassBuilder[] = [];
  /** Events that joined a pass, in order, and the pass each joined. */
  readonly joined: { readonly event: number; readonly pass: number }[] = [];

  constructor(
    readonly netns: string,
    private readonly world: World,
  ) {}

  advance(trace: TraceLog): void {
    for (; this.counted < trace.length; this.counted++) {
      const event = trace.at(this.counted);
      if (event?.namespace !== this.netns) continue;
      const sighting = this.#sighting(event);
      if (sighting) this.#place(event, sighting);
    }
  }

  #place(event: TraceEvent, sighting: Sighting): void {
    for (let i = this.#open.length - 1; i >= 0; i--) {
      const pass = this.#open[i]!;
      if (!pass.accept(event, sighting)) continue;
      this.joined.push({ event: event.seq, pass: this.passes.indexOf(pass) });
      if (pass.finished) this.#open.splice(i, 1);
      return;
    }
    const origin = originOf(sighting.stage);
    if (origin === null) return;
    const pass = new PassBuilder(origin, sighting.stage);
    pass.start(event, sighting);
    this.passes.push(pass);
    this.joined.push({ event: event.seq, pass: this.passes.length - 1 });
    this.#open.push(pass);
    if (this.#open.length > OPEN_PASSES) this.#open.shift();
  }

  /** A bridge port passes frames on without the host's IP stack (br_netfilter is not modelled). */
  #isBridgePort(device: string): boolean {
    return this.world.namespace(this.netns)?.device(device)?.master != null;
  }

  /** Pass `index` as it was right after event `at`: its events up to there, built again. */
  recordUpTo(index: number, at: number): NetfilterPass | null {
    const full = this.passes[index]!;
    const builder = new PassBuilder(full.origin, "received");
    let started = false;
    for (const seq of full.events) {
      if (seq > at) break;
      const event = this.world.trace.at(seq);
      const sighting = event && this.#sighting(event);
      if (!event || !sighting) continue;
      if (started) builder.accept(event, sighting);
      else builder.start(event, sighting);
      started = true;
    }
    return builder.record(hostOfNetns(this.netns));
  }

  #sighting(event: TraceEvent): Sighting | null {
    switch (event.kind) {
      case "frame-received":
      case "frame-sent": {
        if (this.#isBridgePort(event.device)) return null;
        const packet = framePacket(event.bytes);
        return packet ? { stage: event.kind === "frame-received" ? "received" : "sent", packet } : null;
      }
      case "route-decision":
        return { stage: event.purpose === "output" ? "route-out" : "route-in" };
      case "netfilter-traversal": {
        const packet = ipv4Packet(event.bytes);
        return packet ? { stage: event.hook, packet } : null;
      }
      case "nat-rewrite":
        return { stage: event.hook };
      case "frame-dropped": {
        if (!event.bytes) return null;
        const packet = (event.format ?? "ethernet") === "ipv4" ? ipv4Packet(event.bytes) : framePacket(event.bytes);
        return packet ? { stage: "dropped", packet } : null;
      }
      default:
        return null;
    }
  }
}

const trackers = new WeakMap<World, Map<string, HostPasses>>();

function hostPasses(world: World, host: string): HostPasses {
  let byHost = trackers.get(world);
  if (!byHost) {
    byHost = new Map();
    trackers.set(world, byHost);
  }
  let passes = byHost.get(host);
  if (!passes) {
    passes = new HostPasses(netnsOfHost(host), world);
    byHost.set(host, passes);
  }
  passes.advance(world.trace);
  return passes;
}

/**
 * The pass of the latest packet `host`'s netfilter path saw at or before
 * trace event `at`, as far as it had gone then; null when no packet had
 * reached the host yet.
 */
export function netfilterPassAt(world: World, host: string, at: number): NetfilterPass | null {
  const passes = hostPasses(world, host);
  let low = 0;
  let high = passes.joined.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (passes.joined[mid]!.event <= at) low = mid + 1;
    else high = mid;
  }
  const tried = new Set<number>();
  for (let i = low - 1; i >= 0; i--) {
    const { pass } = passes.joined[i]!;
    if (tried.has(pass)) continue;
    tried.add(pass);
    const record = passes.recordUpTo(pass, at);
    if (record) return record;
  }
  return null;
}
