/**
 * A TCP socket as a program holds it (socket(AF_INET, SOCK_STREAM)): bind,
 * listen, connect, accept, send, receive, shutdown, close — each returning
 * what the system call would, errors as errno names.
 *
 * connect() is non-blocking, as nc uses it: it fails at once only when
 * there is no route (ENETUNREACH…) or no free port (EADDRNOTAVAIL);
 * otherwise the SYN goes out, and the program waits (`onChange`) until
 * `state` is ESTABLISHED or `takeError()` says why not (ECONNREFUSED after
 * an RST, ETIMEDOUT after the SYN retries, EHOSTUNREACH… after an ICMP
 * error). Reading gives what arrived; `atEof` turns true once the peer's
 * FIN came and everything before it was read.
 *
 * Port choice: bind(addr, 0) and a listen() before any bind take a free port
 * preferring odd numbers, connect() on an unbound socket one preferring
 * even numbers (ephemeral-port.ts). A port is shared only as the kernel
 * allows (tcp-table.ts bindConflict): nc sets SO_REUSEADDR and SO_REUSEPORT
 * on a listening socket, so two `nc -l -p 80` both listen; without them the
 * second bind() fails with EADDRINUSE.
 */
import type { Ipv4Address } from "../../addr";
import { err, ok, type Result } from "../../core";
import type { NetNamespace } from "../namespace";
import { routeOutput } from "../route-output";
import { localPortRange, pickEphemeralPort } from "./ephemeral-port";
import type { SocketErrno } from "./socket-errno";
import { TcpConnection, type SocketOwner } from "./tcp-connection";
import { TcpListener } from "./tcp-listener";
import type { PortHolder } from "./tcp-table";
import type { TcpState } from "./tcp-state";

/** What a socket is after socket()/bind(): nothing yet, a listener, or one connection. */
type Role = { readonly kind: "unbound" } | { readonly kind: "bound" } | { readonly kind: "listening"; readonly listener: TcpListener } | { readonly kind: "connection"; readonly conn: TcpConnection } | { readonly kind: "closed" };

export class TcpSocket implements PortHolder {
  /** SO_REUSEADDR. */
  reuseAddress = false;
  /** SO_REUSEPORT. */
  reusePort = false;
  localAddress = 0 as Ipv4Address;
  localPort = 0;
  #role: Role = { kind: "unbound" };

  constructor(readonly ns: NetNamespace, public owner?: SocketOwner) {}

  /** Wrap a connection accept() returned. */
  static accepted(ns: NetNamespace, conn: TcpConnection, owner?: SocketOwner): TcpSocket {
    const socket = new TcpSocket(ns, owner);
    socket.localAddress = conn.local.address;
    socket.localPort = conn.local.port;
    socket.#role = { kind: "connection", conn };
    if (owner) conn.owner = owner;
    return socket;
  }

  get listening(): boolean {
    return this.#role.kind === "listening";
  }

  /** CLOSED before connect/listen and after close; LISTEN; or the connection's state. */
  get state(): TcpState {
    switch (this.#role.kind) {
      case "listening":
        return "LISTEN";
      case "connection":
        return this.#role.conn.state;
      default:
        return "CLOSED";
    }
  }

  /** The connection behind a connected or accepted socket. */
  get connection(): TcpConnection | undefined {
    return this.#role.kind === "connection" ? this.#role.conn : undefined;
  }

  get remote(): { readonly address: Ipv4Address; readonly port: number } | undefined {
    return this.connection?.remote;
  }

