/**
 * The IPv4 neighbour (ARP) table and its NUD state machine, after
 * net/core/neighbour.c (neigh_timer_handler, __neigh_event_send,
 * neigh_update) with the default neigh_parms:
 *
 *   INCOMPLETE  broadcast a request now and each retrans_time (1 s); after
 *               mcast_solicit (3) unanswered → FAILED (3 s), and every
 *               packet waiting on it gets "host unreachable".
 *   REACHABLE   confirmed by a reply; after reachable_time (random in
 *               [base/2, 3·base/2) = 15–45 s) → DELAY if used in the last
 *               delay_first_probe_time (5 s), else STALE.
 *   STALE       usable; the next packet sent moves it to DELAY.
 *   DELAY       after 5 s → REACHABLE if confirmed meanwhile, else PROBE.
 *   PROBE       unicast requests each second; ucast_solicit (3) unanswered → FAILED.
 *
 * Linux draws reachable_time per device every 300 s; the model draws it
 * each time an entry becomes REACHABLE — the same range.
 */
import { formatIpv4, type Ipv4Address } from "../addr";
import { millis, seconds, type EventQueue, type Rng, type SimTime, type TimerHandle, type TraceLog, type NeighbourState } from "../core";
import { err, ok, type Result } from "../core";
import { kernelError, type KernelError, type NetDevice } from "../link";
import type { MacAddress } from "../wire";
import type { Sysctl } from "./sysctl";

/** A packet waiting for its neighbour: the IPv4 bytes, and what to do if resolution fails. */
export interface PendingPacket {
  readonly packet: Uint8Array;
  readonly onFailure: () => void;
}

export interface NeighbourEntry {
  readonly dev: NetDevice;
  readonly ip: Ipv4Address;
  mac: MacAddress | null;
  /** "NONE" only between creation and the first transition (NUD_NONE). */
  state: NeighbourState | "NONE";
  /** Solicitations sent in this INCOMPLETE/PROBE episode (INCOMPLETE starts at ucast_solicit, as the kernel does). */
  probes: number;
  confirmed: SimTime;
  updated: SimTime;
  used: SimTime;
  reachableTime: number;
  timer: TimerHandle | null;
  queue: PendingPacket[];
  /** The router flag `ip neigh` shows; not modelled beyond storage. */
  readonly admin: boolean;
}

/** What the table asks of the ARP layer. */
export interface NeighbourIo {
  /** Send an ARP request for `entry`; to `unicastTo` in PROBE, else broadcast. `queued` is the first waiting packet (for the source address). */
  solicit(entry: NeighbourEntry, unicastTo: MacAddress | null, queued: Uint8Array | undefined): void;
  /** Resolution succeeded: send what waited. */
  flush(entry: NeighbourEntry, packets: PendingPacket[]): void;
}

const NUD_VALID: readonly NeighbourState[] = ["PERMANENT", "NOARP", "REACHABLE", "STALE", "DELAY", "PROBE"];

export function isValidState(state: NeighbourState | "NONE"): boolean {
  return state !== "NONE" && NUD_VALID.includes(state);
}

export class NeighbourTable {
  readonly #entries = new Map<string, NeighbourEntry>();

  constructor(
    private readonly namespace: () => string,
    private readonly queue: EventQueue,
    private readonly trace: TraceLog,
    private readonly rng: Rng,
    private readonly sysctl: Sysctl,
    private readonly io: NeighbourIo,
  ) {}

  get(dev: NetDevice, ip: Ipv4Address): NeighbourEntry | undefined {
    return this.#entries.get(key(dev, ip));
  }

