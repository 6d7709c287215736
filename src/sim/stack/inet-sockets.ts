/**
 * The TCP and UDP sockets of a namespace as the kernel reports them to
 * `ss` (inet_diag) and `netstat` (/proc/net/tcp, /proc/net/udp): state,
 * both ends, queue sizes and the owning process.
 *
 * TCP lists the listeners first, then the established hash (SYN_RECV and
 * TIME_WAIT included) — the order of inet_diag_dump_icsk; a socket that is
 * only bound is in neither and is not listed. Recv-Q/Send-Q are, for a
 * listener, the connections waiting for accept() and its backlog; for a
 * connection, bytes unread and bytes not yet acknowledged (tcp_diag_get_info).
 * UDP sockets are UNCONN ("CLOSE") until connect() makes them ESTABLISHED.
 * UDP's Recv-Q (the buffer memory charged, skb truesize) is not modelled: 0.
 */
import type { Ipv4Address } from "../addr";
import type { NetNamespace } from "./namespace";
import type { SocketOwner } from "./tcp/tcp-connection";
import type { TcpState } from "./tcp/tcp-state";

export interface InetSocketInfo {
  readonly protocol: "tcp" | "udp";
  /** UDP: CLOSED (unconnected) or ESTABLISHED. */
  readonly state: TcpState;
  readonly local: { readonly address: Ipv4Address; readonly port: number };
  /** 0.0.0.0:0 when there is no peer. */
  readonly remote: { readonly address: Ipv4Address; readonly port: number };
  readonly recvQ: number;
  readonly sendQ: number;
  readonly owner?: SocketOwner;
}

const NOBODY = { address: 0 as Ipv4Address, port: 0 };

export function listTcpSockets(ns: NetNamespace): InetSocketInfo[] {
  const table = ns.sockets.tcp;
  const listeners: InetSocketInfo[] = table.listeners().map((l) => ({
    protocol: "tcp", state: "LISTEN", local: { address: l.localAddress, port: l.localPort }, remote: NOBODY,
    recvQ: l.queued, sendQ: l.backlog, ...(l.owner ? { owner: l.owner } : {}),
  }));
  const connections: InetSocketInfo[] = table.connections().map((c) => ({
    protocol: "tcp", state: c.state, local: c.local, remote: c.remote, recvQ: c.unread, sendQ: c.unacknowledged,
    ...(c.owner ? { owner: c.owner } : {}),
  }));
  return [...listeners, ...connections];
}

export function listUdpSockets(ns: NetNamespace): InetSocketInfo[] {
  return [...ns.sockets.udp.values()].map((s) => ({
    protocol: "udp", state: s.remote ? "ESTABLISHED" : "CLOSED", local: { address: s.localAddress, port: s.port },
    remote: s.remote ?? NOBODY, recvQ: 0, sendQ: 0, ...(s.owner ? { owner: s.owner } : {}),
  }));
}
