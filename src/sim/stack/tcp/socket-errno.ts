/**
 * The errors a socket call or a pending socket error (SO_ERROR) reports:
 * the link layer's errnos plus those only sockets give, with glibc's
 * strerror(3) text — what nc prints after "connect to … failed: ".
 *
 * `icmpErrno` is icmp_err_convert[] (net/ipv4/icmp.c): the errno an ICMP
 * destination-unreachable code means to a socket, and whether RFC 1122
 * counts it as a hard error.
 */
import { strerror, type Errno } from "../../link";

export type SocketErrno =
  | Errno
  | "ECONNREFUSED"
  | "ETIMEDOUT"
  | "ECONNRESET"
  | "EPIPE"
  | "ENOTCONN"
  | "EISCONN"
  | "EALREADY"
  | "EINPROGRESS"
  | "ENOPROTOOPT"
  | "EHOSTDOWN"
  | "ENONET";

const SOCKET_STRERROR: Readonly<Record<Exclude<SocketErrno, Errno>, string>> = {
  ECONNREFUSED: "Connection refused",
  ETIMEDOUT: "Connection timed out",
  ECONNRESET: "Connection reset by peer",
  EPIPE: "Broken pipe",
  ENOTCONN: "Transport endpoint is not connected",
  EISCONN: "Transport endpoint is already connected",
  EALREADY: "Operation already in progress",
  EINPROGRESS: "Operation now in progress",
  ENOPROTOOPT: "Protocol not available",
  EHOSTDOWN: "Host is down",
  ENONET: "Machine is not on the network",
};

export function socketStrerror(errno: SocketErrno): string {
  return errno in SOCKET_STRERROR ? SOCKET_STRERROR[errno as keyof typeof SOCKET_STRERROR] : strerror(errno as Errno);
}

/** icmp_err_convert[code] for destination unreachable (codes 0–15); time exceeded is EHOSTUNREACH. */
const UNREACH_ERRNO: readonly (readonly [SocketErrno, boolean])[] = [
  ["ENETUNREACH", false], // 0 network unreachable
  ["EHOSTUNREACH", false], // 1 host unreachable
  ["ENOPROTOOPT", true], // 2 protocol unreachable
  ["ECONNREFUSED", true], // 3 port unreachable
  ["EMSGSIZE", false], // 4 fragmentation needed
  ["EOPNOTSUPP", false], // 5 source route failed
  ["ENETUNREACH", true], // 6 network unknown
  ["EHOSTDOWN", true], // 7 host unknown
  ["ENONET", true], // 8 host isolated
  ["ENETUNREACH", true], // 9 network administratively prohibited
  ["EHOSTUNREACH", true], // 10 host administratively prohibited
  ["ENETUNREACH", false], // 11 network unreachable for TOS
  ["EHOSTUNREACH", false], // 12 host unreachable for TOS
  ["EHOSTUNREACH", true], // 13 communication administratively prohibited
  ["EHOSTUNREACH", true], // 14 host precedence violation
  ["EHOSTUNREACH", true], // 15 precedence cutoff
];

export function icmpErrno(type: number, code: number): { readonly errno: SocketErrno; readonly fatal: boolean } | undefined {
  if (type === 11) return { errno: "EHOSTUNREACH", fatal: false };
  if (type !== 3) return undefined;
  const entry = UNREACH_ERRNO[code];
  return entry ? { errno: entry[0], fatal: entry[1] } : undefined;
}
