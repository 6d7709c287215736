/**
 * The minimal sockets `ping` and `traceroute` need.
 *
 * PingSocket — an ICMP socket as iputils ping uses it (raw, or the
 * SOCK_DGRAM "ping socket"): sends echo requests with a chosen identifier,
 * sequence, TTL and payload, optionally bound to a device (`-I dev`,
 * SO_BINDTODEVICE) or a source address (`-I addr`, bind()); receives the
 * echo replies carrying its identifier, and the ICMP errors whose quoted
 * datagram is one of its requests (what ping prints as "From X icmp_seq=N
 * Destination Host Unreachable").
 *
 * UdpSocket — bound to a port (ephemeral from ip_local_port_range if not
 * given); receives datagrams, and ICMP errors about datagrams it sent (as
 * IP_RECVERR delivers them to traceroute). A datagram to a port nobody holds
 * gets "port unreachable" (RFC 1122 §3.2.2.1; __udp4_lib_rcv). connect()
 * fixes the peer (datagrams from anyone else are not for it) and the local
 * address; a hard ICMP error about a datagram it sent — port unreachable —
 * becomes its pending error, ECONNREFUSED on the next send or receive
 * (__udp4_lib_err), which is how `nc -u` learns that nobody listens.
 *
 * TCP sockets live in tcp/ (`ns.sockets.tcp`).
 */
import { formatIpv4, type Ipv4Address } from "../addr";
import { err, ok, type Result, type SimTime } from "../core";
import { kernelError, type Errno, type KernelError, type NetDevice } from "../link";
import {
  IcmpType, IpProtocol, UnreachableCode, describeIcmpForTcpdump, emitIcmp, emitUdp, parseIpv4Header, parseUdp,
  type IcmpRepr, type Ipv4Repr,
} from "../wire";
import { icmpSend } from "./icmp-errors";
import { drop } from "./ip-input";
import { ipSendLocal } from "./ip-output";
import type { NetNamespace } from "./namespace";
import { routeOutput, type OutputRoute } from "./route-output";
import { icmpErrno, type SocketErrno } from "./tcp/socket-errno";
import type { SocketOwner, TcpConnection } from "./tcp/tcp-connection";
import { tcpIcmpError } from "./tcp/tcp-input";
import type { TcpListener } from "./tcp/tcp-listener";
import { TcpTable } from "./tcp/tcp-table";

/** What the offending datagram an ICMP error quotes said (the fields ping/traceroute print). */
export interface QuotedDatagram {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  readonly protocol: number;
  readonly identifier?: number;
  readonly sequence?: number;
  readonly srcPort?: number;
  readonly dstPort?: number;
}

export type SocketEvent =
  | {
      readonly kind: "echo-reply"; readonly time: SimTime; readonly from: Ipv4Address; readonly to: Ipv4Address;
      readonly identifier: number; readonly sequence: number; readonly ttl: number; readonly data: Uint8Array; readonly bytes: Uint8Array;
    }
  | {
      readonly kind: "icmp-error"; readonly time: SimTime; readonly from: Ipv4Address; readonly ttl: number;
      readonly type: number; readonly code: number; readonly nextHopMtu: number; readonly description: string;
      readonly quoted: QuotedDatagram; readonly bytes: Uint8Array;
    }
  | {
      readonly kind: "datagram"; readonly time: SimTime; readonly from: Ipv4Address; readonly fromPort: number;
      readonly to: Ipv4Address; readonly ttl: number; readonly data: Uint8Array;
    };

export type SocketListener = (event: SocketEvent) => void;

abstract class SocketBase {
  protected dev: NetDevice | undefined;
  protected src: Ipv4Address | undefined;
  readonly #events: SocketEvent[] = [];
  readonly #listeners = new Set<SocketListener>();
  closed = false;

  constructor(protected readonly ns: NetNamespace) {}

