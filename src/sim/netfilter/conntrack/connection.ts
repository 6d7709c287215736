/**
 * One tracked connection (struct nf_conn): its tuple in each direction —
 * the reply tuple is what NAT rewrites — status bits, TCP state and when it
 * expires. An entry is "unconfirmed" while its first packet is still on its
 * way through the hooks; it enters the table only when that packet survives
 * to the end of POSTROUTING or INPUT (__nf_conntrack_confirm), so a
 * connection whose first packet was dropped is never listed.
 */
import type { SimTime } from "../../core";
import type { NatManip } from "../hooks";
import type { TcpState } from "./tcp-state";
import type { Direction, Tuple } from "./tuple";

export class Connection {
  /** IPS_SEEN_REPLY: a packet went the other way ([UNREPLIED] until then). */
  seenReply = false;
  /** IPS_ASSURED: will not be evicted early. */
  assured = false;
  confirmed = false;
  /** IPS_SRC_NAT / IPS_DST_NAT: the reply tuple differs from the inverted original at that end. */
  srcNat = false;
  dstNat = false;
  /** IPS_SRC_NAT_DONE / IPS_DST_NAT_DONE: the nat table has been consulted for that end. */
  readonly natDone: Record<NatManip, boolean> = { source: false, destination: false };
  tcpState?: TcpState;
  reply: Tuple;

  constructor(
    readonly id: number,
    readonly original: Tuple,
    initialReply: Tuple,
    readonly created: SimTime,
    public expires: SimTime,
  ) {
    this.reply = initialReply;
  }

  tuple(dir: Direction): Tuple {
    return dir === "original" ? this.original : this.reply;
  }

  /** Status flags as conntrack(8) prints them. */
  flags(): string[] {
    const out: string[] = [];
    if (!this.seenReply) out.push("UNREPLIED");
    if (this.assured) out.push("ASSURED");
    return out;
  }
}

/** The connection a packet belongs to and how (enum ip_conntrack_info). */
export interface CtInfo {
  readonly conn: Connection;
  /** The direction this packet travels in. */
  readonly dir: Direction;
  readonly state: "NEW" | "ESTABLISHED" | "RELATED";
}

/** What conntrack decided for a packet: a connection, INVALID (none could be found or made) or untracked. */
export type PacketCt = CtInfo | "invalid" | "untracked";

export function isTracked(ct: PacketCt | undefined): ct is CtInfo {
  return typeof ct === "object";
}
