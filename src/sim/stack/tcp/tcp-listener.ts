/**
 * A listening socket (RFC 9293 §3.10.7.2, "If the state is LISTEN") with
 * Linux's two queues (net/ipv4/inet_connection_sock.c): connections still
 * in their handshake (SYN_RECV, the request queue) and completed ones
 * waiting for accept() (the accept queue). listen(fd, backlog) caps the
 * accept queue at min(backlog, net.core.somaxconn); the kernel refuses new
 * SYNs only once it holds *more* than that (sk_acceptq_is_full uses ">"),
 * so `listen(fd, 1)` — what nc does — lets two connections wait. A refused
 * SYN is dropped without an answer: the client retransmits it.
 */
import type { Ipv4Address } from "../../addr";
import { TcpFlag, type TcpRepr } from "../../wire";
import { drop } from "../ip-input";
import type { NetNamespace } from "../namespace";
import { TcpConnection, type SocketOwner } from "./tcp-connection";
import { sendReset } from "./tcp-reset";
import type { ListenerEntry, TcpEndpoint, TcpTable } from "./tcp-table";

export class TcpListener implements ListenerEntry {
  readonly listening = true;
  readonly #accepting: TcpConnection[] = [];
  readonly #handshaking = new Set<TcpConnection>();
  readonly #watchers = new Set<() => void>();
  owner?: SocketOwner;

  constructor(
    readonly ns: NetNamespace,
    private readonly table: TcpTable<TcpConnection, TcpListener>,
    readonly localAddress: Ipv4Address,
    readonly localPort: number,
    readonly reuseAddress: boolean,
    readonly reusePort: boolean,
    /** sk_max_ack_backlog: min(backlog, somaxconn). */
    readonly backlog: number,
  ) {}

  /** Completed connections waiting for accept() (ss "Recv-Q" of a listener). */
  get queued(): number {
    return this.#accepting.length;
  }

  watch(callback: () => void): () => void {
    this.#watchers.add(callback);
    return () => this.#watchers.delete(callback);
  }

  /** A segment for our port that matches no connection (tcp_v4_rcv → tcp_rcv_state_process in LISTEN). */
  segmentArrives(packet: Uint8Array, seg: TcpRepr, local: TcpEndpoint, remote: TcpEndpoint, mtu: number): void {
    if (seg.flags & TcpFlag.RST) return;
    if (seg.flags & TcpFlag.ACK) {
      // An ACK for a handshake we do not know (RFC 9293: <SEQ=SEG.ACK><CTL=RST>).
      sendReset(this.ns, local, remote, seg);
      return;
    }
    if (!(seg.flags & TcpFlag.SYN)) return;
    if (this.#accepting.length > this.backlog) {
      drop(this.ns, undefined, "tcp_conn_request", "NOT_SPECIFIED", packet, `accept queue of ${local.port} full (backlog ${this.backlog})`, "ipv4");
      return;
    }
    const child: TcpConnection = new TcpConnection(
      {
        ns: this.ns,
        forget: (c) => this.#forget(c),
        established: (c) => this.#established(c),
      },
      { local, remote, reuseAddress: this.reuseAddress, reusePort: this.reusePort, mtu },
    );
    this.#handshaking.add(child);
    this.table.addConnection(child);
    child.openPassive(seg);
  }

  /** accept(): the oldest completed connection. */
  accept(): TcpConnection | undefined {
    return this.#accepting.shift();
  }

  /** close() of the listening socket: handshakes are dropped, unaccepted connections reset (inet_csk_listen_stop). */
  close(): void {
    this.table.removeListener(this);
    this.#watchers.clear();
    for (const child of [...this.#handshaking]) child.reset();
    for (const child of this.#accepting.splice(0)) child.reset();
  }

  #established(child: TcpConnection): void {
    this.#handshaking.delete(child);
    this.#accepting.push(child);
    for (const watcher of [...this.#watchers]) watcher();
  }

  #forget(child: TcpConnection): void {
    this.#handshaking.delete(child);
    const at = this.#accepting.indexOf(child);
    if (at >= 0) this.#accepting.splice(at, 1);
    this.table.removeConnection(child);
  }
}
