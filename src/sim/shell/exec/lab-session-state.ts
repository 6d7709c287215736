/**
 * What the lab shows of the machine at one moment: the topology and, per
 * namespace, its tables — routes and neighbours exactly as `ip route` and
 * `ip neigh` print them (the same runners the terminal uses, so the panel
 * and the terminal can never disagree), the neighbour entries and learned
 * bridge FDB entries as rows, ip_forward, and per-interface frame counts
 * taken from the trace.
 */
import type { TraceEvent } from "../../core";
import { BridgeDevice } from "../../link";
import type { NetNamespace } from "../../stack";
import type { World } from "../../world";
import { hostOfNetns, interfaceId, topologyOf, type Topology } from "../../world/topology";
import { isNetnsExec, runIp } from "../commands/run";
import { formatIpv4 } from "../../addr";
import { netfilterSnapshot } from "./lab-netfilter-state";
import type { ConfigWatch } from "./lab-session-config-watch";
import type { FdbRow, HostTables, InterfaceCounters, LabState, NeighbourRow } from "./lab-session-types";

/** stdout of `ip ARGS` run in `netns`, as lines (no trailing empty line). */
function ipLines(world: World, netns: string, args: readonly string[]): string[] {
  const outcome = runIp(args, { world, netns });
  if (isNetnsExec(outcome)) return [];
  return outcome.stdout.split("\n").filter((line) => line !== "");
}

function neighbours(ns: NetNamespace): NeighbourRow[] {
  return ns.neigh.visible().map((e) => ({ ip: formatIpv4(e.ip), dev: e.dev.name, mac: e.mac, state: e.state }));
}

/** No bridge, no learned entries: one array for every such namespace and moment. */
const NO_FDB: readonly FdbRow[] = Object.freeze([]);

function fdb(ns: NetNamespace, now: number): readonly FdbRow[] {
  const rows: FdbRow[] = [];
  for (const dev of ns.devices) {
    if (!(dev instanceof BridgeDevice)) continue;
    for (const entry of dev.fdb.entries()) {
      rows.push({ bridge: dev.name, mac: entry.mac, port: entry.port.name, ageMs: Math.floor((now - entry.updated) / 1000) });
    }
  }
  return rows.length === 0 ? NO_FDB : rows;
}

function forwarding(ns: NetNamespace): boolean {
  const value = ns.sysctl.get("net.ipv4.ip_forward");
  return value.ok && value.value.trim() === "1";
}

/** InterfaceCounters as they are being counted. */
type Counts = { -readonly [K in keyof InterfaceCounters]: InterfaceCounters[K] };

/** One host's interface counts, and the record last handed out (kept while none of them changed). */
interface HostCounts {
  readonly byInterface: Map<string, Counts>;
  changes: number;
  shown: { readonly changes: number; readonly record: Record<string, InterfaceCounters> } | null;
}

/**
 * Per-interface frame counts of events [0, count) of `events`, grouped by
 * host: a state is taken at every event of a replayed action, and only the
 * hosts a frame touched since the last one have their record made again.
 */
export class TraceCounters {
  readonly #hosts = new Map<string, HostCounts>();
  #counted = 0;
  /** Neighbour-state changes counted (arp-resolution events): the neighbour table changes only with one, or by a command. */
  neighbourChanges = 0;

  /** Count events up to `count` (events already counted are skipped: call with growing counts). */
  advance(count: number, eventAt: (seq: number) => TraceEvent | undefined): void {
    for (; this.#counted < count; this.#counted++) {
      const event = eventAt(this.#counted);
      if (event?.kind === "arp-resolution") this.neighbourChanges++;
      if (!event || !("device" in event) || event.device === undefined) continue;
      if (event.kind !== "frame-sent" && event.kind !== "frame-received" && event.kind !== "frame-dropped") continue;
      const host = this.#host(hostOfNetns(event.namespace));
      const id = interfaceId(event.namespace, event.device);
      let c = host.byInterface.get(id);
      if (!c) host.byInterface.set(id, (c = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0, dropped: 0 }));
      if (event.kind === "frame-sent") {
        c.txPackets++;
        c.txBytes += event.bytes.length;
      } else if (event.kind === "frame-received") {
        c.rxPackets++;
        c.rxBytes += event.bytes.length;
      } else {
        c.dropped++;
      }
      host.changes++;
    }
  }

  get counted(): number {
    return this.#counted;
  }

  /** The counts of `host`'s interfaces, by interface id (in id order); the same object while they have not changed. */
  forHost(host: string): Record<string, InterfaceCounters> {
    const counts = this.#host(host);
    if (counts.shown?.changes === counts.changes) return counts.shown.record;
    const record: Record<string, InterfaceCounters> = {};
    for (const [id, c] of [...counts.byInterface].sort(([a], [b]) => (a < b ? -1 : 1))) record[id] = { ...c };
    counts.shown = { changes: counts.changes, record };
    return record;
  }

  #host(host: string): HostCounts {
    let counts = this.#hosts.get(host);
    if (!counts) this.#hosts.set(host, (counts = { byInterface: new Map(), changes: 0, shown: null }));
    return counts;
  }
}

/** The parts of a state that only a command can change (see lab-session-config-watch.ts). */
interface ConfigParts {
  readonly topology: Topology;
  readonly routes: ReadonlyMap<string, readonly string[]>;
  readonly forwarding: ReadonlyMap<string, boolean>;
}

