/**
 * Applying a connection's NAT mapping to each of its packets
 * (nf_nat_packet) and to ICMP errors about it
 * (nf_nat_icmp_reply_translation).
 *
 * At a hook that mangles one end (source after routing, destination before
 * it), a packet in the original direction is rewritten if that end was
 * NATed; a reply is rewritten if the *other* end was (its destination is
 * the original source, and so on) — the target is always the inverse of
 * the other direction's tuple. An ICMP error gets its quoted datagram
 * rewritten back the other way, its ICMP checksum recomputed, and its own
 * addresses rewritten like a reply: so a client behind MASQUERADE sees a
 * "port unreachable" that quotes its own address (checked on a 6.x router:
 * the error forwarded back quotes the client's source, not the router's).
 */
import type { TraceEventBody } from "../../core";
import { internetChecksum } from "../../wire";
import type { Hook, NatManip } from "../hooks";
import { packetInfo } from "../packet-info";
import type { CtInfo } from "../conntrack/connection";
import { flowTuple, invertTuple, otherDirection, tupleOf, type Tuple } from "../conntrack/tuple";
import { manipPacket } from "./manip-packet";

export interface NatEventSink {
  readonly namespace: string;
  emit(event: TraceEventBody): void;
}

function applies(ct: CtInfo, manip: NatManip): boolean {
  const sourceBit = (manip === "source") !== (ct.dir === "reply");
  return sourceBit ? ct.conn.srcNat : ct.conn.dstNat;
}

export function natPacket(ct: CtInfo, manip: NatManip, hook: Hook, bytes: Uint8Array, sink: NatEventSink): void {
  if (!applies(ct, manip)) return;
  const target = invertTuple(ct.conn.tuple(otherDirection(ct.dir)));
  const before = currentTuple(bytes);
  manipPacket(bytes, 0, target, manip);
  report(sink, hook, manip, before, bytes, false);
}

export function natIcmpError(ct: CtInfo, manip: NatManip, hook: Hook, bytes: Uint8Array, sink: NatEventSink): void {
  if (!applies(ct, manip)) return;
  const headerLength = (bytes[0]! & 0x0f) * 4;
  const total = Math.min(bytes.length, (bytes[2]! << 8) | bytes[3]!);
  const before = currentTuple(bytes);
  const other = ct.conn.tuple(otherDirection(ct.dir));
  manipPacket(bytes, headerLength + 8, other, manip === "source" ? "destination" : "source");
  const icmp = bytes.subarray(headerLength, total);
  icmp[2] = 0;
  icmp[3] = 0;
  const sum = internetChecksum(icmp);
  icmp[2] = sum >>> 8;
  icmp[3] = sum & 0xff;
  manipPacket(bytes, 0, invertTuple(other), manip);
  report(sink, hook, manip, before, bytes, true);
}

function currentTuple(bytes: Uint8Array): Tuple | undefined {
  const info = packetInfo(bytes);
  return info && tupleOf(info);
}

function report(sink: NatEventSink, hook: Hook, manip: NatManip, before: Tuple | undefined, bytes: Uint8Array, icmpError: boolean): void {
  const after = currentTuple(bytes);
  if (!before || !after) return;
  sink.emit({
    kind: "nat-rewrite", namespace: sink.namespace, hook, manip, before: flowTuple(before), after: flowTuple(after), icmpError, bytes: bytes.slice(),
  });
}
