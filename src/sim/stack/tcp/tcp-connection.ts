/**
 * One TCP connection — the transmission control block of RFC 9293 §3.3.1
 * and its state machine (§3.10, "Event Processing"), with the timing Linux
 * 6.x gives it (net/ipv4/tcp_input.c, tcp_output.c, tcp_timer.c):
 *
 * - Retransmission: one timer, 1 s at first (TCP_TIMEOUT_INIT, RFC 6298
 *   §2.1), doubled on every expiry (§5.5) up to 120 s (TCP_RTO_MAX) —
 *   except that since Linux 6.5 a SYN's first net.ipv4.tcp_syn_linear_timeouts
 *   (4) retransmissions keep the 1 s timeout. A connect gives up when the
 *   time since the first SYN reaches what tcp_syn_retries exponential
 *   timeouts would take (tcp_model_timeout: (2^(n+1) − 1) s, 127 s for the
 *   default 6). Measured on 6.18: with tcp_syn_retries = 1, SYNs at 0, 1 and
 *   2 s and ETIMEDOUT at 3 s; with 2, SYNs at 0–5 s and ETIMEDOUT at 7 s.
 *   With linear timeouts off (0) the SYNs go at 0, 1, 3, 7, 15, 31, 63 s.
 *   A SYN-ACK gets tcp_synack_retries (5) tries. Data is retransmitted from
 *   the oldest unacknowledged byte.
 * - Acknowledgements: data is acknowledged at once while the connection is
 *   in quick-ack mode, as Linux is at the start of a connection; once the
 *   program answers what it read within the delayed-ACK time, or once the
 *   peer's FIN arrives in ESTABLISHED (tcp_fin enters "pingpong" mode), ACKs
 *   wait 40 ms (TCP_DELACK_MIN) for data or a FIN to ride on — so a server
 *   that closes right after reading the client's FIN sends one FIN-ACK, as
 *   captured on a 6.x kernel.
 * - TIME_WAIT lasts 60 s (TCP_TIMEWAIT_LEN); an orphaned FIN_WAIT2 lasts
 *   net.ipv4.tcp_fin_timeout (60 s).
 * - RST handling follows RFC 5961: an RST or SYN whose sequence number is
 *   not exactly the next expected one gets a "challenge ACK".
 *
 * Not modelled: congestion control (every segment the peer's window allows
 * goes at once), out-of-order reassembly (a segment past a gap is dropped
 * and re-ACKed), SACK blocks, window scaling of our own receive window
 * beyond a fixed advertisement, Nagle, keepalive, urgent data, PAWS.
 */
import { formatIpv4, type Ipv4Address } from "../../addr";
import type { Duration, TimerHandle } from "../../core";
import { IpProtocol, TcpFlag, emitTcp, type TcpOption, type TcpRepr } from "../../wire";
import { ipSendLocal } from "../ip-output";
import type { NetNamespace } from "../namespace";
import { establishedOptions, initialWindow, readPeerOptions, synAckOptions, synOptions, LINUX_WSCALE, type PeerOptions } from "./linux-options";
import { seqAdd, seqDiff, seqLe, seqLt } from "./sequence";
import type { SocketErrno } from "./socket-errno";
import { endpointText, type ConnectionEntry, type TcpEndpoint } from "./tcp-table";
import type { TcpState } from "./tcp-state";

const SECOND = 1_000_000;
/** TCP_TIMEOUT_INIT: the first retransmission timeout (RFC 6298 §2.1). */
export const INITIAL_RTO: Duration = SECOND;
/** TCP_RTO_MIN: the smallest timeout once a round trip has been measured. */
const MIN_RTO: Duration = 200_000;
/** TCP_RTO_MAX. */
const MAX_RTO: Duration = 120 * SECOND;
/** TCP_DELACK_MIN. */
const DELAYED_ACK: Duration = 40_000;
/** TCP_TIMEWAIT_LEN: 2 × MSL as Linux counts it. */
export const TIME_WAIT_LENGTH: Duration = 60 * SECOND;
/** tcp_retries2: how often data is retransmitted before the connection is given up. */
const DATA_RETRIES = 15;
/** tcp_synack_retries. */
const SYNACK_RETRIES = 5;
/** The largest IPv4 packet less the IP and TCP headers (IPV4_MAX_PMTU − 40): the MSS on loopback. */
const MAX_MSS = 65495;
/** Timestamps take 12 bytes of every segment once both sides agreed to them. */
const TIMESTAMP_OPTION_BYTES = 12;