  /** `-I`: bind to a device (SO_BINDTODEVICE) and/or a local source address (EADDRNOTAVAIL if not ours). */
  bind(opts: { readonly dev?: string; readonly src?: Ipv4Address }): Result<void, KernelError> {
    if (opts.dev !== undefined) {
      const dev = this.ns.device(opts.dev);
      if (!dev) return err(kernelError("ENODEV"));
      this.dev = dev;
    }
    if (opts.src !== undefined) {
      if (!this.ns.isLocalAddress(opts.src)) return err(kernelError("EADDRNOTAVAIL"));
      this.src = opts.src;
    }
    return ok(undefined);
  }

  /** connect()'s route lookup: the source and device a packet to `dst` would use, or the errno ("connect: Network is unreachable"). */
  routeTo(dst: Ipv4Address): Result<OutputRoute, Errno> {
    return routeOutput(this.ns, { dst, ...(this.src !== undefined ? { src: this.src } : {}), ...(this.dev ? { oif: this.dev } : {}) }, false);
  }

  /** Be told of each event as it happens (in virtual time); returns the unsubscribe function. */
  onEvent(listener: SocketListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Events received since the last drain. */
  drain(): SocketEvent[] {
    return this.#events.splice(0);
  }

  close(): void {
    this.closed = true;
    this.unregister();
  }

  /** @internal */
  push(event: SocketEvent): void {
    if (this.closed) return;
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
  }

  protected abstract unregister(): void;
}

export class PingSocket extends SocketBase {
  #ipId: number;

  constructor(ns: NetNamespace, readonly identifier: number) {
    super(ns);
    this.#ipId = ns.nextIpId();
  }

  /** sendto(): one echo request. The errno is sendmsg's (ENETUNREACH, EHOSTUNREACH, EINVAL for blackhole, EACCES for prohibit). */
  sendEcho(req: { readonly dst: Ipv4Address; readonly sequence: number; readonly data: Uint8Array; readonly ttl?: number; readonly tos?: number }): Result<{ readonly src: Ipv4Address; readonly bytes: Uint8Array }, Errno> {
    const icmp = emitIcmp({ kind: "echo-request", identifier: this.identifier, sequence: req.sequence, data: req.data });
    // A connected socket numbers its DF datagrams from a random start (ip_select_ident_segs); iputils sets DF (pmtudisc "do").
    const id = this.#ipId;
    const sent = ipSendLocal(this.ns, {
      dst: req.dst, protocol: IpProtocol.ICMP, payload: icmp, dontFragment: true, identification: id,
      ...(this.src !== undefined ? { src: this.src } : {}), ...(this.dev ? { oif: this.dev } : {}),
      ...(req.ttl !== undefined ? { ttl: req.ttl } : {}), ...(req.tos !== undefined ? { tos: req.tos } : {}),
    }, (packet) => icmpSend(this.ns, packet, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.HOST }));
    if (!sent.ok) return sent;
    this.#ipId = (this.#ipId + 1) & 0xffff;
    return ok({ src: sent.value.route.src, bytes: sent.value.packet });
  }

  protected unregister(): void {
    this.ns.sockets.ping.delete(this);
  }
}

export class UdpSocket extends SocketBase {
  /** connect()'s peer: only its datagrams are for this socket, and send() goes there. */
  remote?: { readonly address: Ipv4Address; readonly port: number };
  /** The pending error (SO_ERROR) a hard ICMP error left: ECONNREFUSED for port unreachable. */
  pendingError?: SocketErrno;
  /** Who holds the socket, for ss -p / netstat -p. */
  owner?: SocketOwner;

  constructor(ns: NetNamespace, readonly port: number) {
    super(ns);
  }

  /** The local address: the bound one, 0.0.0.0 (any) until connect() picks the route's source. */
  get localAddress(): Ipv4Address {
    return this.src ?? (0 as Ipv4Address);
  }