  entries(): NeighbourEntry[] {
    return [...this.#entries.values()];
  }

  /**
   * neigh_output for one packet: send now through `transmit` if the entry is
   * usable (a STALE one starts DELAY), otherwise queue it and resolve.
   */
  output(dev: NetDevice, ip: Ipv4Address, pending: PendingPacket, transmit: (mac: MacAddress) => void): void {
    const entry = this.#entries.get(key(dev, ip)) ?? this.#create(dev, ip);
    const now = this.queue.now();
    entry.used = now;
    if (isValidState(entry.state) && entry.mac !== null) {
      if (entry.state === "STALE") {
        this.#setState(entry, "DELAY");
        this.#arm(entry, now + seconds(this.#param(entry, "delay_first_probe_time")));
      }
      transmit(entry.mac);
      return;
    }
    this.#enqueue(entry, pending);
    if (entry.state === "INCOMPLETE") return;
    // NONE or FAILED: start a new resolution (__neigh_event_send).
    entry.probes = this.#param(entry, "ucast_solicit");
    entry.updated = now;
    this.#setState(entry, "INCOMPLETE");
    this.#arm(entry, now + this.#retrans(entry));
    this.#probe(entry);
  }

  /**
   * neigh_update from a received ARP packet: a reply for us confirms (→ REACHABLE);
   * anything else is hearsay (→ STALE, keeping a valid state if the MAC is unchanged).
   * `create` is true only for a request addressed to us (neigh_event_ns).
   */
  learn(dev: NetDevice, ip: Ipv4Address, mac: MacAddress, confirmed: boolean, create: boolean): void {
    let entry = this.#entries.get(key(dev, ip));
    if (!entry) {
      if (!create) return;
      entry = this.#create(dev, ip);
    }
    if (entry.state === "PERMANENT" || entry.state === "NOARP") return;
    const wasValid = isValidState(entry.state);
    let next: NeighbourState = confirmed ? "REACHABLE" : "STALE";
    if (wasValid && entry.mac === mac && next === "STALE" && entry.state !== "NONE") next = entry.state;
    entry.mac = mac;
    const now = this.queue.now();
    entry.updated = now;
    if (next === "REACHABLE") {
      entry.confirmed = now;
      entry.reachableTime = this.#randomReachableTime(entry);
    }
    if (next !== entry.state) {
      this.#cancel(entry);
      this.#setState(entry, next);
      if (next === "REACHABLE") this.#arm(entry, now + entry.reachableTime);
    }
    if (!wasValid && entry.queue.length > 0) {
      const waiting = entry.queue;
      entry.queue = [];
      this.io.flush(entry, waiting);
    }
  }

  /** Entries as `ip neigh show` lists them (NUD_NONE ones are never shown). */
  visible(): NeighbourEntry[] {
    return this.entries().filter((e) => e.state !== "NONE");
  }

  /** `ip neigh add` (mode "add": EEXIST if present) or `replace`: an administrative entry. */
  set(dev: NetDevice, ip: Ipv4Address, mac: MacAddress | null, state: NeighbourState, mode: "add" | "replace"): Result<void, KernelError> {
    const existing = this.#entries.get(key(dev, ip));
    if (existing && mode === "add") return err(kernelError("EEXIST"));
    if (mac === null && state !== "NOARP") return err(kernelError("EINVAL", "No link layer address given"));
    const entry = existing ?? this.#create(dev, ip, true);
    this.#cancel(entry);
    entry.mac = mac;
    const now = this.queue.now();
    entry.updated = now;
    if (state === "REACHABLE" || state === "PERMANENT" || state === "NOARP") entry.confirmed = now;
    this.#setState(entry, state);
    if (state === "REACHABLE") {
      entry.reachableTime = this.#randomReachableTime(entry);
      this.#arm(entry, now + entry.reachableTime);
    }
    if (isValidState(state) && entry.queue.length > 0) {
      const waiting = entry.queue;
      entry.queue = [];
      this.io.flush(entry, waiting);
    }
    return ok(undefined);
  }

  /** `ip neigh del`: ENOENT when there is no such entry. */
  delete(dev: NetDevice, ip: Ipv4Address): Result<void, KernelError> {
    const entry = this.#entries.get(key(dev, ip));
    if (!entry) return err(kernelError("ENOENT"));
    this.#remove(entry);
    return ok(undefined);
  }

  /** Remove entries of `dev` (all of them, or those `filter` picks) — `ip neigh flush`, a device going down. */
  flush(filter: (entry: NeighbourEntry) => boolean): NeighbourEntry[] {
    const gone = [...this.#entries.values()].filter(filter);
    for (const entry of gone) this.#remove(entry);
    return gone;
  }

  #remove(entry: NeighbourEntry): void {
    this.#cancel(entry);
    this.#entries.delete(key(entry.dev, entry.ip));
  }

  #create(dev: NetDevice, ip: Ipv4Address, admin = false): NeighbourEntry {
    const now = this.queue.now();
    const entry: NeighbourEntry = {
      dev, ip, mac: null, state: "NONE", probes: 0,
      // neigh_alloc: "confirmed" starts long ago, so a new entry is never taken as recently confirmed.
      confirmed: now - 2 * millis(this.#param2(dev, "base_reachable_time_ms")),
      updated: now, used: now, reachableTime: 0, timer: null, queue: [], admin,
    };
    this.#entries.set(key(dev, ip), entry);
    return entry;
  }

  #enqueue(entry: NeighbourEntry, pending: PendingPacket): void {
    entry.queue.push(pending);
    const limit = this.#param(entry, "unres_qlen");
    while (entry.queue.length > limit) {
      const dropped = entry.queue.shift()!;
      this.trace.emit({
        kind: "frame-dropped", namespace: this.namespace(), device: entry.dev.name, where: "__neigh_event_send",
        reason: "NEIGH_QUEUEFULL", detail: `more than ${limit} packets waiting for ${formatIpv4(entry.ip)}`,
        bytes: dropped.packet.slice(), format: "ipv4",
      });
    }
  }

