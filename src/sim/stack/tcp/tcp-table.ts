/**
 * The TCP sockets of one namespace, as the kernel's hash tables keep them
 * (include/net/inet_hashtables.h): connections by their four-tuple (the
 * established hash, which also holds SYN_RECV and TIME_WAIT entries),
 * listeners by port, and every socket that holds a local port (the bind
 * hash) for bind() and connect() to check against.
 *
 * Lookup for an arriving segment follows __inet_lookup: an exact
 * four-tuple first, then the best listener — one bound to the destination
 * address beats a wildcard one (compute_score); among listeners sharing a
 * port with SO_REUSEPORT one is picked by a hash of the four-tuple
 * (reuseport_select_sock), here a fixed hash so a run replays.
 */
import { formatIpv4, type Ipv4Address } from "../../addr";
import { fmix32, type Rng } from "../../core";

export interface TcpEndpoint {
  readonly address: Ipv4Address;
  readonly port: number;
}

export function endpointText(e: TcpEndpoint): string {
  return `${formatIpv4(e.address)}:${e.port}`;
}

/** Something that holds a local port: a bound or listening socket, or a connection (TIME_WAIT included). */
export interface PortHolder {
  readonly localAddress: Ipv4Address;
  readonly localPort: number;
  readonly reuseAddress: boolean;
  readonly reusePort: boolean;
  readonly listening: boolean;
}

/** A listener as the table sees it. */
export interface ListenerEntry extends PortHolder {
  readonly listening: true;
}

/** A connection as the table sees it. */
export interface ConnectionEntry extends PortHolder {
  readonly local: TcpEndpoint;
  readonly remote: TcpEndpoint;
}

function key(local: TcpEndpoint, remote: TcpEndpoint): string {
  return `${local.address}:${local.port}>${remote.address}:${remote.port}`;
}

export class TcpTable<C extends ConnectionEntry = ConnectionEntry, L extends ListenerEntry = ListenerEntry> {
  readonly #connections = new Map<string, C>();
  readonly #listeners: L[] = [];
  readonly #bound = new Set<PortHolder>();

  /** The namespace's TCP randomness — ISNs, timestamp offsets, IP IDs, ephemeral ports — a fork of its own, so TCP never shifts the numbers ping or UDP draw. */
  constructor(readonly rng: Rng) {}

  /** Connections in the order they were made (ss lists the established hash after the listeners). */
  connections(): C[] {
    return [...this.#connections.values()];
  }

  listeners(): L[] {
    return [...this.#listeners];
  }

  findConnection(local: TcpEndpoint, remote: TcpEndpoint): C | undefined {
    return this.#connections.get(key(local, remote));
  }

  addConnection(conn: C): void {
    this.#connections.set(key(conn.local, conn.remote), conn);
  }

  removeConnection(conn: C): void {
    if (this.#connections.get(key(conn.local, conn.remote)) === conn) this.#connections.delete(key(conn.local, conn.remote));
  }

  addListener(listener: L): void {
    this.#listeners.push(listener);
  }

  removeListener(listener: L): void {
    const at = this.#listeners.indexOf(listener);
    if (at >= 0) this.#listeners.splice(at, 1);
  }

  /** A bound socket that is neither listening nor connected yet still holds its port. */
  holdPort(holder: PortHolder): void {
    this.#bound.add(holder);
  }

  releasePort(holder: PortHolder): void {
    this.#bound.delete(holder);
  }

  /** The listener an arriving segment for `dst` goes to, if any. */
  findListener(dst: TcpEndpoint, src: TcpEndpoint): L | undefined {
    const candidates = this.#listeners.filter((l) => l.localPort === dst.port && (l.localAddress === dst.address || l.localAddress === 0));
    const exact = candidates.filter((l) => l.localAddress === dst.address);
    const group = exact.length > 0 ? exact : candidates;
    if (group.length <= 1) return group[0];
    return group[fmix32(src.address ^ (src.port << 16) ^ dst.port) % group.length];
  }

  /**
   * inet_csk_bind_conflict: would binding `address:port` clash with a socket
   * already holding the port? Not if both set SO_REUSEADDR and the other is
   * not listening, nor if both set SO_REUSEPORT (same user: every program here
   * runs as root), nor if their addresses differ and neither is the wildcard.
   */
  bindConflict(candidate: Omit<PortHolder, "localPort" | "listening">, port: number, except?: PortHolder): boolean {
    return this.#holders(port).some((other) => {
      if (other === except) return false;
      if (other.localAddress !== 0 && candidate.localAddress !== 0 && other.localAddress !== candidate.localAddress) return false;
      if (candidate.reuseAddress && other.reuseAddress && !other.listening) return false;
      if (candidate.reusePort && other.reusePort) return false;
      return true;
    });
  }

  /** __inet_hash_connect's check: no bound socket owns the port, and the four-tuple is new. */
  connectPortFree(local: TcpEndpoint, remote: TcpEndpoint): boolean {
    if ([...this.#bound, ...this.#listeners].some((h) => h.localPort === local.port)) return false;
    return !this.#connections.has(key(local, remote));
  }

  #holders(port: number): PortHolder[] {
    return [...this.#bound, ...this.#listeners, ...this.#connections.values()].filter((h) => h.localPort === port);
  }
}