  /** bind(): EADDRNOTAVAIL for an address that is not ours, EADDRINUSE for a port held as tcp-table.ts says, EINVAL if bound already. */
  bind(address: Ipv4Address = 0 as Ipv4Address, port = 0): Result<void, SocketErrno> {
    if (this.#role.kind !== "unbound") return err("EINVAL");
    if (address !== 0 && !this.ns.isLocalAddress(address)) return err("EADDRNOTAVAIL");
    const table = this.ns.sockets.tcp;
    const candidate = { localAddress: address, reuseAddress: this.reuseAddress, reusePort: this.reusePort };
    const chosen = port !== 0 ? port : pickEphemeralPort(this.#range(), table.rng, "odd", (p) => !table.bindConflict(candidate, p));
    if (chosen === undefined) return err("EADDRINUSE");
    if (port !== 0 && table.bindConflict(candidate, port)) return err("EADDRINUSE");
    this.localAddress = address;
    this.localPort = chosen;
    this.#role = { kind: "bound" };
    table.holdPort(this);
    return ok(undefined);
  }

  /** listen(): an unbound socket first gets a port (inet_autobind). */
  listen(backlog: number): Result<void, SocketErrno> {
    if (this.#role.kind === "listening") return ok(undefined);
    if (this.#role.kind === "unbound") {
      const bound = this.bind();
      if (!bound.ok) return bound;
    }
    if (this.#role.kind !== "bound") return err("EINVAL");
    const table = this.ns.sockets.tcp;
    const max = Math.max(0, Math.min(backlog, this.ns.sysctl.int("net.core.somaxconn")));
    const listener = new TcpListener(this.ns, table, this.localAddress, this.localPort, this.reuseAddress, this.reusePort, max);
    if (this.owner) listener.owner = this.owner;
    table.releasePort(this);
    table.addListener(listener);
    this.#role = { kind: "listening", listener };
    return ok(undefined);
  }

  /**
   * connect(): pick the source address (the route's, unless bound) and port,
   * send the SYN. ENETUNREACH/EHOSTUNREACH/EACCES/EINVAL when there is no
   * route; EISCONN or EALREADY when connected or connecting.
   */
  connect(address: Ipv4Address, port: number): Result<void, SocketErrno> {
    if (this.#role.kind === "connection") return err(this.#role.conn.state === "SYN_SENT" ? "EALREADY" : "EISCONN");
    if (this.#role.kind === "listening" || this.#role.kind === "closed") return err("EINVAL");
    const route = routeOutput(this.ns, { dst: address, ...(this.localAddress !== 0 ? { src: this.localAddress } : {}) });
    if (!route.ok) return err(route.error);
    const table = this.ns.sockets.tcp;
    const localAddress = this.localAddress !== 0 ? this.localAddress : route.value.src;
    const remote = { address, port };
    let localPort = this.localPort;
    if (localPort === 0) {
      const chosen = pickEphemeralPort(this.#range(), table.rng, "even", (p) => table.connectPortFree({ address: localAddress, port: p }, remote));
      if (chosen === undefined) return err("EADDRNOTAVAIL");
      localPort = chosen;
    } else if (table.findConnection({ address: localAddress, port: localPort }, remote)) {
      return err("EADDRNOTAVAIL");
    }
    const conn: TcpConnection = new TcpConnection(
      { ns: this.ns, forget: (c) => table.removeConnection(c) },
      { local: { address: localAddress, port: localPort }, remote, reuseAddress: this.reuseAddress, reusePort: this.reusePort, mtu: route.value.dev.mtu },
    );
    if (this.owner) conn.owner = this.owner;
    table.releasePort(this);
    this.localAddress = localAddress;
    this.localPort = localPort;
    this.#role = { kind: "connection", conn };
    table.addConnection(conn);
    conn.openActive();
    return ok(undefined);
  }

  /** accept(): the next completed connection as a new socket (owned by `owner`, for ss -p), or undefined when none waits. */
  accept(owner?: SocketOwner): TcpSocket | undefined {
    if (this.#role.kind !== "listening") return undefined;
    const conn = this.#role.listener.accept();
    return conn ? TcpSocket.accepted(this.ns, conn, owner) : undefined;
  }

  /** Connections waiting for accept() (a listener's ss Recv-Q). */
  get pendingConnections(): number {
    return this.#role.kind === "listening" ? this.#role.listener.queued : 0;
  }

  /** write(): bytes taken (all of them: the send buffer is not limited here), or EPIPE, ENOTCONN, a pending error. */
  send(data: Uint8Array): Result<number, SocketErrno> {
    if (this.#role.kind !== "connection") return err(this.#role.kind === "closed" ? "EPIPE" : "ENOTCONN");
    const sent = this.#role.conn.send(data);
    return typeof sent === "number" ? ok(sent) : err(sent);
  }

  /** read(): what has arrived since the last read (possibly nothing). */
  receive(): Uint8Array {
    return this.#role.kind === "connection" ? this.#role.conn.read() : new Uint8Array(0);
  }

  /** The peer closed its side and everything it sent has been read: read() returns 0. */
  get atEof(): boolean {
    const conn = this.connection;
    return conn !== undefined && conn.peerClosed && conn.unread === 0;
  }

  /** The connection was reset or failed and nothing more will come (read() would return 0 or an error). */
  get finished(): boolean {
    return this.connection?.state === "CLOSED";
  }

  /** Bytes waiting to be read. */
  get readable(): number {
    return this.connection?.unread ?? 0;
  }

  /** getsockopt(SO_ERROR): the pending error, cleared by reading it. */
  takeError(): SocketErrno | undefined {
    return this.connection?.takeError();
  }

  /** shutdown(SHUT_WR): send our FIN after what is queued. */
  shutdownWrite(): void {
    this.connection?.shutdownWrite();
  }

  /** close(): a listener stops (queued connections are reset); a connection closes as tcp-connection.ts says. */
  close(): void {
    const role = this.#role;
    this.#role = { kind: "closed" };
    if (role.kind === "bound") this.ns.sockets.tcp.releasePort(this);
    else if (role.kind === "listening") role.listener.close();
    else if (role.kind === "connection") role.conn.close();
  }

  /** Be told when anything a program may wait for happens (a connection completes, data or a FIN arrives, an error). */
  onChange(callback: () => void): () => void {
    if (this.#role.kind === "listening") return this.#role.listener.watch(callback);
    if (this.#role.kind === "connection") return this.#role.conn.watch(callback);
    return () => {};
  }

  #range(): [number, number] {
    const text = this.ns.sysctl.get("net.ipv4.ip_local_port_range");
    return localPortRange(text.ok ? text.value : "32768 60999");
  }
}

/** socket(AF_INET, SOCK_STREAM, 0) in `ns`. */
export function openTcpSocket(ns: NetNamespace, owner?: SocketOwner): TcpSocket {
  return new TcpSocket(ns, owner);
}