/** Who holds the socket, for `ss -p` and `netstat -p`. */
export interface SocketOwner {
  readonly command: string;
  readonly pid: number;
  readonly fd: number;
}

/** What a connection needs from the socket layer around it. */
export interface ConnectionHost {
  readonly ns: NetNamespace;
  /** Take the connection out of the namespace's tables (it reached CLOSED). */
  forget(conn: TcpConnection): void;
  /** A passive connection completed its handshake: it goes to the listener's accept queue. */
  established?(conn: TcpConnection): void;
}

export interface ConnectionInit {
  readonly local: TcpEndpoint;
  readonly remote: TcpEndpoint;
  readonly reuseAddress: boolean;
  readonly reusePort: boolean;
  /** The route's device MTU, for the MSS we announce. */
  readonly mtu: number;
}

/**
 * tcp_model_timeout(boundary = tcp_syn_retries, rto_base = 1 s): how long
 * `boundary` exponentially backed-off timeouts take, 120 s each once they
 * reach TCP_RTO_MAX.
 */
export function synRetryTimeout(retries: number): Duration {
  const threshold = Math.floor(Math.log2(MAX_RTO / INITIAL_RTO));
  if (retries <= threshold) return ((2 << retries) - 1) * INITIAL_RTO;
  return ((2 << threshold) - 1) * INITIAL_RTO + (retries - threshold) * MAX_RTO;
}

export class TcpConnection implements ConnectionEntry {
  readonly local: TcpEndpoint;
  readonly remote: TcpEndpoint;
  readonly reuseAddress: boolean;
  readonly reusePort: boolean;
  readonly listening = false;
  state: TcpState = "CLOSED";
  /** Set by the socket that owns it; cleared when the program closes it (the connection lives on as an orphan). */
  owner?: SocketOwner;
  /** The pending socket error (SO_ERROR) a program will see: ECONNREFUSED, ETIMEDOUT, ECONNRESET… */
  error?: SocketErrno;
  /** True when it came from a listener (passive open). */
  passive = false;

  // Send sequence space (RFC 9293 §3.3.1).
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  /** The peer's window in bytes (its field shifted by its window scale). */
  sndWnd = 65535;
  // Receive sequence space.
  irs = 0;
  rcvNxt = 0;

  /** Bytes from sndUna on: sent but unacknowledged, then not yet sent. */
  #sendQueue = new Uint8Array(0);
  /** Bytes of the send queue already sent once. */
  #sent = 0;
  #finQueued = false;
  #finSent = false;
  /** Bytes written by the program so far (write_seq − ISS − 1). */
  #written = 0;
  #received: Uint8Array[] = [];
  #receivedBytes = 0;
  /** The peer's FIN has arrived: reads see end of file once the queue is empty. */
  peerClosed = false;

  #rtx?: TimerHandle;
  #delack?: TimerHandle;
  #timeWait?: TimerHandle;
  #retransmits = 0;
  #rto: Duration = INITIAL_RTO;
  /** When the first SYN went out (retrans_stamp): the SYN retry limit is a time. */
  #firstSynAt = 0;
  #pingpong = false;
  #lastReceivedAt = -Infinity;

  readonly #ourMss: number;
  #peer: PeerOptions = { sackPermitted: false };
  #tsOffset: number;
  #tsRecent = 0;
  #ipId: number;
  readonly #watchers = new Set<() => void>();

  constructor(private readonly host: ConnectionHost, init: ConnectionInit) {
    this.local = init.local;
    this.remote = init.remote;
    this.reuseAddress = init.reuseAddress;
    this.reusePort = init.reusePort;
    this.#ourMss = Math.min(init.mtu, 65535) - 40;
    const rng = host.ns.sockets.tcp.rng;
    this.#tsOffset = rng.nextU32();
    this.#ipId = rng.intBetween(0, 0xffff);
    this.iss = rng.nextU32();
  }

