/**
 * The connection-tracking table of one namespace and nf_conntrack_in():
 * find the connection a packet belongs to (by its tuple, in either
 * direction), or start one, and advance its protocol state.
 *
 * ICMP errors are RELATED to the connection of the datagram they quote
 * (icmp_error_message: the quoted header's tuple, inverted, is looked up);
 * an error quoting nothing tracked is INVALID, as is an echo reply with no
 * request (icmp_new accepts only requests) — both measured on a 6.x router.
 *
 * Entries expire in virtual time. They are reaped lazily, whenever the
 * table is used, rather than by timers: an ESTABLISHED TCP entry lives five
 * days, and a timer that far ahead would drag `runUntilIdle` along with it.
 */
import type { SimTime, TraceEventBody } from "../../core";
import { IpProtocol } from "../../wire";
import { isIcmpErrorType, packetInfo, type PacketInfo } from "../packet-info";
import { Connection, type CtInfo, type PacketCt } from "./connection";
import { segmentKind, tcpNewState, tcpTransition, type TcpState } from "./tcp-state";
import { GENERIC_TIMEOUT, ICMP_TIMEOUT, TCP_TIMEOUTS, UDP_STREAM_AFTER, UDP_STREAM_TIMEOUT, UDP_TIMEOUT } from "./timeouts";
import { flowTuple, invertTuple, isIcmpRequest, tupleKey, tupleOf, type Direction, type Tuple } from "./tuple";

export interface ConntrackEnv {
  readonly namespace: string;
  now(): SimTime;
  emit(event: TraceEventBody): void;
}

/** A confirmed entry as `conntrack -L` shows it. */
export interface ConntrackEntry {
  readonly id: number;
  readonly protocol: number;
  readonly original: Tuple;
  readonly reply: Tuple;
  /** Whole seconds until it expires, as conntrack prints them. */
  readonly timeout: number;
  readonly tcpState?: TcpState;
  readonly unreplied: boolean;
  readonly assured: boolean;
  readonly srcNat: boolean;
  readonly dstNat: boolean;
}

interface Found {
  readonly conn: Connection;
  readonly dir: Direction;
}

export class ConntrackTable {
  readonly #byTuple = new Map<string, Found>();
  readonly #confirmed = new Set<Connection>();
  #nextId = 1;

  constructor(private readonly env: ConntrackEnv) {}

  get count(): number {
    this.#reap();
    return this.#confirmed.size;
  }

  /**
   * nf_conntrack_in for one packet. `seen` is the connection a packet looped
   * back through lo already carries (skb->_nfct survives loopback: the
   * kernel does not track it again); `attached` the one an ICMP error the
   * stack generated inherits from the packet it is about (nf_ct_attach).
   */
  receive(pkt: PacketInfo, bytes: Uint8Array, opts: { readonly attached?: CtInfo; readonly loopback?: boolean } = {}): PacketCt {
    this.#reap();
    if (pkt.fragmentOffset !== 0 || pkt.moreFragments) return "invalid";
    if (pkt.protocol === IpProtocol.ICMP && pkt.icmpType !== undefined && isIcmpErrorType(pkt.icmpType)) {
      if (opts.attached) return { conn: opts.attached.conn, dir: opts.attached.dir === "original" ? "reply" : "original", state: "RELATED" };
      return this.#related(bytes, pkt);
    }
    const tuple = tupleOf(pkt);
    if (!tuple) return "invalid";
    const found = this.find(tuple);
    if (found && opts.loopback) return ctInfo(found.conn, found.dir);
    if (!found) return this.#start(tuple, pkt.tcpFlags ?? 0);
    return this.#advance(found, pkt, tuple);
  }

  /** __nf_conntrack_confirm: the first packet made it through; the entry is now in the table. */
  confirm(ct: CtInfo): void {
    const { conn } = ct;
    if (conn.confirmed) return;
    conn.confirmed = true;
    this.#confirmed.add(conn);
    this.#byTuple.set(tupleKey(conn.original), { conn, dir: "original" });
    this.#byTuple.set(tupleKey(conn.reply), { conn, dir: "reply" });
    this.#emit("new", conn, "confirmed");
  }

  /** The confirmed connection a tuple belongs to, and in which direction. */
  find(tuple: Tuple): Found | undefined {
    const found = this.#byTuple.get(tupleKey(tuple));
    if (found && found.conn.expires <= this.env.now()) {
      this.#remove(found.conn, "timeout");
      return undefined;
    }
    return found;
  }

  /** nf_conntrack_tuple_taken: does another connection already use this tuple (either direction)? */
  isTaken(tuple: Tuple, except: Connection): boolean {
    const found = this.find(tuple);
    return found !== undefined && found.conn !== except;
  }

