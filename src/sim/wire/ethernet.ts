/**
 * Ethernet II (DIX) frames: destination, source, EtherType, payload
 * (IEEE 802.3-2018 §3.2.6 with the EtherType interpretation of the
 * length/type field, values ≥ 0x0600). What the simulator and `tcpdump -xx`
 * call a frame starts at the destination address and stops before the FCS:
 * there is no preamble and no frame check sequence here, just as a packet
 * socket sees it.
 *
 * Padding: on a physical NIC, frames shorter than the 64-byte minimum
 * (60 bytes without the FCS, ETH_ZLEN) are zero-padded by the driver or the
 * hardware. veth and bridges never pad — a captured ARP request on a veth is
 * 42 bytes — so emit does not pad either; `padToMinimumFrame` exists for a
 * model of a real NIC. Receivers find the real payload end from the inner
 * protocol (IPv4 total length), never from the frame length.
 */
import { err, ok, readU16, writeU16, type Result } from "../core";
import { macFromBytes, writeMac, type MacAddress } from "./mac-address";
import { truncated, type WireError } from "./wire-error";

export const EtherType = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100,
  IPV6: 0x86dd,
} as const;

export const ETHERNET_HEADER_LENGTH = 14;
/** ETH_ZLEN: the minimum frame without FCS. */
export const ETHERNET_MIN_FRAME = 60;
/** Values below this in the type field are an IEEE 802.3 length, not an EtherType. */
export const ETHERTYPE_MIN = 0x0600;

export const EthernetField = {
  DST: 0,
  SRC: 6,
  ETHERTYPE: 12,
  PAYLOAD: 14,
} as const;

export interface EthernetRepr {
  readonly dst: MacAddress;
  readonly src: MacAddress;
  readonly ethertype: number;
  readonly payload: Uint8Array;
}

export function parseEthernet(frame: Uint8Array): Result<EthernetRepr, WireError> {
  if (frame.length < ETHERNET_HEADER_LENGTH) return err(truncated("ethernet", ETHERNET_HEADER_LENGTH, frame.length));
  return ok({
    dst: macFromBytes(frame, EthernetField.DST),
    src: macFromBytes(frame, EthernetField.SRC),
    ethertype: readU16(frame, EthernetField.ETHERTYPE),
    payload: frame.subarray(EthernetField.PAYLOAD),
  });
}

export function emitEthernet(repr: EthernetRepr): Uint8Array {
  const frame = new Uint8Array(ETHERNET_HEADER_LENGTH + repr.payload.length);
  writeMac(frame, EthernetField.DST, repr.dst);
  writeMac(frame, EthernetField.SRC, repr.src);
  writeU16(frame, EthernetField.ETHERTYPE, repr.ethertype);
  frame.set(repr.payload, EthernetField.PAYLOAD);
  return frame;
}

/** Zero-pad to the 60-byte minimum, as a physical NIC's driver does before transmission. */
export function padToMinimumFrame(frame: Uint8Array): Uint8Array {
  if (frame.length >= ETHERNET_MIN_FRAME) return frame;
  const padded = new Uint8Array(ETHERNET_MIN_FRAME);
  padded.set(frame);
  return padded;
}

export function etherTypeName(ethertype: number): string {
  switch (ethertype) {
    case EtherType.IPV4:
      return "IPv4";
    case EtherType.ARP:
      return "ARP";
    case EtherType.VLAN:
      return "802.1Q";
    case EtherType.IPV6:
      return "IPv6";
    default:
      return ethertype < ETHERTYPE_MIN ? "802.3 length" : "Unknown";
  }
}