  get ns(): NetNamespace {
    return this.host.ns;
  }

  get localAddress(): Ipv4Address {
    return this.local.address;
  }

  get localPort(): number {
    return this.local.port;
  }

  /** Bytes received and not yet read (ss "Recv-Q"). */
  get unread(): number {
    return this.#receivedBytes;
  }

  /** Bytes written and not yet acknowledged, SYN and FIN counted (write_seq − snd_una, ss "Send-Q"). */
  get unacknowledged(): number {
    if (this.state === "TIME_WAIT" || this.state === "SYN_RECV" || this.state === "CLOSED") return 0;
    const writeSeq = seqAdd(this.iss, 1 + this.#written + (this.#finQueued ? 1 : 0));
    return seqDiff(writeSeq, this.sndUna);
  }

  /** Be told whenever something a program may wait for happens; returns the unsubscribe function. */
  watch(callback: () => void): () => void {
    this.#watchers.add(callback);
    return () => this.#watchers.delete(callback);
  }

  // ---- opening --------------------------------------------------------------

  /** connect(): send the SYN (tcp_connect). */
  openActive(): void {
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.#firstSynAt = this.host.ns.env.queue.now();
    this.#setState("SYN_SENT", "SYN sent");
    this.#sendSyn();
    this.#armRetransmit();
  }

  /** A SYN reached a listener: answer with a SYN-ACK (tcp_conn_request). */
  openPassive(syn: TcpRepr): void {
    this.passive = true;
    this.irs = syn.seq;
    this.rcvNxt = seqAdd(syn.seq, 1);
    this.#learnPeer(syn);
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.#setState("SYN_RECV", "SYN received, SYN-ACK sent");
    this.#sendSynAck();
    this.#armRetransmit();
  }

  // ---- the program's calls ----------------------------------------------------

  /** write(): queue bytes and send what the window allows. EPIPE once this side has closed. */
  send(data: Uint8Array): number | SocketErrno {
    if (this.error) return this.#takeError();
    if (this.#finQueued || this.state === "CLOSED") return "EPIPE";
    if (this.state !== "ESTABLISHED" && this.state !== "CLOSE_WAIT") return "ENOTCONN";
    if (data.length === 0) return 0;
    const queue = new Uint8Array(this.#sendQueue.length + data.length);
    queue.set(this.#sendQueue);
    queue.set(data, this.#sendQueue.length);
    this.#sendQueue = queue;
    this.#written += data.length;
    if (this.host.ns.env.queue.now() - this.#lastReceivedAt < DELAYED_ACK) this.#pingpong = true;
    this.#output();
    return data.length;
  }

  /** read(): everything received so far (empty: nothing yet, or end of file when `peerClosed`). */
  read(): Uint8Array {
    const out = new Uint8Array(this.#receivedBytes);
    let at = 0;
    for (const chunk of this.#received) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.#received = [];
    this.#receivedBytes = 0;
    return out;
  }

  /** Take the pending error, as getsockopt(SO_ERROR) or a failing read does. */
  takeError(): SocketErrno | undefined {
    return this.error === undefined ? undefined : this.#takeError();
  }

  /** shutdown(SHUT_WR): queue our FIN after the data (tcp_shutdown → tcp_close_state). */
  shutdownWrite(): void {
    if (this.#finQueued) return;
    if (this.state === "ESTABLISHED") this.#setState("FIN_WAIT1", "program closed its sending side");
    else if (this.state === "CLOSE_WAIT") this.#setState("LAST_ACK", "program closed after the peer did");
    else return;
    this.#finQueued = true;
    this.#output();
  }

  /**
   * close() (tcp_close): unread data means an RST (RFC 2525 §2.17);
   * otherwise a FIN as shutdown() sends, and the connection lives on
   * without a socket until it is done.
   */
  close(): void {
    this.owner = undefined;
    this.#watchers.clear();
    if (this.state === "SYN_SENT" || this.state === "CLOSED") return this.#done();
    if (this.#receivedBytes > 0 && this.state !== "TIME_WAIT") {
      this.#sendControl(TcpFlag.RST | TcpFlag.ACK, this.sndNxt);
      return this.#done("closed with unread data: reset sent");
    }
    this.shutdownWrite();
    if (this.state === "FIN_WAIT2") this.#armOrphanFinWait2();
  }

  /** Abort with an RST (tcp_disconnect of an un-accepted child when its listener closes). */
  reset(): void {
    if (this.state !== "CLOSED" && this.state !== "TIME_WAIT" && this.state !== "SYN_SENT") this.#sendControl(TcpFlag.RST | TcpFlag.ACK, this.sndNxt);
    this.#done("reset sent");
  }

  // ---- segments arriving ----------------------------------------------------------

  /**
   * A segment for this connection (tcp_rcv_state_process). True when a
   * TIME_WAIT connection gave way to a new SYN, which the caller hands to the
   * listener (tcp_timewait_state_process → TCP_TW_SYN).
   */
  segmentArrives(seg: TcpRepr): boolean {
    this.#lastReceivedAt = this.host.ns.env.queue.now();
    if (this.state === "SYN_SENT") {
      this.#inSynSent(seg);
      return false;
    }
    if (this.state === "TIME_WAIT") return this.#inTimeWait(seg);
    if (this.state === "CLOSED") return false;
    this.#rememberTimestamp(seg);
    const flags = seg.flags;
    if (flags & TcpFlag.RST) return this.#resetArrives(seg), false;
    if (flags & TcpFlag.SYN) {
      if (this.state === "SYN_RECV" && seg.seq === this.irs && !(flags & TcpFlag.ACK)) this.#sendSynAck();
      else this.#ackNow(); // RFC 5961 §4.2: a SYN in a synchronized state gets a challenge ACK.
      return false;
    }
    if (!(flags & TcpFlag.ACK)) return false;
    if (!this.#ackArrives(seg)) return false;
    this.#dataArrives(seg);
    return false;
  }

  /** An ICMP error about one of our segments (tcp_v4_err): while connecting, a hard error ends the attempt. */
  icmpError(errno: SocketErrno): void {
    if (this.state === "SYN_SENT" || (this.state === "SYN_RECV" && !this.passive)) this.#fail(errno, `ICMP error while connecting: ${errno}`);
    // In a synchronized state the error is only remembered as soft (sk_err_soft) — not modelled.
  }

  #inSynSent(seg: TcpRepr): void {
    const flags = seg.flags;
    const hasAck = (flags & TcpFlag.ACK) !== 0;
    if (hasAck && (seqLe(seg.ack, this.iss) || seqLt(this.sndNxt, seg.ack))) {
      // RFC 9293 §3.10.7.3: an unacceptable ACK gets an RST (unless it is one).
      if (!(flags & TcpFlag.RST)) this.#sendControl(TcpFlag.RST, seg.ack);
      return;
    }
    if (flags & TcpFlag.RST) {
      if (hasAck) this.#fail("ECONNREFUSED", "RST received: nobody listens on that port");
      return;
    }
    if (!(flags & TcpFlag.SYN)) return;
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.#learnPeer(seg);
    this.#rememberTimestamp(seg);
    if (hasAck) {
      this.sndUna = seg.ack;
      this.#cancelRetransmit();
      this.sndWnd = seg.window << (this.#peer.windowScale ?? 0);
      this.#setState("ESTABLISHED", "SYN-ACK received");
      this.#ackNow();
      this.#notify();
      return;
    }
    // Simultaneous open (RFC 9293 §3.5, figure 7).
    this.#setState("SYN_RECV", "SYN received while connecting (simultaneous open)");
    this.#sendSynAck();
  }

  #inTimeWait(seg: TcpRepr): boolean {
    const flags = seg.flags;
    if (flags & TcpFlag.RST) {
      // tcp_rfc1337 = 0: an RST kills a TIME_WAIT connection.
      this.#done("RST in TIME_WAIT");
      return false;
    }
    if (flags & TcpFlag.SYN && !(flags & TcpFlag.ACK) && seqLt(this.rcvNxt, seg.seq)) {
      this.#done("new SYN reuses the TIME_WAIT connection's ports");
      return true;
    }
    if (flags & TcpFlag.FIN) {
      // The peer did not get our last ACK: send it again and restart the 2MSL wait (RFC 9293 §3.10.7.4).
      this.#ackNow();
      this.#armTimeWait();
    }
    return false;
  }

  #resetArrives(seg: TcpRepr): void {
    if (seg.seq !== this.rcvNxt) {
      // RFC 5961 §3.2: an in-window RST that is not exactly at rcv_nxt gets a challenge ACK.
      this.#ackNow();
      return;
    }
    if (this.state === "SYN_RECV" && this.passive) return this.#done("RST received during the handshake");
    if (this.state === "CLOSING" || this.state === "LAST_ACK") return this.#done("RST received while closing");
    this.#fail(this.state === "SYN_RECV" ? "ECONNREFUSED" : "ECONNRESET", "RST received: the peer reset the connection");
  }

  /** The ACK field (RFC 9293 §3.10.7.4, "fifth, check the ACK field"). False: stop processing the segment. */
  #ackArrives(seg: TcpRepr): boolean {
    const ack = seg.ack;
    if (this.state === "SYN_RECV") {
      if (!(seqLt(this.sndUna, ack) && seqLe(ack, this.sndNxt))) {
        this.#sendControl(TcpFlag.RST, ack);
        return false;
      }
      this.sndUna = ack;
      this.#cancelRetransmit();
      this.sndWnd = seg.window << (this.#peer.windowScale ?? 0);
      this.#setState("ESTABLISHED", "handshake completed");
      if (this.passive) this.host.established?.(this);
      this.#notify();
    }
    if (seqLt(this.sndNxt, ack)) {
      // It acknowledges something not yet sent.
      this.#ackNow();
      return false;
    }
    if (seqLt(this.sndUna, ack)) this.#acknowledged(ack);
    this.sndWnd = seg.window << (this.#peer.windowScale ?? 0);
    const finAcked = this.#finSent && ack === this.sndNxt;
    if (finAcked) {
      if (this.state === "FIN_WAIT1") {
        this.#setState("FIN_WAIT2", "our FIN was acknowledged");
        if (!this.owner) this.#armOrphanFinWait2();
      } else if (this.state === "CLOSING") {
        this.#enterTimeWait("our FIN was acknowledged");
      } else if (this.state === "LAST_ACK") {
        this.#done("our FIN was acknowledged");
        return false;
      }
    }
    return true;
  }

  #acknowledged(ack: number): void {
    const flagsCounted = (this.sndUna === this.iss ? 1 : 0);
    const dataAcked = Math.min(this.#sendQueue.length, seqDiff(ack, this.sndUna) - flagsCounted);
    if (dataAcked > 0) {
      this.#sendQueue = this.#sendQueue.slice(dataAcked);
      this.#sent = Math.max(0, this.#sent - dataAcked);
    }
    this.sndUna = ack;
    this.#retransmits = 0;
    this.#rto = MIN_RTO;
    this.#cancelRetransmit();
    if (this.sndUna !== this.sndNxt) this.#armRetransmit();
    this.#notify();
  }

  /** Segment text and FIN ("seventh/eighth" steps). */
  #dataArrives(seg: TcpRepr): void {
    const receiving = this.state === "ESTABLISHED" || this.state === "FIN_WAIT1" || this.state === "FIN_WAIT2";
    const payload = seg.payload;
    if (payload.length > 0) {
      if (!receiving || this.peerClosed) {
        // Data after our side has stopped reading: tcp_reset territory — acknowledge and ignore.
        this.#ackNow();
        return;
      }
      if (seg.seq !== this.rcvNxt) {
        // A duplicate, or past a gap (no reassembly here): say what we expect.
        const fresh = seqLt(seg.seq, this.rcvNxt) ? payload.subarray(Math.min(payload.length, seqDiff(this.rcvNxt, seg.seq))) : undefined;
        if (!fresh || fresh.length === 0) {
          this.#ackNow();
          return;
        }
        this.#accept(fresh);
      } else {
        this.#accept(payload);
      }
      if (!(seg.flags & TcpFlag.FIN)) {
        if (this.#pingpong) this.#scheduleAck();
        else this.#ackNow();
      }
    }
    if (!(seg.flags & TcpFlag.FIN)) return;
    if (seqAdd(seg.seq, payload.length) !== this.rcvNxt && payload.length === 0) {
      if (seqLt(seqAdd(seg.seq, payload.length), this.rcvNxt)) this.#ackNow();
      return;
    }
    if (this.peerClosed) {
      this.#ackNow();
      return;
    }
    this.rcvNxt = seqAdd(this.rcvNxt, 1);
    this.peerClosed = true;
    switch (this.state) {
      case "SYN_RECV":
      case "ESTABLISHED":
        // tcp_fin: CLOSE_WAIT, and "pingpong" — the program will probably close at once, and its FIN can carry the ACK.
        this.#setState("CLOSE_WAIT", "FIN received");
        this.#pingpong = true;
        this.#scheduleAck();
        break;
      case "FIN_WAIT1":
        this.#ackNow();
        this.#setState("CLOSING", "FIN received before our FIN was acknowledged");
        break;
      case "FIN_WAIT2":
        this.#ackNow();
        this.#enterTimeWait("FIN received");
        break;
      default:
        this.#ackNow();
    }
    this.#notify();
  }

  #accept(data: Uint8Array): void {
    this.#received.push(data.slice());
    this.#receivedBytes += data.length;
    this.rcvNxt = seqAdd(this.rcvNxt, data.length);
    this.host.ns.env.trace.emit({
      kind: "socket", namespace: this.host.ns.name, protocol: "tcp", local: endpointText(this.local), remote: endpointText(this.remote),
      change: "delivered", byteCount: data.length, detail: `${data.length} bytes queued for the program`,
    });
    this.#notify();
  }

  // ---- sending -------------------------------------------------------------------

  /** Send what the queue holds and the peer's window allows, then our FIN once everything else went. */
  #output(): void {
    if (this.state !== "ESTABLISHED" && this.state !== "CLOSE_WAIT" && this.state !== "FIN_WAIT1" && this.state !== "LAST_ACK") return;
    const mss = this.#sendMss();
    while (this.#sent < this.#sendQueue.length) {
      const inFlight = seqDiff(this.sndNxt, this.sndUna);
      const room = Math.max(0, this.sndWnd - inFlight);
      if (room === 0) break;
      const size = Math.min(mss, this.#sendQueue.length - this.#sent, room);
      const chunk = this.#sendQueue.subarray(this.#sent, this.#sent + size);
      const last = this.#sent + size === this.#sendQueue.length;
      this.#sendSegment(TcpFlag.ACK | (last ? TcpFlag.PSH : 0), this.sndNxt, chunk);
      this.#sent += size;
      this.sndNxt = seqAdd(this.sndNxt, size);
    }
    if (this.#finQueued && !this.#finSent && this.#sent === this.#sendQueue.length) {
      this.#sendSegment(TcpFlag.FIN | TcpFlag.ACK, this.sndNxt);
      this.#finSent = true;
      this.sndNxt = seqAdd(this.sndNxt, 1);
    }
    if (this.sndUna !== this.sndNxt && !this.#rtx) this.#armRetransmit();
  }

  #sendSyn(): void {
    this.#transmit({ flags: TcpFlag.SYN, seq: this.iss, ack: 0, window: initialWindow(this.#ourMss), options: synOptions(this.#ourMss, this.#tsval()) }, 0);
  }

  #sendSynAck(): void {
    const segmentSize = this.#ourMss - (this.#peer.timestamps ? TIMESTAMP_OPTION_BYTES : 0);
    this.#transmit({
      flags: TcpFlag.SYN | TcpFlag.ACK, seq: this.iss, ack: this.rcvNxt, window: initialWindow(segmentSize),
      options: synAckOptions(this.#ourMss, this.#tsval(), this.#peer),
    }, 0);
  }

  /** A segment of the synchronized connection, carrying the current ACK. */
  #sendSegment(flags: number, seq: number, payload: Uint8Array = new Uint8Array(0)): void {
    this.#cancelDelayedAck();
    this.#transmit({ flags, seq, ack: this.rcvNxt, window: this.#receiveWindow(), options: this.#segmentOptions(), payload });
  }

  #ackNow(): void {
    this.#sendSegment(TcpFlag.ACK, this.sndNxt);
  }

  /** An RST (or RST-ACK) from this connection. */
  #sendControl(flags: number, seq: number): void {
    this.#transmit({ flags, seq, ack: flags & TcpFlag.ACK ? this.rcvNxt : 0, window: 0, options: [] }, 0);
  }

  #transmit(seg: { flags: number; seq: number; ack: number; window: number; options: TcpOption[]; payload?: Uint8Array }, ipId?: number): void {
    const ns = this.host.ns;
    const repr: TcpRepr = {
      srcPort: this.local.port, dstPort: this.remote.port, seq: seg.seq, ack: seg.ack, flags: seg.flags,
      window: seg.window, urgentPointer: 0, options: seg.options, payload: seg.payload ?? new Uint8Array(0),
    };
    const id = ipId ?? this.#ipId;
    if (ipId === undefined) this.#ipId = (this.#ipId + 1) & 0xffff;
    // A segment whose neighbour never answers is simply lost: TCP retransmits (measured: no error reaches connect()).
    ipSendLocal(ns, {
      dst: this.remote.address, src: this.local.address, protocol: IpProtocol.TCP, dontFragment: true, identification: id,
      payload: emitTcp(repr, { src: this.local.address, dst: this.remote.address }),
    });
  }

  #segmentOptions(): TcpOption[] {
    return this.#peer.timestamps ? establishedOptions(this.#tsval(), this.#tsRecent) : [];
  }

  /** The window field after the handshake: a 64 KiB receive buffer, scaled (RFC 7323 §2.3). */
  #receiveWindow(): number {
    const bytes = this.#ourMss >= MAX_MSS ? 65536 : 64256;
    return this.#peer.windowScale !== undefined ? bytes >> LINUX_WSCALE : Math.min(bytes, 65535);
  }

