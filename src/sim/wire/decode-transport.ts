/**
 * The decoder's UDP (RFC 768) and TCP (RFC 9293 §3.1) layers, checksums
 * verified against the carrying IPv4 header, summarised as tcpdump does.
 */
import { formatIpv4 } from "../addr";
import { readU16, readU32 } from "../core";
import { checksumValue, type Decoding, hexValue, pushData } from "./decode-support";
import { LayerBuilder } from "./layer-builder";
import { tcpChecksum, TcpField, TcpFlag, tcpFlagNames, tcpFlagsText } from "./tcp";
import { formatTcpOption, formatTcpOptions, parseTcpOptions } from "./tcp-options";
import { udpChecksum, type Ipv4Endpoints } from "./udp";
import { describeWireError, hex16 } from "./wire-error";

export function decodeUdp(out: Decoding, bytes: Uint8Array, base: number, prefix: string, quoted: boolean, ip: Ipv4Endpoints): string {
  const layer = new LayerBuilder("udp", bytes, base, prefix, quoted);
  layer.length = 8;
  const srcPort = readU16(bytes, 0);
  const dstPort = readU16(bytes, 2);
  const length = readU16(bytes, 4);
  const stored = readU16(bytes, 6);
  layer.title = `User Datagram Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`;
  layer.field("udp.srcport", "Source Port", 0, 2, () => String(srcPort));
  layer.field("udp.dstport", "Destination Port", 2, 2, () => String(dstPort));
  layer.field("udp.length", "Length", 4, 2, () => String(length));
  const complete = !quoted && bytes.length >= 8 && length >= 8 && length <= bytes.length;
  if (complete && stored !== 0) {
    const datagram = bytes.subarray(0, length);
    const check = checksumValue(stored, udpChecksum(datagram, ip) === stored, () => udpChecksum(datagram, ip));
    layer.field("udp.checksum", "Checksum", 6, 2, () => check.value, check.problem ? { problem: check.problem } : {});
    if (check.problem) layer.problems.push(`bad checksum ${hex16(stored)}`);
  } else {
    layer.field("udp.checksum", "Checksum", 6, 2, () => (stored === 0 ? "0x0000 [none]" : hex16(stored)));
  }
  if (!quoted) {
    if (bytes.length < 8) layer.problems.push(`truncated: a UDP header needs 8 bytes, has ${bytes.length}`);
    else if (length < 8) layer.problems.push(`length ${length} is shorter than the 8-byte header`);
    else if (length > bytes.length) layer.problems.push(`truncated: length ${length}, but only ${bytes.length} bytes are present`);
  }
  out.layers.push(layer.build());
  const payloadEnd = Math.min(bytes.length, Math.max(8, length));
  if (!quoted && payloadEnd > 8) pushData(out, bytes.subarray(8, payloadEnd), base + 8, prefix);
  return `${formatIpv4(ip.src)}.${srcPort} > ${formatIpv4(ip.dst)}.${dstPort}: UDP, length ${Math.max(0, length - 8)}`;
}

