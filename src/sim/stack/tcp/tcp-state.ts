/**
 * The TCP connection states of RFC 9293 §3.3.2, by the names the kernel
 * gives them (include/net/tcp_states.h), and how the tools print them:
 * `ss` uses short dashed names (misc/ss.c sstate_name: "ESTAB",
 * "TIME-WAIT", "UNCONN" for a closed socket), net-tools' `netstat` the
 * kernel's own with underscores ("ESTABLISHED", "TIME_WAIT", "CLOSE").
 */

export type TcpState =
  | "CLOSED"
  | "LISTEN"
  | "SYN_SENT"
  | "SYN_RECV"
  | "ESTABLISHED"
  | "FIN_WAIT1"
  | "FIN_WAIT2"
  | "CLOSE_WAIT"
  | "CLOSING"
  | "LAST_ACK"
  | "TIME_WAIT";

const SS_NAMES: Readonly<Record<TcpState, string>> = {
  CLOSED: "UNCONN",
  LISTEN: "LISTEN",
  SYN_SENT: "SYN-SENT",
  SYN_RECV: "SYN-RECV",
  ESTABLISHED: "ESTAB",
  FIN_WAIT1: "FIN-WAIT-1",
  FIN_WAIT2: "FIN-WAIT-2",
  CLOSE_WAIT: "CLOSE-WAIT",
  CLOSING: "CLOSING",
  LAST_ACK: "LAST-ACK",
  TIME_WAIT: "TIME-WAIT",
};

const NETSTAT_NAMES: Readonly<Record<TcpState, string>> = {
  CLOSED: "CLOSE",
  LISTEN: "LISTEN",
  SYN_SENT: "SYN_SENT",
  SYN_RECV: "SYN_RECV",
  ESTABLISHED: "ESTABLISHED",
  FIN_WAIT1: "FIN_WAIT1",
  FIN_WAIT2: "FIN_WAIT2",
  CLOSE_WAIT: "CLOSE_WAIT",
  CLOSING: "CLOSING",
  LAST_ACK: "LAST_ACK",
  TIME_WAIT: "TIME_WAIT",
};

/** As `ss` prints the state column. */
export function ssStateName(state: TcpState): string {
  return SS_NAMES[state];
}

/** As `netstat` prints the state column (net-tools tcp_state[]). */
export function netstatStateName(state: TcpState): string {
  return NETSTAT_NAMES[state];
}

/** States in which the connection is synchronized (RFC 9293 §3.5): both sides have seen each other's SYN. */
export function isSynchronized(state: TcpState): boolean {
  return state !== "CLOSED" && state !== "LISTEN" && state !== "SYN_SENT" && state !== "SYN_RECV";
}
