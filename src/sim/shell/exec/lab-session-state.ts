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

function fdb(ns: NetNamespace, now: number): FdbRow[] {
  const rows: FdbRow[] = [];
  for (const dev of ns.devices) {
    if (!(dev instanceof BridgeDevice)) continue;
    for (const entry of dev.fdb.entries()) {
      rows.push({ bridge: dev.name, mac: entry.mac, port: entry.port.name, ageMs: Math.floor((now - entry.updated) / 1000) });
    }
  }
  return rows;
}

function forwarding(ns: NetNamespace): boolean {
  const value = ns.sysctl.get("net.ipv4.ip_forward");
  return value.ok && value.value.trim() === "1";
}

/** Per-interface frame counts of events [0, count) of `events`. */
export class TraceCounters {
  readonly #counters = new Map<string, { rxPackets: number; rxBytes: number; txPackets: number; txBytes: number; dropped: number }>();
  #counted = 0;
  /** Neighbour-state changes counted (arp-resolution events): the neighbour table changes only with one, or by a command. */
  neighbourChanges = 0;
  #frames = 0;
  readonly #byHost = new Map<string, { frames: number; counters: Record<string, InterfaceCounters> }>();

  /** Count events up to `count` (events already counted are skipped: call with growing counts). */
  advance(count: number, eventAt: (seq: number) => TraceEvent | undefined): void {
    for (; this.#counted < count; this.#counted++) {
      const event = eventAt(this.#counted);
      if (event?.kind === "arp-resolution") this.neighbourChanges++;
      if (!event || !("device" in event) || event.device === undefined) continue;
      if (event.kind !== "frame-sent" && event.kind !== "frame-received" && event.kind !== "frame-dropped") continue;
      const id = interfaceId(event.namespace, event.device);
      const c = this.#counters.get(id) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0, dropped: 0 };
      if (event.kind === "frame-sent") {
        c.txPackets++;
        c.txBytes += event.bytes.length;
      } else if (event.kind === "frame-received") {
        c.rxPackets++;
        c.rxBytes += event.bytes.length;
      } else {
        c.dropped++;
      }
      this.#frames++;
      this.#counters.set(id, c);
    }
  }

  get counted(): number {
    return this.#counted;
  }

  /** The counts of `host`'s interfaces, by interface id. */
  forHost(host: string): Record<string, InterfaceCounters> {
    const kept = this.#byHost.get(host);
    if (kept?.frames === this.#frames) return kept.counters;
    const prefix = `if:${host}/`;
    const counters: Record<string, InterfaceCounters> = {};
    for (const [id, c] of [...this.#counters].sort(([a], [b]) => (a < b ? -1 : 1))) if (id.startsWith(prefix)) counters[id] = { ...c };
    this.#byHost.set(host, { frames: this.#frames, counters });
    return counters;
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
      hosts: namespaces.map((ns): HostTables => ({
        host: hostOfNetns(ns.name),
        forwarding: parts.forwarding.get(ns.name) ?? forwarding(ns),
        routes: parts.routes.get(ns.name) ?? ipLines(world, ns.name, ["route", "show"]),
        ...(neighbourParts.get(ns.name) ?? { neighbourLines: ipLines(world, ns.name, ["neigh", "show"]), neighbours: neighbours(ns) }),
        fdb: fdb(ns, world.now()),
        counters: this.counters.forHost(hostOfNetns(ns.name)),
        netfilter: netfilterSnapshot(ns.netfilter),
      })),
    };
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
