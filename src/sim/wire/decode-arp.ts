/** The decoder's ARP layer (RFC 826), summarised in tcpdump's print-arp.c wording. */
import { formatIpv4, ipv4FromNumber } from "../addr";
import { readU16, readU32 } from "../core";
import { ArpOperation, parseArp } from "./arp";
import { type Decoding, hexValue } from "./decode-support";
import { etherTypeName } from "./ethernet";
import { LayerBuilder } from "./layer-builder";
import { macFromBytes } from "./mac-address";
import { describeWireError } from "./wire-error";

export function decodeArp(out: Decoding, bytes: Uint8Array, base: number): { summary: string; used: number } {
  const layer = new LayerBuilder("arp", bytes, base, "", false);
  layer.length = 28;
  layer.title = "Address Resolution Protocol";
  const oper = readU16(bytes, 6);
  layer.field("arp.htype", "Hardware type", 0, 2, () => (readU16(bytes, 0) === 1 ? "Ethernet (1)" : String(readU16(bytes, 0))));
  layer.field("arp.ptype", "Protocol type", 2, 2, () => `${etherTypeName(readU16(bytes, 2))} (${hexValue(readU16(bytes, 2), 4)})`);
  layer.field("arp.hlen", "Hardware size", 4, 1, () => String(bytes[4]));
  layer.field("arp.plen", "Protocol size", 5, 1, () => String(bytes[5]));
  layer.field("arp.opcode", "Opcode", 6, 2, () => `${oper === 1 ? "request" : oper === 2 ? "reply" : "unknown"} (${oper})`);
  layer.field("arp.sender_mac", "Sender MAC address", 8, 6, () => macFromBytes(bytes, 8));
  layer.field("arp.sender_ip", "Sender IP address", 14, 4, () => formatIpv4(ipv4FromNumber(readU32(bytes, 14))));
  layer.field("arp.target_mac", "Target MAC address", 18, 6, () => macFromBytes(bytes, 18));
  layer.field("arp.target_ip", "Target IP address", 24, 4, () => formatIpv4(ipv4FromNumber(readU32(bytes, 24))));
  const parsed = parseArp(bytes);
  let summary: string;
  if (!parsed.ok) {
    layer.problems.push(describeWireError(parsed.error));
    summary = `ARP, ${describeWireError(parsed.error)}`;
  } else {
    const arp = parsed.value;
    const gratuitous = arp.senderIp === arp.targetIp;
    const kind = arp.operation === ArpOperation.REQUEST ? "request" : "reply";
    layer.title = `Address Resolution Protocol (${gratuitous ? `gratuitous ${kind}` : kind})`;
    // tcpdump print-arp.c wording.
    summary =
      arp.operation === ArpOperation.REQUEST
        ? `ARP, Request who-has ${formatIpv4(arp.targetIp)} tell ${formatIpv4(arp.senderIp)}, length ${bytes.length}`
        : `ARP, Reply ${formatIpv4(arp.senderIp)} is-at ${arp.senderMac}, length ${bytes.length}`;
  }
  out.layers.push(layer.build());
  return { summary, used: Math.min(28, bytes.length) };
}
