/**
 * TCP connection tracking's state machine (tcp_conntracks[][][] in
 * net/netfilter/nf_conntrack_proto_tcp.c): the next state from the
 * direction, the segment's kind and the current state. Window tracking
 * (sequence-number checks) is not modelled: every in-state segment passes,
 * as with nf_conntrack_tcp_be_liberal=1.
 *
 * With nf_conntrack_tcp_loose=1 (the default) a bare ACK in the original
 * direction picks up a connection mid-stream as ESTABLISHED; its ctstate is
 * NEW. Measured on a 6.x router (raw segments through FORWARD): lone ACK →
 * NEW; SYN → NEW; SYN-ACK, RST, FIN alone → INVALID; the peer's RST to the
 * lone ACK → ESTABLISHED, after which the entry is gone (an RST as the
 * only reply deletes it).
 */
import { TcpFlag } from "../../wire";
import type { Direction } from "./tuple";

export type TcpState =
  | "NONE" | "SYN_SENT" | "SYN_RECV" | "ESTABLISHED" | "FIN_WAIT" | "CLOSE_WAIT" | "LAST_ACK" | "TIME_WAIT" | "CLOSE" | "SYN_SENT2";

/** What a segment is to the state machine (get_conntrack_index). */
export type SegmentKind = "syn" | "synack" | "fin" | "ack" | "rst" | "none";

/** Besides a state: "ignore" (accept, keep the state) and "invalid". */
export type TcpTransition = TcpState | "ignore" | "invalid";

export function segmentKind(flags: number): SegmentKind {
  if (flags & TcpFlag.RST) return "rst";
  if (flags & TcpFlag.SYN) return flags & TcpFlag.ACK ? "synack" : "syn";
  if (flags & TcpFlag.FIN) return "fin";
  if (flags & TcpFlag.ACK) return "ack";
  return "none";
}

const COLUMNS: readonly TcpState[] = ["NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2"];

type Row = readonly TcpTransition[];
const sNO = "NONE", sSS = "SYN_SENT", sSR = "SYN_RECV", sES = "ESTABLISHED", sFW = "FIN_WAIT", sCW = "CLOSE_WAIT",
  sLA = "LAST_ACK", sTW = "TIME_WAIT", sCL = "CLOSE", sS2 = "SYN_SENT2", sIV = "invalid", sIG = "ignore";
void sNO;

//                 sNO  sSS  sSR  sES  sFW  sCW  sLA  sTW  sCL  sS2
const ORIGINAL: Readonly<Record<SegmentKind, Row>> = {
  syn:    [sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2],
  synack: [sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR],
  fin:    [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
  ack:    [sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV],
  rst:    [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
  none:   [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
};

const REPLY: Readonly<Record<SegmentKind, Row>> = {
  syn:    [sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2],
  synack: [sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR],
  fin:    [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
  ack:    [sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG],
  rst:    [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
  none:   [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
};

export function tcpTransition(dir: Direction, kind: SegmentKind, state: TcpState): TcpTransition {
  return (dir === "original" ? ORIGINAL : REPLY)[kind][COLUMNS.indexOf(state)]!;
}

/** tcp_new(): the state a first segment starts a connection in, or invalid (nf_conntrack_tcp_loose = 1). */
export function tcpNewState(flags: number): TcpState | "invalid" {
  const next = tcpTransition("original", segmentKind(flags), "NONE");
  return next === "ignore" ? "invalid" : next;
}