  #sendMss(): number {
    const peerMss = this.#peer.mss ?? 536;
    return Math.min(peerMss, this.#ourMss) - (this.#peer.timestamps ? TIMESTAMP_OPTION_BYTES : 0);
  }

  /** TSval: the millisecond clock plus a per-connection offset (tcp_clock_ms + tsoffset, RFC 7323 §5.4). */
  #tsval(): number {
    return (Math.floor(this.host.ns.env.queue.now() / 1000) + this.#tsOffset) >>> 0;
  }

  #learnPeer(syn: TcpRepr): void {
    this.#peer = readPeerOptions(syn.options);
  }

  #rememberTimestamp(seg: TcpRepr): void {
    for (const o of seg.options) if (o.kind === "timestamps") this.#tsRecent = o.tsval;
  }

  // ---- timers -------------------------------------------------------------------

  #armRetransmit(): void {
    this.#cancelRetransmit();
    this.#rtx = this.host.ns.env.queue.schedule({ after: this.#rto }, () => this.#retransmitTimeout(), `tcp rto ${endpointText(this.local)}`);
  }

  #cancelRetransmit(): void {
    this.#rtx?.cancel();
    this.#rtx = undefined;
  }

  /** tcp_retransmit_timer. */
  #retransmitTimeout(): void {
    this.#rtx = undefined;
    const ns = this.host.ns;
    if (this.state === "SYN_SENT") {
      const limit = synRetryTimeout(ns.sysctl.int("net.ipv4.tcp_syn_retries"));
      if (this.#retransmits > 0 && ns.env.queue.now() - this.#firstSynAt >= limit) return this.#fail("ETIMEDOUT", `no answer to ${this.#retransmits + 1} SYNs`);
      this.#sendSyn();
      this.#retransmits++;
      // The first tcp_syn_linear_timeouts retransmissions keep the initial timeout.
      if (this.#retransmits > ns.sysctl.int("net.ipv4.tcp_syn_linear_timeouts")) this.#rto = Math.min(this.#rto * 2, MAX_RTO);
      this.#armRetransmit();
      return;
    } else if (this.state === "SYN_RECV") {
      if (this.#retransmits >= SYNACK_RETRIES) return this.#done("no ACK for the SYN-ACK");
      this.#sendSynAck();
    } else {
      if (this.sndUna === this.sndNxt) return;
      if (this.#retransmits >= DATA_RETRIES) return this.#fail("ETIMEDOUT", "data never acknowledged");
      this.#retransmitOldest();
    }
    this.#retransmits++;
    this.#rto = Math.min(this.#rto * 2, MAX_RTO);
    this.#armRetransmit();
  }

  /** Send again from snd_una: the first unacknowledged segment, or the FIN. */
  #retransmitOldest(): void {
    const pending = Math.min(this.#sent, this.#sendQueue.length);
    if (pending > 0) {
      const size = Math.min(this.#sendMss(), pending);
      this.#sendSegment(TcpFlag.ACK | (size === pending ? TcpFlag.PSH : 0), this.sndUna, this.#sendQueue.subarray(0, size));
    } else if (this.#finSent) {
      this.#sendSegment(TcpFlag.FIN | TcpFlag.ACK, this.sndUna);
    }
  }

  #scheduleAck(): void {
    if (this.#delack) return;
    this.#delack = this.host.ns.env.queue.schedule({ after: DELAYED_ACK }, () => {
      this.#delack = undefined;
      if (this.state !== "CLOSED" && this.state !== "TIME_WAIT") this.#ackNow();
    }, `tcp delack ${endpointText(this.local)}`);
  }

  #cancelDelayedAck(): void {
    this.#delack?.cancel();
    this.#delack = undefined;
  }

  #enterTimeWait(why: string): void {
    this.#cancelRetransmit();
    this.#cancelDelayedAck();
    this.#setState("TIME_WAIT", why);
    this.#armTimeWait();
    this.#notify();
  }

  #armTimeWait(): void {
    this.#timeWait?.cancel();
    this.#timeWait = this.host.ns.env.queue.schedule({ after: TIME_WAIT_LENGTH }, () => this.#done("TIME_WAIT over"), `tcp time-wait ${endpointText(this.local)}`);
  }

  /** An orphaned FIN_WAIT2 connection waits tcp_fin_timeout for the peer's FIN, then goes. */
  #armOrphanFinWait2(): void {
    this.#timeWait?.cancel();
    const timeout = this.host.ns.sysctl.int("net.ipv4.tcp_fin_timeout") * SECOND;
    this.#timeWait = this.host.ns.env.queue.schedule({ after: timeout }, () => this.#done("tcp_fin_timeout in FIN_WAIT2"), `tcp fin-wait-2 ${endpointText(this.local)}`);
  }

  // ---- endings --------------------------------------------------------------------

  #fail(errno: SocketErrno, why: string): void {
    this.error = errno;
    this.host.ns.env.trace.emit({
      kind: "socket", namespace: this.host.ns.name, protocol: "tcp", local: endpointText(this.local), remote: endpointText(this.remote),
      change: "error", error: errno, detail: why,
    });
    this.#done(why);
  }

  /** tcp_done: CLOSED, out of every table, timers stopped; the program (if any) is told. */
  #done(why = "closed"): void {
    this.#cancelRetransmit();
    this.#cancelDelayedAck();
    this.#timeWait?.cancel();
    this.#timeWait = undefined;
    if (this.state !== "CLOSED") this.#setState("CLOSED", why);
    this.host.forget(this);
    this.#notify();
  }

  #takeError(): SocketErrno {
    const error = this.error!;
    this.error = undefined;
    return error;
  }

  #setState(next: TcpState, why: string): void {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    this.host.ns.env.trace.emit({
      kind: "socket", namespace: this.host.ns.name, protocol: "tcp", local: endpointText(this.local),
      remote: `${formatIpv4(this.remote.address)}:${this.remote.port}`, change: "state", state: next, previousState: previous, detail: why,
    });
  }

  #notify(): void {
    for (const watcher of [...this.#watchers]) watcher();
  }
}
