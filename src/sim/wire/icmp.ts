/**
 * ICMP for IPv4 (RFC 792): echo request/reply, and the error messages that
 * quote the datagram that caused them — destination unreachable, time
 * exceeded, redirect, parameter problem. The checksum covers the whole ICMP
 * message (RFC 792 "Checksum").
 *
 * How much of the offending datagram an error quotes: RFC 792 asks for "the
 * internet header + 64 bits of original data"; RFC 1812 §4.3.2.3 lets a
 * router quote as much as fits in 576 bytes, and Linux's icmp_send() does
 * exactly that. `original` holds whatever the sender quoted.
 */
import { err, ok, readU16, readU32, writeU16, writeU32, type Result } from "../core";
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import { checksumIsValid, internetChecksum } from "./checksum";
import { truncated, type WireError } from "./wire-error";

export const ICMP_HEADER_LENGTH = 8;

export const IcmpType = {
  ECHO_REPLY: 0,
  DEST_UNREACHABLE: 3,
  REDIRECT: 5,
  ECHO_REQUEST: 8,
  TIME_EXCEEDED: 11,
  PARAMETER_PROBLEM: 12,
} as const;

/** Destination unreachable codes (RFC 792; 6–12 RFC 1122 §3.2.2.1; 13–15 RFC 1812 §5.2.7.1). */
export const UnreachableCode = {
  NET: 0,
  HOST: 1,
  PROTOCOL: 2,
  PORT: 3,
  /** "Fragmentation needed and DF set"; carries the next-hop MTU (RFC 1191 §4). */
  FRAG_NEEDED: 4,
  SOURCE_ROUTE_FAILED: 5,
  NET_UNKNOWN: 6,
  HOST_UNKNOWN: 7,
  HOST_ISOLATED: 8,
  NET_PROHIBITED: 9,
  HOST_PROHIBITED: 10,
  NET_TOS: 11,
  HOST_TOS: 12,
  /** "Communication administratively prohibited": `ip route add prohibit`, iptables REJECT --reject-with icmp-admin-prohibited. */
  ADMIN_PROHIBITED: 13,
  HOST_PRECEDENCE_VIOLATION: 14,
  PRECEDENCE_CUTOFF: 15,
} as const;

export const TimeExceededCode = {
  /** TTL reached zero in transit (what traceroute provokes). */
  TTL: 0,
  FRAGMENT_REASSEMBLY: 1,
} as const;

export const RedirectCode = {
  NET: 0,
  HOST: 1,
  TOS_NET: 2,
  TOS_HOST: 3,
} as const;

export interface IcmpEcho {
  readonly kind: "echo-request" | "echo-reply";
  readonly identifier: number;
  readonly sequence: number;
  readonly data: Uint8Array;
}

export interface IcmpDestinationUnreachable {
  readonly kind: "destination-unreachable";
  readonly code: number;
  /**
   * Next-hop MTU for code 4 (RFC 1191 §4: the low 16 bits of the second
   * word); 0 otherwise. The word's upper half (unused, or the RFC 4884
   * length Linux does not set for IPv4) is emitted as zero and not kept.
   */
  readonly nextHopMtu: number;
  readonly original: Uint8Array;
}

export interface IcmpTimeExceeded {
  readonly kind: "time-exceeded";
  readonly code: number;
  readonly original: Uint8Array;
}

export interface IcmpRedirect {
  readonly kind: "redirect";
  readonly code: number;
  /** The better first hop (RFC 792 "Gateway Internet Address"). */
  readonly gateway: Ipv4Address;
  readonly original: Uint8Array;
}

export interface IcmpParameterProblem {
  readonly kind: "parameter-problem";
  readonly code: number;
  /** Octet offset of the faulty field in the quoted header (RFC 792). */
  readonly pointer: number;
  readonly original: Uint8Array;
}

/** Any other type (timestamp, source quench…), kept raw so it still round-trips. */
export interface IcmpOther {
  readonly kind: "other";
  readonly type: number;
  readonly code: number;
  /** The second 32-bit word ("rest of header"). */
  readonly rest: number;
  readonly data: Uint8Array;
}

export type IcmpRepr = IcmpEcho | IcmpDestinationUnreachable | IcmpTimeExceeded | IcmpRedirect | IcmpParameterProblem | IcmpOther;

export const IcmpField = {
  TYPE: 0,
  CODE: 1,
  CHECKSUM: 2,
  /** Echo identifier; otherwise the start of the "rest of header" word. */
  REST: 4,
  SEQUENCE: 6,
  DATA: 8,
} as const;

export interface IcmpParseOptions {
  readonly verifyChecksum?: boolean;
}