  /** neigh_timer_handler. */
  #onTimer(entry: NeighbourEntry): void {
    entry.timer = null;
    const now = this.queue.now();
    const delayProbe = seconds(this.#param(entry, "delay_first_probe_time"));
    let next: SimTime | null = null;
    switch (entry.state) {
      case "REACHABLE":
        if (now <= entry.confirmed + entry.reachableTime) next = entry.confirmed + entry.reachableTime;
        else if (now <= entry.used + delayProbe) {
          this.#setState(entry, "DELAY");
          next = now + delayProbe;
        } else this.#setState(entry, "STALE");
        entry.updated = now;
        break;
      case "DELAY":
        if (now <= entry.confirmed + delayProbe) {
          this.#setState(entry, "REACHABLE");
          next = entry.confirmed + entry.reachableTime;
        } else {
          entry.probes = 0;
          this.#setState(entry, "PROBE");
          next = now + this.#retrans(entry);
        }
        entry.updated = now;
        break;
      case "INCOMPLETE":
      case "PROBE":
        next = now + this.#retrans(entry);
        break;
      default:
        return;
    }
    if ((entry.state === "INCOMPLETE" || entry.state === "PROBE") && entry.probes >= this.#maxProbes(entry)) {
      this.#fail(entry);
      return;
    }
    // neigh_timer_handler never re-arms less than HZ/100 ahead: a deadline that is
    // now (confirmed + reachable_time == now) would otherwise fire forever.
    if (next !== null) this.#arm(entry, Math.max(next, now + millis(10)) as SimTime);
    if (entry.state === "INCOMPLETE" || entry.state === "PROBE") this.#probe(entry);
  }

  /** neigh_invalidate: FAILED, and each waiting packet's sender is told (arp_error_report → host unreachable). */
  #fail(entry: NeighbourEntry): void {
    this.#setState(entry, "FAILED");
    entry.mac = null;
    const waiting = entry.queue;
    entry.queue = [];
    for (const pending of waiting) {
      this.trace.emit({
        kind: "frame-dropped", namespace: this.namespace(), device: entry.dev.name, where: "neigh_invalidate",
        reason: "NEIGH_FAILED", detail: `no ARP reply from ${formatIpv4(entry.ip)}`, bytes: pending.packet.slice(), format: "ipv4",
      });
      pending.onFailure();
    }
  }

  /** neigh_probe → arp_solicit: the first ucast_solicit probes of a PROBE go to the known MAC, the rest broadcast. */
  #probe(entry: NeighbourEntry): void {
    const unicast = entry.probes < this.#param(entry, "ucast_solicit") && entry.mac !== null;
    entry.probes++;
    this.io.solicit(entry, unicast ? entry.mac : null, entry.queue[0]?.packet);
  }

  #maxProbes(entry: NeighbourEntry): number {
    const base = this.#param(entry, "ucast_solicit") + this.#param(entry, "app_solicit");
    return base + (entry.state === "PROBE" ? this.#param(entry, "mcast_resolicit") : this.#param(entry, "mcast_solicit"));
  }

  #setState(entry: NeighbourEntry, state: NeighbourState): void {
    const previous = entry.state;
    entry.state = state;
    this.trace.emit({
      kind: "arp-resolution", namespace: this.namespace(), device: entry.dev.name, ip: formatIpv4(entry.ip),
      mac: isValidState(state) ? entry.mac : null, state, previousState: previous === state || previous === "NONE" ? null : previous,
    });
  }

  #arm(entry: NeighbourEntry, at: SimTime): void {
    this.#cancel(entry);
    entry.timer = this.queue.schedule({ at }, () => this.#onTimer(entry), `neigh ${entry.dev.name} ${formatIpv4(entry.ip)}`);
  }

  #cancel(entry: NeighbourEntry): void {
    entry.timer?.cancel();
    entry.timer = null;
  }

  #retrans(entry: NeighbourEntry): number {
    return millis(Math.max(this.#param(entry, "retrans_time_ms"), 10));
  }

  #randomReachableTime(entry: NeighbourEntry): number {
    // neigh_rand_reach_time(): uniform in [base/2, 3·base/2).
    const base = millis(this.#param(entry, "base_reachable_time_ms"));
    return base / 2 + this.rng.intBetween(0, base - 1);
  }

  #param(entry: NeighbourEntry, name: string): number {
    return this.#param2(entry.dev, name);
  }

  #param2(dev: NetDevice, name: string): number {
    return this.sysctl.neigh(dev.name, name);
  }
}

function key(dev: NetDevice, ip: Ipv4Address): string {
  return `${dev.ifindex}|${ip}`;
}