  /** connect() on a datagram socket (ip4_datagram_connect): route now, remember the peer and our source. */
  connect(address: Ipv4Address, port: number): Result<void, Errno> {
    const route = this.routeTo(address);
    if (!route.ok) return err(route.error);
    this.src ??= route.value.src;
    this.remote = { address, port };
    return ok(undefined);
  }

  /** Take the pending error, as the next send()/recv() on a connected socket does. */
  takeError(): SocketErrno | undefined {
    const error = this.pendingError;
    this.pendingError = undefined;
    return error;
  }

  sendTo(req: { readonly dst: Ipv4Address; readonly port: number; readonly data: Uint8Array; readonly ttl?: number }): Result<{ readonly src: Ipv4Address; readonly bytes: Uint8Array }, Errno> {
    const sent = ipSendLocal(this.ns, {
      dst: req.dst, protocol: IpProtocol.UDP,
      payload: (src) => emitUdp({ srcPort: this.port, dstPort: req.port, payload: req.data }, { src, dst: req.dst }),
      ...(this.src !== undefined ? { src: this.src } : {}), ...(this.dev ? { oif: this.dev } : {}),
      ...(req.ttl !== undefined ? { ttl: req.ttl } : {}),
    }, (packet) => icmpSend(this.ns, packet, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.HOST }));
    if (!sent.ok) return sent;
    return ok({ src: sent.value.route.src, bytes: sent.value.packet });
  }

  protected unregister(): void {
    this.ns.sockets.udp.delete(this.port);
  }
}

export interface SocketTable {
  readonly ping: Set<PingSocket>;
  readonly udp: Map<number, UdpSocket>;
  readonly tcp: TcpTable<TcpConnection, TcpListener>;
}

export function createSocketTable(ns: NetNamespace): SocketTable {
  return { ping: new Set(), udp: new Map(), tcp: new TcpTable<TcpConnection, TcpListener>(ns.rng.fork("tcp")) };
}

export function openPingSocket(ns: NetNamespace, identifier: number): PingSocket {
  const socket = new PingSocket(ns, identifier & 0xffff);
  ns.sockets.ping.add(socket);
  return socket;
}

/** bind() to `port`, or to a free ephemeral port from ip_local_port_range; EADDRINUSE if taken. */
export function openUdpSocket(ns: NetNamespace, port?: number): Result<UdpSocket, KernelError> {
  let chosen = port;
  if (chosen === undefined) {
    const [lo, hi] = ns.sysctl.get("net.ipv4.ip_local_port_range").ok ? rangeOf(ns) : [32768, 60999];
    for (let tries = 0; tries < hi - lo + 1 && chosen === undefined; tries++) {
      const candidate = ns.rng.intBetween(lo, hi);
      if (!ns.sockets.udp.has(candidate)) chosen = candidate;
    }
    if (chosen === undefined) return err(kernelError("EADDRINUSE"));
  }
  if (ns.sockets.udp.has(chosen)) return err(kernelError("EADDRINUSE"));
  const socket = new UdpSocket(ns, chosen);
  ns.sockets.udp.set(chosen, socket);
  return ok(socket);
}

function rangeOf(ns: NetNamespace): [number, number] {
  const text = ns.sysctl.get("net.ipv4.ip_local_port_range");
  const [lo, hi] = (text.ok ? text.value : "32768\t60999").split("\t").map(Number);
  return [lo!, hi!];
}

