/**
 * Netmasks and prefix lengths. A netmask is a prefix length written as an
 * address: `prefix` one bits from the left, then zeros (RFC 4632 §3.1; RFC 950
 * once allowed non-contiguous masks, RFC 1812 §2.2.5.2 forbids them and Linux
 * stores only a prefix length, so a non-contiguous mask has no meaning).
 */
import type { Checked } from "./explorer-types";
import { type Ipv4Address, IPV4_BITS, formatIpv4, ipv4FromNumber, parseIpv4 } from "./ipv4";
import { fail, ok, quote } from "./problem";

/** The mask as a signed 32-bit pattern, for use inside bitwise expressions. */
export function ipv4MaskBits(prefix: number): number {
  // `x << 32` is `x << 0` in JavaScript, so /0 needs its own case.
  return prefix === 0 ? 0 : -1 << (IPV4_BITS - prefix);
}

export function ipv4PrefixToMask(prefix: number): Ipv4Address {
  return ipv4FromNumber(ipv4MaskBits(prefix));
}

/** The wildcard (inverse) mask, as used by Cisco ACLs and OSPF: the host bits set. */
export function ipv4Wildcard(prefix: number): Ipv4Address {
  return ipv4FromNumber(~ipv4MaskBits(prefix));
}

/** The prefix length of a contiguous mask, or null when its one bits have gaps. */
export function ipv4MaskToPrefix(mask: Ipv4Address): number | null {
  const hostBits = ~mask >>> 0;
  // The host part of a valid mask is 2^k − 1: adding one carries through every bit.
  if ((hostBits & (hostBits + 1)) !== 0) return null;
  return Math.clz32(hostBits);
}

/** How many one bits a mask starts with: the nearest valid mask to a broken one. */
export function ipv4LeadingOnes(mask: Ipv4Address): number {
  return Math.clz32(~mask >>> 0);
}

/**
 * Read a dotted mask such as 255.255.255.0 and return its prefix length.
 * Problems name the nearest valid mask, and spot a wildcard mask typed in
 * place of a netmask (0.0.0.255 for 255.255.255.0).
 */
export function parseIpv4Mask(text: string, base = 0): Checked<number> {
  const parsed = parseIpv4(text, base);
  if (!parsed.ok) return parsed;
  const mask = parsed.value;
  const prefix = ipv4MaskToPrefix(mask);
  if (prefix !== null) return ok(prefix);
  const inverse = ipv4MaskToPrefix(ipv4FromNumber(~mask));
  if (inverse !== null) {
    return fail(
      `${quote(text)} is a wildcard (inverse) mask, not a netmask: its 1 bits are on the right.`,
      base,
      `The netmask with the same host part is ${formatIpv4(ipv4PrefixToMask(inverse))} (/${inverse}).`,
    );
  }
  const near = ipv4LeadingOnes(mask);
  return fail(
    `${text} is not a valid mask: the 1 bits must be contiguous from the left.`,
    base + firstBrokenOctet(text, near),
    `Did you mean ${formatIpv4(ipv4PrefixToMask(near))} (/${near})?`,
  );
}

/** Offset, inside a valid dotted quad, of the octet holding the first bit after the leading ones. */
function firstBrokenOctet(text: string, leadingOnes: number): number {
  const octet = Math.min(3, Math.floor(leadingOnes / 8));
  let offset = 0;
  for (let i = 0; i < octet; i++) offset = text.indexOf(".", offset) + 1;
  return offset;
}
