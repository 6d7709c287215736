/**
 * The decoder's ICMP layer (RFC 792), with the offending datagram an error
 * quotes decoded beneath it, summarised as tcpdump does.
 */
import { formatIpv4 } from "../addr";
import { printableAscii, readU16, readU32 } from "../core";
import { checksumIsValid } from "./checksum";
import { checksumValue, checksumWithFieldZeroed, type Decoding, hexValue } from "./decode-support";
import { IcmpType, parseIcmp, type IcmpRepr } from "./icmp";
import { describeIcmpForTcpdump } from "./icmp-text";
import type { Ipv4HeaderView } from "./ipv4";
import { LayerBuilder } from "./layer-builder";
import { describeWireError, hex16 } from "./wire-error";

/** How the quoted datagram is decoded: decode-ipv4 passes itself, which keeps the two modules acyclic. */
export type QuotedDecoder = (out: Decoding, bytes: Uint8Array, base: number, prefix: string, quoted: boolean) => { readonly header?: Ipv4HeaderView };

export function decodeIcmp(out: Decoding, bytes: Uint8Array, base: number, prefix: string, quoted: boolean, decodeQuoted: QuotedDecoder): string {
  const layer = new LayerBuilder("icmp", bytes, base, prefix, quoted);
  layer.title = "Internet Control Message Protocol";
  const index = out.layers.push(layer.build()) - 1;
  const type = bytes[0] ?? 0;
  const code = bytes[1] ?? 0;
  layer.field("icmp.type", "Type", 0, 1, () => `${type} (${icmpTypeName(type)})`);
  layer.field("icmp.code", "Code", 1, 1, () => String(code));
  const stored = readU16(bytes, 2);
  if (quoted) {
    // A quoted message is cut short, so its checksum cannot be checked.
    layer.field("icmp.checksum", "Checksum", 2, 2, () => hex16(stored));
  } else if (bytes.length >= 8) {
    const check = checksumValue(stored, checksumIsValid(bytes), () => checksumWithFieldZeroed(bytes, 2));
    layer.field("icmp.checksum", "Checksum", 2, 2, () => check.value, check.problem ? { problem: check.problem } : {});
  }
  const parsed = parseIcmp(bytes, { verifyChecksum: false });
  if (!parsed.ok) {
    layer.problems.push(describeWireError(parsed.error));
    out.layers[index] = layer.build();
    return `ICMP ${describeWireError(parsed.error)}`;
  }
  const icmp = parsed.value;
  layer.length = icmp.kind === "echo-request" || icmp.kind === "echo-reply" || icmp.kind === "other" ? bytes.length : 8;
  addIcmpRestFields(layer, icmp, bytes);
  if (!quoted && !checksumIsValid(bytes)) layer.problems.push(`bad checksum ${hex16(stored)}`);
  out.layers[index] = layer.build();
  let quotedHeader: Ipv4HeaderView | undefined;
  let quotedTransport: Uint8Array = new Uint8Array(0);
  if ("original" in icmp && icmp.original.length > 0 && !quoted) {
    const inner = decodeQuoted(out, icmp.original, base + 8, `${prefix}icmp.original.`, true);
    quotedHeader = inner.header;
    if (quotedHeader) quotedTransport = icmp.original.subarray(quotedHeader.headerLength);
  }
  return `ICMP ${describeIcmpForTcpdump(icmp, quotedHeader, quotedTransport)}, length ${bytes.length}`;
}

function addIcmpRestFields(layer: LayerBuilder, icmp: IcmpRepr, bytes: Uint8Array): void {
  switch (icmp.kind) {
    case "echo-request":
    case "echo-reply":
      layer.field("icmp.ident", "Identifier", 4, 2, () => `${icmp.identifier} (${hexValue(icmp.identifier, 4)})`);
      layer.field("icmp.seq", "Sequence Number", 6, 2, () => String(icmp.sequence));
      if (icmp.data.length > 0) layer.field("icmp.data", "Data", 8, icmp.data.length, () => `(${icmp.data.length} bytes) ${printableAscii(icmp.data)}`);
      return;
    case "destination-unreachable":
      layer.field("icmp.unused", "Unused", 4, 2, () => hexValue(readU16(bytes, 4), 4));
      layer.field("icmp.mtu", "MTU of next hop", 6, 2, () => String(icmp.nextHopMtu));
      return;
    case "time-exceeded":
      layer.field("icmp.unused", "Unused", 4, 4, () => hexValue(readU32(bytes, 4), 8));
      return;
    case "redirect":
      layer.field("icmp.gateway", "Gateway Address", 4, 4, () => formatIpv4(icmp.gateway));
      return;
    case "parameter-problem":
      layer.field("icmp.pointer", "Pointer", 4, 1, () => String(icmp.pointer));
      return;
    case "other":
      layer.field("icmp.rest", "Rest of header", 4, 4, () => hexValue(icmp.rest, 8));
      if (icmp.data.length > 0) layer.field("icmp.data", "Data", 8, icmp.data.length, () => `(${icmp.data.length} bytes)`);
      return;
  }
}

function icmpTypeName(type: number): string {
  switch (type) {
    case IcmpType.ECHO_REPLY:
      return "Echo (ping) reply";
    case IcmpType.DEST_UNREACHABLE:
      return "Destination unreachable";
    case IcmpType.REDIRECT:
      return "Redirect";
    case IcmpType.ECHO_REQUEST:
      return "Echo (ping) request";
    case IcmpType.TIME_EXCEEDED:
      return "Time-to-live exceeded";
    case IcmpType.PARAMETER_PROBLEM:
      return "Parameter problem";
    default:
      return "Unknown";
  }
}
