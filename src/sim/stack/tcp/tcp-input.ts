/**
 * tcp_v4_rcv: a segment delivered to this host finds its connection (the
 * exact four-tuple), else a listener on its port, else nobody — then it is
 * dropped (NO_SOCKET) and answered with an RST (tcp-reset.ts), which is
 * what a client sees as "Connection refused". Checksums are verified
 * (TCP_CSUM); segments to a broadcast address are dropped.
 *
 * ICMP errors about our segments reach the connection they quote
 * (tcp_v4_err): while connecting, any destination-unreachable code but
 * "fragmentation needed", or a time-exceeded, ends the attempt with the
 * errno of icmp_err_convert[] — port unreachable is ECONNREFUSED, "host
 * prohibited" EHOSTUNREACH ("No route to host"), "net unreachable"
 * ENETUNREACH.
 */
import type { Ipv4Address } from "../../addr";
import type { NetDevice } from "../../link";
import { parseTcp, type Ipv4Repr } from "../../wire";
import { drop } from "../ip-input";
import type { NetNamespace } from "../namespace";
import { icmpErrno } from "./socket-errno";
import { sendReset } from "./tcp-reset";

export function tcpReceive(ns: NetNamespace, dev: NetDevice, packet: Uint8Array, ip: Ipv4Repr, broadcast: boolean): void {
  if (broadcast) return drop(ns, dev, "tcp_v4_rcv", "NOT_SPECIFIED", packet, "TCP segment to a broadcast address", "ipv4");
  const parsed = parseTcp(ip.payload, { src: ip.src, dst: ip.dst });
  if (!parsed.ok) {
    return drop(ns, dev, "tcp_v4_rcv", parsed.error.kind === "bad-checksum" ? "TCP_CSUM" : "PKT_TOO_SMALL", packet, "bad TCP segment", "ipv4");
  }
  const seg = parsed.value;
  const table = ns.sockets.tcp;
  const local = { address: ip.dst, port: seg.dstPort };
  const remote = { address: ip.src, port: seg.srcPort };
  const conn = table.findConnection(local, remote);
  if (conn && !conn.segmentArrives(seg)) return;
  const listener = table.findListener(local, remote);
  if (listener) return listener.segmentArrives(packet, seg, local, remote, dev.mtu);
  drop(ns, dev, "tcp_v4_rcv", "NO_SOCKET", packet, `no socket on TCP port ${seg.dstPort}`, "ipv4");
  sendReset(ns, local, remote, seg);
}

/** An ICMP error quoting one of our TCP segments (from `src`:`srcPort` to `dst`:`dstPort`). */
export function tcpIcmpError(ns: NetNamespace, quoted: { readonly src: Ipv4Address; readonly dst: Ipv4Address; readonly srcPort: number; readonly dstPort: number }, type: number, code: number): void {
  const conn = ns.sockets.tcp.findConnection({ address: quoted.src, port: quoted.srcPort }, { address: quoted.dst, port: quoted.dstPort });
  if (!conn) return;
  if (type === 3 && code === 4) return; // fragmentation needed: path MTU discovery, not modelled
  const converted = icmpErrno(type, code);
  if (converted) conn.icmpError(converted.errno);
}
