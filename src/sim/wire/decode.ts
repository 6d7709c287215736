/**
 * The packet inspector's decoder: a frame in, its layers out — Ethernet, then
 * ARP or IPv4, then ICMP (with the datagram an error quotes), UDP or TCP —
 * each field with its byte span, and a summary line worded as tcpdump words
 * it. It reads fields straight from the bytes, so a truncated or corrupt
 * frame still shows everything that is there, with the problem named.
 * Never throws.
 */
import type { BytesFormat } from "../core";
import { readU16, toHex } from "../core";
import { decodeArp } from "./decode-arp";
import { decodeIpv4 } from "./decode-ipv4";
import { type Decoding, hexValue, pushData } from "./decode-support";
import type { DecodedFrame } from "./decoded-frame";
import { ETHERNET_HEADER_LENGTH, EtherType, etherTypeName } from "./ethernet";
import { LayerBuilder } from "./layer-builder";
import { macFromBytes } from "./mac-address";

/** Decode an Ethernet frame as captured on a device (no preamble, no FCS). */
export function decodeFrame(frame: Uint8Array): DecodedFrame {
  const out: Decoding = { layers: [] };
  const summary = decodeEthernet(out, frame);
  return { length: frame.length, layers: out.layers, summary };
}

/** Decode a bare IPv4 packet (a drop recorded before or after the link layer). */
export function decodeIpv4Packet(packet: Uint8Array): DecodedFrame {
  const out: Decoding = { layers: [] };
  const { summary } = decodeIpv4(out, packet, 0, "", false);
  return { length: packet.length, layers: out.layers, summary };
}

/** Decode bytes in the format a trace event names. */
export function decodeBytes(bytes: Uint8Array, format: BytesFormat): DecodedFrame {
  return format === "ethernet" ? decodeFrame(bytes) : decodeIpv4Packet(bytes);
}

function decodeEthernet(out: Decoding, frame: Uint8Array): string {
  const layer = new LayerBuilder("ethernet", frame, 0, "", false);
  layer.title = "Ethernet II";
  layer.length = ETHERNET_HEADER_LENGTH;
  // Pushed now so it comes first; rebuilt at the end once padding is known.
  const index = out.layers.push(layer.build()) - 1;
  layer.field("eth.dst", "Destination", 0, 6, () => macFromBytes(frame, 0));
  layer.field("eth.src", "Source", 6, 6, () => macFromBytes(frame, 6));
  const ethertype = readU16(frame, 12);
  layer.field("eth.type", "Type", 12, 2, () => `${etherTypeName(ethertype)} (${hexValue(ethertype, 4)})`);
  if (frame.length < ETHERNET_HEADER_LENGTH) {
    layer.problems.push(`truncated: an Ethernet header needs 14 bytes, the frame has ${frame.length}`);
    out.layers[index] = layer.build();
    return `truncated Ethernet frame, length ${frame.length}`;
  }
  layer.title = `Ethernet II, Src: ${macFromBytes(frame, 6)}, Dst: ${macFromBytes(frame, 0)}`;
  const payload = frame.subarray(ETHERNET_HEADER_LENGTH);
  let summary: string;
  let used = payload.length;
  if (ethertype === EtherType.ARP) {
    ({ summary, used } = decodeArp(out, payload, ETHERNET_HEADER_LENGTH));
  } else if (ethertype === EtherType.IPV4) {
    ({ summary, used } = decodeIpv4(out, payload, ETHERNET_HEADER_LENGTH, "", false));
  } else {
    pushData(out, payload, ETHERNET_HEADER_LENGTH, "");
    summary = `ethertype ${etherTypeName(ethertype)} (${hexValue(ethertype, 4)}), length ${frame.length}`;
  }
  if (used < payload.length) {
    // Bytes after the inner packet: a NIC's padding to the 60-byte minimum.
    layer.field("eth.padding", "Padding", ETHERNET_HEADER_LENGTH + used, payload.length - used, () => toHex(payload.subarray(used)));
  }
  out.layers[index] = layer.build();
  return summary;
}
