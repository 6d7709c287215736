/**
 * Default conntrack timeouts (Documentation/networking/nf_conntrack-sysctl.rst;
 * the net.netfilter.nf_conntrack_*_timeout* sysctls), in seconds. Checked on
 * a 6.x kernel: a fresh ICMP or UDP entry lists with 29–30 s left, a UDP
 * flow answered within 2 s keeps 30 s (it becomes a 120 s "stream" only
 * when traffic continues past 2 s).
 */
import { seconds, type Duration } from "../../core";
import type { TcpState } from "./tcp-state";

export const TCP_TIMEOUTS: Readonly<Record<TcpState, Duration>> = {
  NONE: seconds(0),
  SYN_SENT: seconds(120),
  SYN_RECV: seconds(60),
  ESTABLISHED: seconds(432000),
  FIN_WAIT: seconds(120),
  CLOSE_WAIT: seconds(60),
  LAST_ACK: seconds(30),
  TIME_WAIT: seconds(120),
  CLOSE: seconds(10),
  SYN_SENT2: seconds(120),
};

/** nf_conntrack_udp_timeout: a flow not (yet) seen as a stream. */
export const UDP_TIMEOUT: Duration = seconds(30);
/** nf_conntrack_udp_timeout_stream. */
export const UDP_STREAM_TIMEOUT: Duration = seconds(120);
/** A UDP flow still active this long after it began counts as a stream (ct->proto.udp.stream_ts, 6.x). */
export const UDP_STREAM_AFTER: Duration = seconds(2);
export const ICMP_TIMEOUT: Duration = seconds(30);
/** nf_conntrack_generic_timeout: any other protocol. */
export const GENERIC_TIMEOUT: Duration = seconds(600);