function configParts(world: World, namespaces: readonly NetNamespace[]): ConfigParts {
  return {
    topology: topologyOf(world),
    routes: new Map(namespaces.map((ns) => [ns.name, ipLines(world, ns.name, ["route", "show"])])),
    forwarding: new Map(namespaces.map((ns) => [ns.name, forwarding(ns)])),
  };
}

/**
 * Takes states of one world, again and again (at every event of a replayed
 * action): with a ConfigWatch, the topology and routes of the previous state
 * are reused — the same objects — while no command has run since.
 */
export class StateSnapshots {
  #last: { readonly version: number; readonly parts: ConfigParts } | null = null;
  #neighbours: { readonly key: string; readonly byNetns: ReadonlyMap<string, Pick<HostTables, "neighbourLines" | "neighbours">> } | null = null;
  /** Each host's tables in the last state taken. */
  readonly #hosts = new Map<string, HostTables>();

  constructor(
    private readonly world: World,
    private readonly counters: TraceCounters,
    private readonly watch?: ConfigWatch,
  ) {}

  /** The state now; `event` is the last event included (null: between events). */
  take(event: number | null): LabState {
    const world = this.world;
    const namespaces = [world.root, ...world.netnsList().map((name) => world.namespace(name)!)];
    const parts = this.#configParts(namespaces);
    const neighbourParts = this.#neighbourParts(namespaces);
    return {
      time: world.now(),
      event,
      eventCount: event === null ? world.trace.length : event + 1,
      topology: parts.topology,
      hosts: namespaces.map((ns) =>
        this.#sameAsBefore({
          host: hostOfNetns(ns.name),
          forwarding: parts.forwarding.get(ns.name) ?? forwarding(ns),
          routes: parts.routes.get(ns.name) ?? ipLines(world, ns.name, ["route", "show"]),
          ...(neighbourParts.get(ns.name) ?? { neighbourLines: ipLines(world, ns.name, ["neigh", "show"]), neighbours: neighbours(ns) }),
          fdb: fdb(ns, world.now()),
          counters: this.counters.forHost(hostOfNetns(ns.name)),
          netfilter: netfilterSnapshot(ns.netfilter),
        }),
      ),
    };
  }

  /**
   * `tables`, or the host's tables of the last state when every part is the same object (or value):
   * most events touch one or two hosts, so thousands of states share the others' tables. The parts
   * are compared one by one (a generic loop over the keys made a replay about a third slower).
   */
  #sameAsBefore(tables: HostTables): HostTables {
    const before = this.#hosts.get(tables.host);
    const same =
      before !== undefined &&
      before.forwarding === tables.forwarding &&
      before.routes === tables.routes &&
      before.neighbourLines === tables.neighbourLines &&
      before.neighbours === tables.neighbours &&
      before.fdb === tables.fdb &&
      before.counters === tables.counters &&
      before.netfilter === tables.netfilter;
    if (same) return before;
    this.#hosts.set(tables.host, tables);
    return tables;
  }

  /** Neighbour tables change with an arp-resolution event or a command: reused while neither happened. */
  #neighbourParts(namespaces: readonly NetNamespace[]): ReadonlyMap<string, Pick<HostTables, "neighbourLines" | "neighbours">> {
    const watch = this.watch;
    const key = watch && !watch.working ? `${watch.version}/${this.counters.neighbourChanges}/${namespaces.length}` : null;
    if (key !== null && this.#neighbours?.key === key) return this.#neighbours.byNetns;
    const byNetns = new Map(namespaces.map((ns) => [ns.name, { neighbourLines: ipLines(this.world, ns.name, ["neigh", "show"]), neighbours: neighbours(ns) }]));
    this.#neighbours = key === null ? null : { key, byNetns };
    return byNetns;
  }

  #configParts(namespaces: readonly NetNamespace[]): ConfigParts {
    const watch = this.watch;
    if (watch && !watch.working && this.#last?.version === watch.version) return this.#last.parts;
    const parts = configParts(this.world, namespaces);
    this.#last = watch && !watch.working ? { version: watch.version, parts } : null;
    return parts;
  }
}

/** What `followStates` hands back: the state now, and the end of the following. */
export interface FollowedStates {
  /** The state between events, as of now (the last event counted). */
  now(): LabState;
  stop(): void;
}

/**
 * Takes a state at every event `world` emits from now on and gives it to
 * `each` (how time travel replays an action): one TraceCounters and one
 * StateSnapshots, so the states share what `watch` says cannot have changed.
 */
export function followStates(world: World, watch: ConfigWatch | undefined, each: (event: number, state: LabState) => void): FollowedStates {
  const eventAt = (seq: number): TraceEvent | undefined => world.trace.at(seq);
  const counters = new TraceCounters();
  counters.advance(world.trace.length, eventAt);
  const snapshots = new StateSnapshots(world, counters, watch);
  const stop = world.trace.subscribe((event) => {
    counters.advance(event.seq + 1, eventAt);
    each(event.seq, snapshots.take(event.seq));
  });
  return {
    now() {
      counters.advance(world.trace.length, eventAt);
      return snapshots.take(null);
    },
    stop,
  };
}