/** Parse an ICMP message (the IPv4 payload). */
export function parseIcmp(bytes: Uint8Array, options: IcmpParseOptions = {}): Result<IcmpRepr, WireError> {
  if (bytes.length < ICMP_HEADER_LENGTH) return err(truncated("icmp", ICMP_HEADER_LENGTH, bytes.length));
  if ((options.verifyChecksum ?? true) && !checksumIsValid(bytes)) {
    return err({ kind: "bad-checksum", protocol: "icmp", stored: readU16(bytes, IcmpField.CHECKSUM), computed: icmpChecksum(bytes) });
  }
  const type = bytes[IcmpField.TYPE]!;
  const code = bytes[IcmpField.CODE]!;
  const body = bytes.subarray(IcmpField.DATA);
  switch (type) {
    case IcmpType.ECHO_REQUEST:
    case IcmpType.ECHO_REPLY:
      // RFC 792 gives echo only code 0; another code is kept raw rather than dropped.
      if (code !== 0) break;
      return ok({
        kind: type === IcmpType.ECHO_REQUEST ? "echo-request" : "echo-reply",
        identifier: readU16(bytes, IcmpField.REST),
        sequence: readU16(bytes, IcmpField.SEQUENCE),
        data: body,
      });
    case IcmpType.DEST_UNREACHABLE:
      return ok({ kind: "destination-unreachable", code, nextHopMtu: readU16(bytes, IcmpField.SEQUENCE), original: body });
    case IcmpType.TIME_EXCEEDED:
      return ok({ kind: "time-exceeded", code, original: body });
    case IcmpType.REDIRECT:
      return ok({ kind: "redirect", code, gateway: ipv4FromNumber(readU32(bytes, IcmpField.REST)), original: body });
    case IcmpType.PARAMETER_PROBLEM:
      return ok({ kind: "parameter-problem", code, pointer: bytes[IcmpField.REST]!, original: body });
  }
  return ok({ kind: "other", type, code, rest: readU32(bytes, IcmpField.REST), data: body });
}

/** The checksum `bytes` (an ICMP message) should carry. */
function icmpChecksum(bytes: Uint8Array): number {
  const copy = bytes.slice();
  writeU16(copy, IcmpField.CHECKSUM, 0);
  return internetChecksum(copy);
}

export function icmpTypeOf(repr: IcmpRepr): number {
  switch (repr.kind) {
    case "echo-request":
      return IcmpType.ECHO_REQUEST;
    case "echo-reply":
      return IcmpType.ECHO_REPLY;
    case "destination-unreachable":
      return IcmpType.DEST_UNREACHABLE;
    case "time-exceeded":
      return IcmpType.TIME_EXCEEDED;
    case "redirect":
      return IcmpType.REDIRECT;
    case "parameter-problem":
      return IcmpType.PARAMETER_PROBLEM;
    case "other":
      return repr.type;
  }
}

export function icmpCodeOf(repr: IcmpRepr): number {
  return "code" in repr ? repr.code : 0;
}

function bodyOf(repr: IcmpRepr): Uint8Array {
  return "data" in repr ? repr.data : repr.original;
}

/** Serialise with the checksum computed over the whole message. */
export function emitIcmp(repr: IcmpRepr): Uint8Array {
  const body = bodyOf(repr);
  const bytes = new Uint8Array(ICMP_HEADER_LENGTH + body.length);
  bytes[IcmpField.TYPE] = icmpTypeOf(repr);
  bytes[IcmpField.CODE] = icmpCodeOf(repr);
  switch (repr.kind) {
    case "echo-request":
    case "echo-reply":
      writeU16(bytes, IcmpField.REST, repr.identifier);
      writeU16(bytes, IcmpField.SEQUENCE, repr.sequence);
      break;
    case "destination-unreachable":
      writeU16(bytes, IcmpField.SEQUENCE, repr.nextHopMtu);
      break;
    case "redirect":
      writeU32(bytes, IcmpField.REST, repr.gateway);
      break;
    case "parameter-problem":
      bytes[IcmpField.REST] = repr.pointer;
      break;
    case "other":
      writeU32(bytes, IcmpField.REST, repr.rest);
      break;
    case "time-exceeded":
      break;
  }
  bytes.set(body, ICMP_HEADER_LENGTH);
  writeU16(bytes, IcmpField.CHECKSUM, internetChecksum(bytes));
  return bytes;
}

/** True for the messages that report an error about another datagram (RFC 1122 §3.2.2). */
export function isIcmpError(repr: IcmpRepr): repr is IcmpDestinationUnreachable | IcmpTimeExceeded | IcmpRedirect | IcmpParameterProblem {
  return repr.kind === "destination-unreachable" || repr.kind === "time-exceeded" || repr.kind === "redirect" || repr.kind === "parameter-problem";
}
