/**
 * Addresses as iproute2 reads them (lib/utils.c get_addr_ipv4, get_prefix,
 * get_netmask) — laxer than inet_pton: each part is strtoul(…, 0), so
 * "0x0a.0.0.1" and "010.0.0.1" (octal 8) are accepted, and missing parts are
 * zero ("10.7" is 10.7.0.0). "default", "any" and "all" mean 0.0.0.0/0.
 * The arithmetic itself is src/sim/addr's.
 */
import { ipv4Cidr, ipv4FromOctets, ipv4MaskToPrefix, type Ipv4Address, type Ipv4Cidr } from "../../addr";

/** strtoul(text, &end, 0) over the whole text; null when not all of it is a number. */
export function strtoulBase0(text: string): number | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  return null;
}

/** get_addr_ipv4(): one to four parts separated by dots, each 0…255. */
export function readIproute2Ipv4(text: string): Ipv4Address | null {
  const parts = text.split(".");
  if (parts.length > 4) return null;
  const octets = [0, 0, 0, 0];
  for (let i = 0; i < parts.length; i++) {
    const value = strtoulBase0(parts[i] ?? "");
    if (value === null || value > 255) return null;
    octets[i] = value;
  }
  return ipv4FromOctets(octets[0] ?? 0, octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0);
}

/** get_netmask(): a number (base 0) up to 32, or a contiguous dotted mask. */
function readNetmask(text: string): number | null {
  const bits = strtoulBase0(text);
  if (bits !== null) return bits <= 32 ? bits : null;
  const mask = readIproute2Ipv4(text);
  return mask === null ? null : ipv4MaskToPrefix(mask);
}

export interface Iproute2Prefix {
  readonly cidr: Ipv4Cidr;
  /** Whether "/N" was written (a bare address is /32). */
  readonly prefixGiven: boolean;
}

/** get_prefix(AF_INET): ADDR[/N|/MASK], or default/any/all. */
export function readIproute2Prefix(text: string): Iproute2Prefix | null {
  if (text === "default" || text === "any" || text === "all") return { cidr: ipv4Cidr(ipv4FromOctets(0, 0, 0, 0), 0), prefixGiven: true };
  const slash = text.indexOf("/");
  const address = readIproute2Ipv4(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  if (slash < 0) return { cidr: ipv4Cidr(address, 32), prefixGiven: false };
  const prefix = readNetmask(text.slice(slash + 1));
  return prefix === null ? null : { cidr: ipv4Cidr(address, prefix), prefixGiven: true };
}

/** Whether the word looks like an IPv6 address, which this simulator does not route. */
export function looksIpv6(text: string): boolean {
  return text.includes(":");
}
