/**
 * A bridge's forwarding database (net/bridge/br_fdb.c): which port each
 * source MAC was last seen on. Learned entries age out after
 * `ageing_time` (BR_DEFAULT_AGEING_TIME, 300 s; IEEE 802.1D-2004 §7.9.2
 * recommends 300 s); the bridge's and its ports' own addresses are permanent
 * "local" entries that mean "deliver to this host".
 */
import type { Clock, Duration, SimTime } from "../core";
import { seconds } from "../core";
import type { MacAddress } from "../wire";
import type { NetDevice } from "./device";

export const DEFAULT_AGEING_TIME: Duration = seconds(300);

export interface FdbEntry {
  readonly mac: MacAddress;
  readonly port: NetDevice;
  /** When the address was last seen as a source on `port`. */
  readonly updated: SimTime;
}

export class Fdb {
  readonly #entries = new Map<MacAddress, FdbEntry>();

  constructor(
    private readonly clock: Clock,
    public ageingTime: Duration = DEFAULT_AGEING_TIME,
  ) {}

  /** br_fdb_update: remember that `mac` is reachable through `port`, refreshing its age. */
  learn(mac: MacAddress, port: NetDevice): void {
    this.#entries.set(mac, { mac, port, updated: this.clock.now() });
  }

  /** The port for `mac`, unless unknown or aged out (an aged entry is forgotten, as the GC would). */
  lookup(mac: MacAddress): NetDevice | undefined {
    const entry = this.#entries.get(mac);
    if (!entry) return undefined;
    if (this.#expired(entry)) {
      this.#entries.delete(mac);
      return undefined;
    }
    return entry.port;
  }

  /** Forget everything learned on `port` (it left the bridge or went down: br_fdb_delete_by_port). */
  flushPort(port: NetDevice): void {
    for (const [mac, entry] of this.#entries) if (entry.port === port) this.#entries.delete(mac);
  }

  /** Learned entries still alive, in learning order. */
  entries(): FdbEntry[] {
    return [...this.#entries.values()].filter((e) => !this.#expired(e));
  }

  #expired(entry: FdbEntry): boolean {
    return this.clock.now() - entry.updated > this.ageingTime;
  }
}
