/**
 * REJECT's --reject-with types and the ICMP code each sends
 * (ipt_REJECT.c; RFC 792, RFC 1122 §3.2.2.1, RFC 1812 §5.2.7.1). The
 * default is icmp-port-unreachable. Errors go through icmp_send(), so the
 * per-destination ICMP rate limit applies — measured on a 6.x kernel: 12
 * pings 0.2 s apart against REJECT got 8 "Destination Port Unreachable"
 * (6 at once, then 1/s).
 */
import { UnreachableCode } from "../wire";
import type { RejectWith } from "./rule";

export const REJECT_ICMP_CODES: Readonly<Record<Exclude<RejectWith, "tcp-reset">, number>> = {
  "icmp-net-unreachable": UnreachableCode.NET,
  "icmp-host-unreachable": UnreachableCode.HOST,
  "icmp-port-unreachable": UnreachableCode.PORT,
  "icmp-proto-unreachable": UnreachableCode.PROTOCOL,
  "icmp-net-prohibited": UnreachableCode.NET_PROHIBITED,
  "icmp-host-prohibited": UnreachableCode.HOST_PROHIBITED,
  "icmp-admin-prohibited": UnreachableCode.ADMIN_PROHIBITED,
};
