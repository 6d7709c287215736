/**
 * Ethernet (EUI-48) addresses. A MacAddress is its canonical text — six
 * lowercase two-digit hex groups joined by colons, exactly as iproute2 prints
 * `link/ether 02:00:00:00:0a:01` — so it compares with ===, keys a Map (a
 * bridge FDB) and crosses the worker boundary as is.
 */
import { err, ok, type Result } from "../core";
import { hexByte } from "../core";

export type MacAddress = string & { readonly __brand: "MacAddress" };

export const MAC_LENGTH = 6;

export const BROADCAST_MAC = "ff:ff:ff:ff:ff:ff" as MacAddress;
export const ZERO_MAC = "00:00:00:00:00:00" as MacAddress;

/** The address in `bytes` at `offset` (6 bytes; missing bytes read as 0). */
export function macFromBytes(bytes: Uint8Array, offset = 0): MacAddress {
  let text = hexByte(bytes[offset] ?? 0);
  for (let i = 1; i < MAC_LENGTH; i++) text += ":" + hexByte(bytes[offset + i] ?? 0);
  return text as MacAddress;
}

export function macToBytes(mac: MacAddress): Uint8Array {
  const out = new Uint8Array(MAC_LENGTH);
  writeMac(out, 0, mac);
  return out;
}

export function writeMac(bytes: Uint8Array, offset: number, mac: MacAddress): void {
  for (let i = 0; i < MAC_LENGTH; i++) bytes[offset + i] = parseInt(mac.slice(3 * i, 3 * i + 2), 16);
}

/**
 * Parse a MAC as `ip link set dev D address …` accepts it (iproute2
 * ll_addr_a2n): six hex groups of one or two digits separated by ':',
 * any case. Returns the canonical form.
 */
export function parseMac(text: string): Result<MacAddress, string> {
  const groups = text.split(":");
  if (groups.length !== MAC_LENGTH) return err(`"${text}" is not a MAC address: it needs six groups separated by ':'`);
  const bytes = new Uint8Array(MAC_LENGTH);
  for (let i = 0; i < MAC_LENGTH; i++) {
    const group = groups[i]!;
    if (!/^[0-9a-fA-F]{1,2}$/.test(group)) return err(`"${text}" is not a MAC address: "${group}" is not one or two hex digits`);
    bytes[i] = parseInt(group, 16);
  }
  return ok(macFromBytes(bytes));
}

function firstOctet(mac: MacAddress): number {
  return parseInt(mac.slice(0, 2), 16);
}

/** The I/G bit (least significant bit of the first octet, IEEE 802-2014 §8.2): a group address. Broadcast is one too. */
export function isMulticastMac(mac: MacAddress): boolean {
  return (firstOctet(mac) & 0x01) !== 0;
}

export function isBroadcastMac(mac: MacAddress): boolean {
  return mac === BROADCAST_MAC;
}

export function isUnicastMac(mac: MacAddress): boolean {
  return !isMulticastMac(mac);
}

/** The U/L bit: set for addresses not assigned from a vendor OUI, e.g. Linux's random veth MACs. */
export function isLocallyAdministeredMac(mac: MacAddress): boolean {
  return (firstOctet(mac) & 0x02) !== 0;
}

export function isZeroMac(mac: MacAddress): boolean {
  return mac === ZERO_MAC;
}

/** Linux's is_valid_ether_addr(): not multicast and not all zeros — what a device may use as its own address. */
export function isValidDeviceMac(mac: MacAddress): boolean {
  return !isMulticastMac(mac) && !isZeroMac(mac);
}
