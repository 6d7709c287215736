/**
 * ARP for IPv4 over Ethernet (RFC 826): hardware type 1, protocol type
 * 0x0800, address lengths 6 and 4 — the only combination Linux's arp_rcv
 * handles on an Ethernet device, and the only one modelled here.
 */
import { err, ok, readU16, readU32, writeU16, writeU32, type Result } from "../core";
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import { EtherType } from "./ethernet";
import { macFromBytes, writeMac, type MacAddress } from "./mac-address";
import { truncated, unsupported, type WireError } from "./wire-error";

export const ARP_LENGTH = 28;
/** ar$hrd for Ethernet (RFC 826 "ar$hrd"; IANA ARP parameters). */
export const ARP_HTYPE_ETHERNET = 1;

export const ArpOperation = {
  REQUEST: 1,
  REPLY: 2,
} as const;

export type ArpOperation = (typeof ArpOperation)[keyof typeof ArpOperation];

export const ArpField = {
  HTYPE: 0,
  PTYPE: 2,
  HLEN: 4,
  PLEN: 5,
  OPER: 6,
  SHA: 8,
  SPA: 14,
  THA: 18,
  TPA: 24,
} as const;

export interface ArpRepr {
  readonly operation: ArpOperation;
  readonly senderMac: MacAddress;
  readonly senderIp: Ipv4Address;
  /** All zeros in a request: the unknown being asked for. */
  readonly targetMac: MacAddress;
  readonly targetIp: Ipv4Address;
}

/**
 * Parse an ARP packet (the Ethernet payload). Bytes past the 28 are padding
 * and ignored.
 */
export function parseArp(bytes: Uint8Array): Result<ArpRepr, WireError> {
  if (bytes.length < ARP_LENGTH) return err(truncated("arp", ARP_LENGTH, bytes.length));
  const htype = readU16(bytes, ArpField.HTYPE);
  if (htype !== ARP_HTYPE_ETHERNET) return err(unsupported("arp", "htype", `hardware type ${htype} is not Ethernet (1)`));
  const ptype = readU16(bytes, ArpField.PTYPE);
  if (ptype !== EtherType.IPV4) return err(unsupported("arp", "ptype", `protocol type 0x${ptype.toString(16).padStart(4, "0")} is not IPv4 (0x0800)`));
  if (bytes[ArpField.HLEN] !== 6 || bytes[ArpField.PLEN] !== 4) {
    return err(unsupported("arp", "hlen", `address lengths ${bytes[ArpField.HLEN]}/${bytes[ArpField.PLEN]} are not 6/4`));
  }
  const operation = readU16(bytes, ArpField.OPER);
  // RFC 826 defines only request and reply; RARP (3, 4) and InARP are other protocols.
  if (operation !== ArpOperation.REQUEST && operation !== ArpOperation.REPLY) {
    return err(unsupported("arp", "oper", `operation ${operation} is neither request (1) nor reply (2)`));
  }
  return ok({
    operation,
    senderMac: macFromBytes(bytes, ArpField.SHA),
    senderIp: ipv4FromNumber(readU32(bytes, ArpField.SPA)),
    targetMac: macFromBytes(bytes, ArpField.THA),
    targetIp: ipv4FromNumber(readU32(bytes, ArpField.TPA)),
  });
}

export function emitArp(repr: ArpRepr): Uint8Array {
  const bytes = new Uint8Array(ARP_LENGTH);
  writeU16(bytes, ArpField.HTYPE, ARP_HTYPE_ETHERNET);
  writeU16(bytes, ArpField.PTYPE, EtherType.IPV4);
  bytes[ArpField.HLEN] = 6;
  bytes[ArpField.PLEN] = 4;
  writeU16(bytes, ArpField.OPER, repr.operation);
  writeMac(bytes, ArpField.SHA, repr.senderMac);
  writeU32(bytes, ArpField.SPA, repr.senderIp);
  writeMac(bytes, ArpField.THA, repr.targetMac);
  writeU32(bytes, ArpField.TPA, repr.targetIp);
  return bytes;
}

/**
 * A gratuitous ARP (RFC 5227 §3 "ARP Announcement", RFC 5944 §4.6): the
 * sender announces its own address, so sender and target IP are equal. Linux
 * sends one as a request when a device comes up with arp_notify set, or
 * `arping -U`/`-A` sends it as a request/reply.
 */
export function isGratuitousArp(repr: ArpRepr): boolean {
  return repr.senderIp === repr.targetIp;
}

/** An ARP probe (RFC 5227 §2.1.1): a request from sender IP 0.0.0.0, checking an address is free. */
export function isArpProbe(repr: ArpRepr): boolean {
  return repr.operation === ArpOperation.REQUEST && repr.senderIp === 0;
}