export function decodeTcp(out: Decoding, bytes: Uint8Array, base: number, prefix: string, quoted: boolean, ip: Ipv4Endpoints): string {
  const layer = new LayerBuilder("tcp", bytes, base, prefix, quoted);
  const srcPort = readU16(bytes, 0);
  const dstPort = readU16(bytes, 2);
  const seq = readU32(bytes, 4);
  const ack = readU32(bytes, 8);
  const offsetFlags = readU16(bytes, TcpField.OFFSET_FLAGS);
  const headerLength = (offsetFlags >>> 12) * 4;
  const flags = offsetFlags & 0x0fff;
  const window = readU16(bytes, 14);
  const stored = readU16(bytes, 16);
  const addresses = `${formatIpv4(ip.src)}.${srcPort} > ${formatIpv4(ip.dst)}.${dstPort}`;
  layer.title = `Transmission Control Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`;
  layer.length = Math.max(20, headerLength);
  layer.field("tcp.srcport", "Source Port", 0, 2, () => String(srcPort));
  layer.field("tcp.dstport", "Destination Port", 2, 2, () => String(dstPort));
  layer.field("tcp.seq", "Sequence Number", 4, 4, () => String(seq));
  layer.field("tcp.ack", "Acknowledgment Number", 8, 4, () => String(ack));
  layer.field("tcp.hdr_len", "Header Length", 12, 1, () => `${headerLength} bytes (${headerLength / 4})`, { bits: { offset: 0, length: 4 } });
  layer.field("tcp.flags", "Flags", 12, 2, () => `${hexValue(flags, 3)} (${tcpFlagNames(flags)})`, { bits: { offset: 4, length: 12 } });
  layer.field("tcp.window", "Window", 14, 2, () => String(window));
  const complete = !quoted && headerLength >= 20 && bytes.length >= headerLength;
  if (complete) {
    const check = checksumValue(stored, tcpChecksum(bytes, ip) === stored, () => tcpChecksum(bytes, ip));
    layer.field("tcp.checksum", "Checksum", 16, 2, () => check.value, check.problem ? { problem: check.problem } : {});
    if (check.problem) layer.problems.push(`bad checksum ${hex16(stored)}`);
  } else {
    layer.field("tcp.checksum", "Checksum", 16, 2, () => hex16(stored));
  }
  layer.field("tcp.urgent_pointer", "Urgent Pointer", 18, 2, () => String(readU16(bytes, 18)));
  if (quoted) {
    out.layers.push(layer.build());
    return `${addresses}: tcp`;
  }
  if (bytes.length < 20) {
    layer.problems.push(`truncated: a TCP header needs 20 bytes, has ${bytes.length}`);
    out.layers.push(layer.build());
    return `${addresses}: tcp ${bytes.length} [|tcp]`;
  }
  if (headerLength < 20 || headerLength > bytes.length) {
    layer.problems.push(headerLength < 20 ? `header length ${headerLength} is below the minimum 20` : `truncated: header length ${headerLength}, has ${bytes.length}`);
    out.layers.push(layer.build());
    return `${addresses}: Flags [${tcpFlagsText(flags)}], bad header length ${headerLength}`;
  }
  const options = parseTcpOptions(bytes.subarray(20, headerLength));
  let optionsText = "";
  if (!options.ok) {
    layer.problems.push(describeWireError(options.error));
  } else {
    let offset = 20;
    for (const option of options.value) {
      const length = option.kind === "eol" ? headerLength - offset : tcpOptionSize(bytes, offset);
      layer.field(`tcp.option.${option.kind}`, `Option: ${optionName(option.kind)}`, offset, length, () => formatTcpOption(option));
      offset += length;
    }
    if (options.value.length > 0) optionsText = `, options [${formatTcpOptions(options.value)}]`;
  }
  out.layers.push(layer.build());
  const payload = bytes.subarray(headerLength);
  if (payload.length > 0) pushData(out, payload, base + headerLength, prefix);
  // tcpdump print-tcp.c order: flags, seq (a range when there is data), ack, win, urg, options, length.
  let text = `${addresses}: Flags [${tcpFlagsText(flags)}]`;
  if (payload.length > 0) text += `, seq ${seq}:${(seq + payload.length) >>> 0}`;
  else if ((flags & (TcpFlag.SYN | TcpFlag.FIN | TcpFlag.RST)) !== 0) text += `, seq ${seq}`;
  if ((flags & TcpFlag.ACK) !== 0) text += `, ack ${ack}`;
  text += `, win ${window}`;
  if ((flags & TcpFlag.URG) !== 0) text += `, urg ${readU16(bytes, 18)}`;
  return `${text}${optionsText}, length ${payload.length}`;
}

function tcpOptionSize(bytes: Uint8Array, offset: number): number {
  const kind = bytes[offset];
  return kind === 0 || kind === 1 ? 1 : (bytes[offset + 1] ?? 1);
}

function optionName(kind: string): string {
  switch (kind) {
    case "eol":
      return "End of Option List (EOL)";
    case "nop":
      return "No-Operation (NOP)";
    case "mss":
      return "Maximum segment size";
    case "window-scale":
      return "Window scale";
    case "sack-permitted":
      return "SACK permitted";
    case "sack":
      return "SACK";
    case "timestamps":
      return "Timestamps";
    default:
      return "Unknown";
  }
}