/** __udp4_lib_rcv: to the socket on the destination port, or port unreachable. */
export function udpReceive(ns: NetNamespace, dev: NetDevice, packet: Uint8Array, ip: Ipv4Repr, broadcast: boolean): void {
  const udp = parseUdp(ip.payload, { src: ip.src, dst: ip.dst });
  if (!udp.ok) return drop(ns, dev, "udp_rcv", udp.error.kind === "bad-checksum" ? "UDP_CSUM" : "PKT_TOO_SMALL", packet, "bad UDP datagram", "ipv4");
  const bound = ns.sockets.udp.get(udp.value.dstPort);
  // A connected socket takes only its peer's datagrams (udp4_lib_lookup's score).
  const socket = bound && (!bound.remote || (bound.remote.address === ip.src && bound.remote.port === udp.value.srcPort)) ? bound : undefined;
  if (!socket) {
    drop(ns, dev, "__udp4_lib_rcv", "NO_SOCKET", packet, `no socket on UDP port ${udp.value.dstPort}`, "ipv4");
    if (!broadcast) icmpSend(ns, packet, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.PORT });
    return;
  }
  socket.push({ kind: "datagram", time: ns.env.queue.now(), from: ip.src, fromPort: udp.value.srcPort, to: ip.dst, ttl: ip.ttl, data: udp.value.payload.slice() });
  ns.env.trace.emit({
    kind: "socket", namespace: ns.name, protocol: "udp", local: `${formatIpv4(ip.dst)}:${udp.value.dstPort}`,
    remote: `${formatIpv4(ip.src)}:${udp.value.srcPort}`, change: "delivered", byteCount: udp.value.payload.length,
    detail: `datagram of ${udp.value.payload.length} bytes queued for the program`,
  });
}

/** An ICMP error arrived for us: give it to the socket that sent the quoted datagram (icmp_unreach → err_handler). */
export function deliverIcmpError(ns: NetNamespace, ip: Ipv4Repr, icmp: Extract<IcmpRepr, { readonly original: Uint8Array }>, packet: Uint8Array): void {
  const quotedHeader = parseIpv4Header(icmp.original);
  if (!quotedHeader.ok) return;
  const q = quotedHeader.value;
  const body = icmp.original.subarray(q.headerLength);
  const quoted: QuotedDatagram = { src: q.src, dst: q.dst, protocol: q.protocol, ...transportFields(q.protocol, body) };
  const event: SocketEvent = {
    kind: "icmp-error", time: ns.env.queue.now(), from: ip.src, ttl: ip.ttl,
    type: icmp.kind === "time-exceeded" ? IcmpType.TIME_EXCEEDED : icmp.kind === "destination-unreachable" ? IcmpType.DEST_UNREACHABLE : icmp.kind === "redirect" ? IcmpType.REDIRECT : IcmpType.PARAMETER_PROBLEM,
    code: icmp.code, nextHopMtu: icmp.kind === "destination-unreachable" ? icmp.nextHopMtu : 0,
    description: describeIcmpForTcpdump(icmp, q, body), quoted, bytes: packet.slice(),
  };
  if (q.protocol === IpProtocol.ICMP && quoted.identifier !== undefined) {
    for (const socket of ns.sockets.ping) if (socket.identifier === quoted.identifier) socket.push(event);
  } else if (q.protocol === IpProtocol.UDP && quoted.srcPort !== undefined) {
    const socket = ns.sockets.udp.get(quoted.srcPort);
    if (!socket) return;
    const converted = icmpErrno(event.type, event.code);
    const toPeer = socket.remote && socket.remote.address === q.dst && socket.remote.port === quoted.dstPort;
    if (toPeer && converted?.fatal) socket.pendingError = converted.errno;
    socket.push(event);
  } else if (q.protocol === IpProtocol.TCP && quoted.srcPort !== undefined && quoted.dstPort !== undefined) {
    tcpIcmpError(ns, { src: q.src, dst: q.dst, srcPort: quoted.srcPort, dstPort: quoted.dstPort }, event.type, event.code);
  }
}

function transportFields(protocol: number, body: Uint8Array): Partial<QuotedDatagram> {
  if (body.length < 8) return {};
  const a = (body[0]! << 8) | body[1]!;
  const b = (body[2]! << 8) | body[3]!;
  if (protocol === IpProtocol.ICMP && body[0] === IcmpType.ECHO_REQUEST) {
    return { identifier: (body[4]! << 8) | body[5]!, sequence: (body[6]! << 8) | body[7]! };
  }
  if (protocol === IpProtocol.UDP || protocol === IpProtocol.TCP) return { srcPort: a, dstPort: b };
  return {};
}
