/**
 * The decoder's IPv4 layer (RFC 791 §3.1), then the transport layer it
 * carries. Also decodes the datagram an ICMP error quotes (`quoted`), whose
 * body is cut short and whose keys are prefixed "icmp.original.".
 */
import { formatIpv4, ipv4FromNumber } from "../addr";
import { readU16, readU32, toHex } from "../core";
import { checksumIsValid } from "./checksum";
import { decodeIcmp } from "./decode-icmp";
import { checksumValue, checksumWithFieldZeroed, type Decoding, hexValue, pushData } from "./decode-support";
import { decodeTcp, decodeUdp } from "./decode-transport";
import { IpProtocol, ipProtocolName, parseIpv4Header, type Ipv4HeaderView } from "./ipv4";
import { LayerBuilder } from "./layer-builder";
import { describeWireError, hex16 } from "./wire-error";

export interface Ipv4Decoded {
  readonly summary: string;
  /** Bytes of `bytes` that belong to the datagram (its total length, or all there is). */
  readonly used: number;
  readonly header?: Ipv4HeaderView;
}

export function decodeIpv4(out: Decoding, bytes: Uint8Array, base: number, prefix: string, quoted: boolean): Ipv4Decoded {
  const layer = new LayerBuilder("ipv4", bytes, base, prefix, quoted);
  layer.title = "Internet Protocol Version 4";
  addHeaderFields(layer, bytes);
  // Pushed before the transport layers so the list stays in frame order.
  const index = out.layers.push(layer.build()) - 1;
  const parsed = parseIpv4Header(bytes);
  if (!parsed.ok) {
    layer.problems.push(describeWireError(parsed.error));
    out.layers[index] = layer.build();
    return { summary: `IP ${describeWireError(parsed.error)}`, used: bytes.length };
  }
  const header = parsed.value;
  layer.title = `Internet Protocol Version 4, Src: ${formatIpv4(header.src)}, Dst: ${formatIpv4(header.dst)}`;
  layer.length = header.headerLength;
  const available = Math.min(header.totalLength, bytes.length);
  // A quoted datagram is cut short by design (RFC 792); a real one is not.
  if (available < header.totalLength && !quoted) {
    layer.problems.push(`truncated: total length ${header.totalLength}, but only ${bytes.length} bytes are present`);
  }
  if (!header.checksumValid) layer.problems.push(`bad header checksum ${hex16(header.checksum)}`);
  out.layers[index] = layer.build();
  const payload = bytes.subarray(header.headerLength, available);
  const transport = decodeTransport(out, header, payload, base + header.headerLength, prefix, quoted);
  return { summary: `IP ${transport}`, used: available, header };
}

function decodeTransport(out: Decoding, header: Ipv4HeaderView, payload: Uint8Array, base: number, prefix: string, quoted: boolean): string {
  const addresses = `${formatIpv4(header.src)} > ${formatIpv4(header.dst)}`;
  if (header.fragmentOffset > 0) {
    // Only the first fragment carries the transport header.
    pushData(out, payload, base, prefix);
    return `${addresses}: ip-proto-${header.protocol}`;
  }
  switch (header.protocol) {
    case IpProtocol.ICMP:
      return `${addresses}: ${decodeIcmp(out, payload, base, prefix, quoted, decodeIpv4)}`;
    case IpProtocol.UDP:
      return decodeUdp(out, payload, base, prefix, quoted, header);
    case IpProtocol.TCP:
      return decodeTcp(out, payload, base, prefix, quoted, header);
    default:
      pushData(out, payload, base, prefix);
      return `${addresses}: ip-proto-${header.protocol} ${payload.length}`;
  }
}

/** Every header field whose bytes are present, read directly so a broken header still shows. */
function addHeaderFields(layer: LayerBuilder, bytes: Uint8Array): void {
  const b0 = bytes[0] ?? 0;
  const ihl = (b0 & 0x0f) * 4;
  layer.field("ipv4.version", "Version", 0, 1, () => String(b0 >>> 4), { bits: { offset: 0, length: 4 } });
  layer.field("ipv4.ihl", "Header Length", 0, 1, () => `${ihl} bytes (${b0 & 0x0f})`, { bits: { offset: 4, length: 4 } });
  layer.field("ipv4.dscp", "Differentiated Services Codepoint", 1, 1, () => String((bytes[1] ?? 0) >>> 2), { bits: { offset: 0, length: 6 } });
  layer.field("ipv4.ecn", "Explicit Congestion Notification", 1, 1, () => String((bytes[1] ?? 0) & 3), { bits: { offset: 6, length: 2 } });
  layer.field("ipv4.total_length", "Total Length", 2, 2, () => String(readU16(bytes, 2)));
  layer.field("ipv4.id", "Identification", 4, 2, () => `${hexValue(readU16(bytes, 4), 4)} (${readU16(bytes, 4)})`);
  const flags = readU16(bytes, 6);
  const flag = (mask: number): string => ((flags & mask) !== 0 ? "Set" : "Not set");
  layer.field("ipv4.flags.rb", "Reserved bit", 6, 1, () => flag(0x8000), { bits: { offset: 0, length: 1 } });
  layer.field("ipv4.flags.df", "Don't fragment", 6, 1, () => flag(0x4000), { bits: { offset: 1, length: 1 } });
  layer.field("ipv4.flags.mf", "More fragments", 6, 1, () => flag(0x2000), { bits: { offset: 2, length: 1 } });
  layer.field("ipv4.frag_offset", "Fragment Offset", 6, 2, () => String((flags & 0x1fff) * 8), { bits: { offset: 3, length: 13 } });
  layer.field("ipv4.ttl", "Time to Live", 8, 1, () => String(bytes[8]));
  const protocol = bytes[9] ?? 0;
  layer.field("ipv4.proto", "Protocol", 9, 1, () => `${ipProtocolName(protocol)} (${protocol})`);
  const stored = readU16(bytes, 10);
  if (bytes.length >= 20 && b0 >>> 4 === 4 && ihl >= 20 && bytes.length >= ihl) {
    // Even a quoted header is complete, so its checksum can be checked too.
    const check = checksumValue(stored, checksumIsValid(bytes.subarray(0, ihl)), () => checksumWithFieldZeroed(bytes.subarray(0, ihl), 10));
    layer.field("ipv4.checksum", "Header Checksum", 10, 2, () => check.value, check.problem ? { problem: check.problem } : {});
  } else {
    layer.field("ipv4.checksum", "Header Checksum", 10, 2, () => hex16(stored));
  }
  layer.field("ipv4.src", "Source Address", 12, 4, () => formatIpv4(ipv4FromNumber(readU32(bytes, 12))));
  layer.field("ipv4.dst", "Destination Address", 16, 4, () => formatIpv4(ipv4FromNumber(readU32(bytes, 16))));
  if (ihl > 20) layer.field("ipv4.options", "Options", 20, ihl - 20, () => `(${ihl - 20} bytes) ${toHex(bytes.subarray(20, ihl))}`);
}