  entries(): ConntrackEntry[] {
    this.#reap();
    const now = this.env.now();
    return [...this.#confirmed].map((c) => ({
      id: c.id, protocol: c.original.protocol, original: c.original, reply: c.reply,
      timeout: Math.max(0, Math.floor((c.expires - now) / 1_000_000)),
      ...(c.tcpState ? { tcpState: c.tcpState } : {}),
      unreplied: !c.seenReply, assured: c.assured, srcNat: c.srcNat, dstNat: c.dstNat,
    }));
  }

  /** `conntrack -F`: every entry goes; returns how many. */
  flush(): number {
    const all = [...this.#confirmed];
    for (const conn of all) this.#remove(conn, "flush");
    return all.length;
  }

  /** `conntrack -D` by id. */
  delete(id: number): boolean {
    const conn = [...this.#confirmed].find((c) => c.id === id);
    if (!conn) return false;
    this.#remove(conn, "deleted");
    return true;
  }

  #related(bytes: Uint8Array, pkt: PacketInfo): PacketCt {
    const inner = packetInfo(bytes.subarray(pkt.headerLength + 8));
    const quoted = inner && tupleOf(inner);
    if (!quoted) return "invalid";
    const found = this.find(invertTuple(quoted));
    if (!found) return "invalid";
    return { conn: found.conn, dir: found.dir, state: "RELATED" };
  }

  #start(tuple: Tuple, tcpFlags: number): PacketCt {
    const now = this.env.now();
    let tcpState: TcpState | undefined;
    let timeout = GENERIC_TIMEOUT;
    if (tuple.protocol === IpProtocol.TCP) {
      const state = tcpNewState(tcpFlags);
      if (state === "invalid") return "invalid";
      tcpState = state;
      timeout = TCP_TIMEOUTS[state];
    } else if (tuple.protocol === IpProtocol.UDP) {
      timeout = UDP_TIMEOUT;
    } else if (tuple.protocol === IpProtocol.ICMP) {
      if (!isIcmpRequest(tuple.dstPort >>> 8)) return "invalid";
      timeout = ICMP_TIMEOUT;
    }
    const conn = new Connection(this.#nextId++, tuple, invertTuple(tuple), now, now + timeout);
    if (tcpState) conn.tcpState = tcpState;
    return { conn, dir: "original", state: "NEW" };
  }

  #advance(found: Found, pkt: PacketInfo, tuple: Tuple): PacketCt {
    const { conn, dir } = found;
    const now = this.env.now();
    const firstReply = dir === "reply" && !conn.seenReply;
    if (conn.original.protocol === IpProtocol.TCP) {
      const verdict = this.#tcp(conn, dir, pkt.tcpFlags ?? 0, tuple);
      if (verdict !== "ok") return verdict;
    } else if (conn.original.protocol === IpProtocol.UDP) {
      const stream = conn.seenReply && now - conn.created > UDP_STREAM_AFTER;
      conn.expires = now + (stream ? UDP_STREAM_TIMEOUT : UDP_TIMEOUT);
      if (stream && !conn.assured) {
        conn.assured = true;
        this.#emit("update", conn, "assured");
      }
    } else {
      conn.expires = now + (conn.original.protocol === IpProtocol.ICMP ? ICMP_TIMEOUT : GENERIC_TIMEOUT);
    }
    if (firstReply) {
      conn.seenReply = true;
      this.#emit("update", conn, "reply seen");
    }
    return ctInfo(conn, dir);
  }

  /** tcp_packet(): move the state machine; an RST as the only reply ends the entry at once. */
  #tcp(conn: Connection, dir: Direction, flags: number, tuple: Tuple): PacketCt | "ok" {
    const old = conn.tcpState ?? "NONE";
    const next = tcpTransition(dir, segmentKind(flags), old);
    if (next === "invalid") return "invalid";
    if (next === "ignore") return "ok";
    // A SYN reopening a closed/TIME_WAIT connection: the old entry dies, a new one starts (-NF_REPEAT).
    if (dir === "original" && next === "SYN_SENT" && (old === "TIME_WAIT" || old === "CLOSE")) {
      this.#remove(conn, "reopened");
      return this.#start(tuple, flags);
    }
    conn.tcpState = next;
    conn.expires = this.env.now() + TCP_TIMEOUTS[next];
    if (segmentKind(flags) === "rst" && !conn.seenReply) {
      // Accepted, and the entry is killed (nf_ct_kill_acct): "if only reply is a RST…".
      const info = ctInfo(conn, dir);
      this.#remove(conn, "tcp reset");
      return info;
    }
    if (old === "SYN_RECV" && next === "ESTABLISHED" && !conn.assured) conn.assured = true;
    if (next !== old) this.#emit("update", conn, `state ${next}`);
    return "ok";
  }

  #reap(): void {
    const now = this.env.now();
    for (const conn of this.#confirmed) if (conn.expires <= now) this.#remove(conn, "timeout");
  }

  #remove(conn: Connection, why: string): void {
    if (!this.#confirmed.delete(conn)) return;
    this.#byTuple.delete(tupleKey(conn.original));
    this.#byTuple.delete(tupleKey(conn.reply));
    this.#emit("destroy", conn, why);
  }

  #emit(change: "new" | "update" | "destroy", conn: Connection, detail: string): void {
    if (!conn.confirmed) return;
    this.env.emit({
      kind: "conntrack", namespace: this.env.namespace, change, original: flowTuple(conn.original), reply: flowTuple(conn.reply),
      ...(conn.tcpState ? { tcpState: conn.tcpState } : {}), flags: conn.flags(), detail,
    });
  }
}

function ctInfo(conn: Connection, dir: Direction): CtInfo {
  return { conn, dir, state: dir === "reply" || conn.seenReply ? "ESTABLISHED" : "NEW" };
}
