/**
 * The reset a host sends for a segment no connection wants — RFC 9293
 * §3.5.2, "Reset Generation", case 1, as tcp_v4_send_reset does it: if the
 * segment had an ACK, the RST takes its sequence number from that ACK;
 * otherwise it has sequence number 0 and acknowledges everything the
 * segment occupied (its data, plus one each for SYN and FIN), so a SYN to
 * a closed port is answered with RST-ACK, ack = ISN + 1. Never an RST for
 * an RST. No options, window 0, IP ID 0 with DF, the default TTL.
 */
import { IpProtocol, TcpFlag, emitTcp, type TcpRepr } from "../../wire";
import { ipSendLocal } from "../ip-output";
import type { NetNamespace } from "../namespace";
import { seqAdd } from "./sequence";
import type { TcpEndpoint } from "./tcp-table";

export function sendReset(ns: NetNamespace, local: TcpEndpoint, remote: TcpEndpoint, seg: TcpRepr): void {
  if (seg.flags & TcpFlag.RST) return;
  const hasAck = (seg.flags & TcpFlag.ACK) !== 0;
  const occupied = seg.payload.length + (seg.flags & TcpFlag.SYN ? 1 : 0) + (seg.flags & TcpFlag.FIN ? 1 : 0);
  const rst: TcpRepr = {
    srcPort: local.port, dstPort: remote.port, seq: hasAck ? seg.ack : 0, ack: hasAck ? 0 : seqAdd(seg.seq, occupied),
    flags: hasAck ? TcpFlag.RST : TcpFlag.RST | TcpFlag.ACK, window: 0, urgentPointer: 0, options: [], payload: new Uint8Array(0),
  };
  ipSendLocal(ns, {
    dst: remote.address, src: local.address, protocol: IpProtocol.TCP, dontFragment: true, identification: 0,
    payload: emitTcp(rst, { src: local.address, dst: remote.address }),
  });
}
