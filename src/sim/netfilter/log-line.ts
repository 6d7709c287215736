/**
 * The text the LOG target writes for an IPv4 packet
 * (nf_log_dump_packet_common + dump_ipv4_packet in
 * net/netfilter/nf_log_syslog.c). Measured on a 6.x kernel:
 *
 *   FWD IN=ra OUT=rb MAC=3a:8f:86:09:44:d9:9a:78:74:b5:0b:18:08:00 SRC=10.0.1.2 DST=10.0.2.2 LEN=84 TOS=0x00 PREC=0x00 TTL=63 ID=21453 DF PROTO=ICMP TYPE=8 CODE=0 ID=30 SEQ=1 
 *   IN= OUT=b1 SRC=10.0.2.2 DST=10.0.2.1 LEN=58 TOS=0x00 PREC=0xC0 TTL=64 ID=55278 PROTO=ICMP TYPE=3 CODE=3 [SRC=10.0.2.1 DST=10.0.2.2 LEN=30 TOS=0x00 PREC=0x00 TTL=63 ID=42831 DF PROTO=UDP SPT=5555 DPT=9999 LEN=10 ] 
 *   CT-INVALID IN=ra OUT=rb MAC=… SRC=10.0.1.2 DST=10.0.2.2 LEN=40 TOS=0x00 PREC=0x00 TTL=63 ID=1406 DF PROTO=TCP SPT=40001 DPT=80 WINDOW=65535 RES=0x00 ACK SYN URGP=0 
 *
 * Every field ends with a space, the last one too. MAC= (the received
 * link-layer header, byte by byte) appears only where there is an input
 * device (PREROUTING, INPUT, FORWARD). An ICMP error's quoted datagram is
 * dumped once, in brackets.
 */
import { formatIpv4, ipv4FromNumber } from "../addr";
import { readU16, readU32 } from "../core";
import { IpProtocol, TcpFlag } from "../wire";

export interface LogLineInput {
  readonly prefix: string;
  readonly inDev?: string;
  readonly outDev?: string;
  /** The received link-layer header, for MAC=; absent for locally generated packets. */
  readonly linkHeader?: Uint8Array;
  readonly packet: Uint8Array;
  readonly tcpSequence?: boolean;
}

export function logLine(input: LogLineInput): string {
  let line = `${input.prefix}IN=${input.inDev ?? ""} OUT=${input.outDev ?? ""} `;
  if (input.inDev !== undefined) line += `MAC=${input.linkHeader ? [...input.linkHeader].map(hex2).join(":") : ""} `;
  return line + dumpIpv4(input.packet, 0, input.tcpSequence ?? false);
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, "0");
}

function dumpIpv4(bytes: Uint8Array, at: number, tcpSequence: boolean): string {
  if (bytes.length < at + 20) return `TRUNCATED `;
  const ihl = (bytes[at]! & 0x0f) * 4;
  const tos = bytes[at + 1]!;
  const frag = readU16(bytes, at + 6);
  let s = `SRC=${formatIpv4(ipv4FromNumber(readU32(bytes, at + 12)))} DST=${formatIpv4(ipv4FromNumber(readU32(bytes, at + 16)))} `;
  s += `LEN=${readU16(bytes, at + 2)} TOS=0x${hexUpper(tos & 0x1e)} PREC=0x${hexUpper(tos & 0xe0)} TTL=${bytes[at + 8]!} ID=${readU16(bytes, at + 4)} `;
  if (frag & 0x8000) s += "CE ";
  if (frag & 0x4000) s += "DF ";
  if (frag & 0x2000) s += "MF ";
  const offset = frag & 0x1fff;
  if (offset) s += `FRAG:${offset} `;
  const l4 = at + ihl;
  const available = bytes.length - l4;
  switch (bytes[at + 9]!) {
    case IpProtocol.TCP:
      s += "PROTO=TCP ";
      if (offset) return s;
      if (available < 20) return s + `INCOMPLETE [${Math.max(0, available)} bytes] `;
      return s + dumpTcp(bytes, l4, tcpSequence);
    case IpProtocol.UDP:
      s += "PROTO=UDP ";
      if (offset) return s;
      if (available < 8) return s + `INCOMPLETE [${Math.max(0, available)} bytes] `;
      return s + `SPT=${readU16(bytes, l4)} DPT=${readU16(bytes, l4 + 2)} LEN=${readU16(bytes, l4 + 4)} `;
    case IpProtocol.ICMP:
      s += "PROTO=ICMP ";
      if (offset) return s;
      return s + dumpIcmp(bytes, l4, available, at === 0, tcpSequence);
    default:
      return s + `PROTO=${bytes[at + 9]!} `;
  }
}

function hexUpper(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}

function dumpTcp(bytes: Uint8Array, at: number, tcpSequence: boolean): string {
  let s = `SPT=${readU16(bytes, at)} DPT=${readU16(bytes, at + 2)} `;
  if (tcpSequence) s += `SEQ=${readU32(bytes, at + 4)} ACK=${readU32(bytes, at + 8)} `;
  const word = readU16(bytes, at + 12);
  // RES= is (flag word & TCP_RESERVED_BITS) >> 22: the reserved nibble shifted left by 2.
  s += `WINDOW=${readU16(bytes, at + 14)} RES=0x${hex2(((word >>> 8) & 0x0f) << 2)} `;
  const names: [number, string][] = [
    [TcpFlag.CWR, "CWR"], [TcpFlag.ECE, "ECE"], [TcpFlag.URG, "URG"], [TcpFlag.ACK, "ACK"],
    [TcpFlag.PSH, "PSH"], [TcpFlag.RST, "RST"], [TcpFlag.SYN, "SYN"], [TcpFlag.FIN, "FIN"],
  ];
  for (const [bit, name] of names) if (word & bit) s += `${name} `;
  return s + `URGP=${readU16(bytes, at + 18)} `;
}

/** Minimum ICMP length per type before the kernel prints INCOMPLETE (required_len[] in dump_ipv4_packet). */
function requiredIcmpLength(type: number): number {
  switch (type) {
    case 0: case 8: return 4;
    case 3: case 4: case 5: case 11: case 12: return 8 + 20;
    case 13: case 14: return 20;
    case 17: case 18: return 12;
    default: return 0;
  }
}

function dumpIcmp(bytes: Uint8Array, at: number, available: number, outer: boolean, tcpSequence: boolean): string {
  if (available < 8) return `INCOMPLETE [${Math.max(0, available)} bytes] `;
  const type = bytes[at]!;
  const code = bytes[at + 1]!;
  if (available < requiredIcmpLength(type)) return `INCOMPLETE [${available} bytes] `;
  let s = `TYPE=${type} CODE=${code} `;
  if (type === 0 || type === 8) return s + `ID=${readU16(bytes, at + 4)} SEQ=${readU16(bytes, at + 6)} `;
  if (type === 12) return s + `PARAMETER=${bytes[at + 4]!} `;
  // A redirect names its gateway, then — like unreachable, source quench and time exceeded — quotes a datagram.
  if (type === 5) s += `GATEWAY=${formatIpv4(ipv4FromNumber(readU32(bytes, at + 4)))} `;
  if (type === 3 || type === 4 || type === 5 || type === 11) {
    if (outer) s += `[${dumpIpv4(bytes, at + 8, tcpSequence)}] `;
    if (type === 3 && code === 4) s += `MTU=${readU16(bytes, at + 6)} `;
  }
  return s;
}
