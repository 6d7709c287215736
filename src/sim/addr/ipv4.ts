/**
 * IPv4 addresses as 32-bit unsigned integers. A plain number keeps the hot
 * paths (longest-prefix match, containment) allocation-free; every result is
 * normalised with `>>> 0` because JavaScript's bitwise operators yield signed
 * 32-bit values.
 */
import type { Checked } from "./explorer-types";
import { fail, ok, quote } from "./problem";

/** An IPv4 address, 0 … 2^32 − 1. The brand stops a prefix length or a port passing as an address. */
export type Ipv4Address = number & { readonly __brand: "Ipv4Address" };

export const IPV4_BITS = 32;

/** Wrap any 32-bit pattern (signed or not) as an address. */
export function ipv4FromNumber(value: number): Ipv4Address {
  return (value >>> 0) as Ipv4Address;
}

export function ipv4FromOctets(a: number, b: number, c: number, d: number): Ipv4Address {
  return ipv4FromNumber(((a & 255) << 24) | ((b & 255) << 16) | ((c & 255) << 8) | (d & 255));
}

export function ipv4Octets(address: Ipv4Address): [number, number, number, number] {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
}

/** Dotted-quad text, as inet_ntop(3) prints it. */
export function formatIpv4(address: Ipv4Address): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

/** The address as 32 '0'/'1' characters, most significant bit first. */
export function ipv4Bits(address: Ipv4Address): string {
  return address.toString(2).padStart(IPV4_BITS, "0");
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * Parse a dotted quad exactly as Linux's inet_pton(AF_INET) does: four
 * decimal parts 0–255, no leading zeros (so "010" is not silently octal 8,
 * as inet_aton would read it), nothing else. `base` is where `text` starts
 * inside the student's whole input, so problems point at the right column.
 */
export function parseIpv4(text: string, base = 0): Checked<Ipv4Address> {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      // A digit after a leading zero is what inet_pton rejects.
      if (digits > 0 && octet === 0) return explainIpv4(text, base);
      octet = octet * 10 + (code - ZERO);
      digits++;
      if (octet > 255) return explainIpv4(text, base);
    } else if (code === DOT && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return explainIpv4(text, base);
    }
  }
  if (digits === 0 || dots !== 3) return explainIpv4(text, base);
  return ok(ipv4FromNumber(value * 256 + octet));
}

/** The slow path: find the first thing wrong, left to right, and say it plainly. */
function explainIpv4(text: string, base: number): Checked<Ipv4Address> {
  if (text.length === 0) {
    return fail("An IPv4 address needs four numbers separated by dots.", base, "For example 192.168.1.10.");
  }
  const parts = text.split(".");
  let start = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? "";
    const where = base + start;
    const bad = /[^0-9]/.exec(part);
    if (bad) {
      const ch = bad[0];
      const hint = ch === "," ? "Separate the parts with dots, not commas." : "Only digits and dots belong in an IPv4 address.";
      return fail(`${quote(ch)} cannot appear in an IPv4 address.`, where + bad.index, hint);
    }
    if (part === "") {
      const place = index === 0 ? "before the first dot" : index === parts.length - 1 ? "after the last dot" : "between two dots";
      return fail(`A number is missing ${place}: each of the four parts is 0–255.`, where);
    }
    if (part.length > 1 && part.startsWith("0")) {
      return fail(
        `${quote(part)} has a leading zero, which Linux (inet_pton) rejects: older parsers read it as octal.`,
        where,
        `Write ${String(Number(part))}.`,
      );
    }
    if (Number(part) > 255) {
      return fail(`${part} is not a valid octet: each part is 0–255.`, where);
    }
    if (index === 3 && parts.length > 4) {
      return fail(`Too many parts: an IPv4 address has exactly four (a.b.c.d).`, where + part.length);
    }
    start += part.length + 1;
  }
  return fail(
    `Only ${parts.length} part${parts.length === 1 ? "" : "s"}: an IPv4 address has exactly four (a.b.c.d).`,
    base + text.length,
    // inet_aton(3) accepts shorthand such as 10.1 (= 10.0.0.1); inet_pton does not.
    "Write all four parts; shorthand like 10.1 for 10.0.0.1 is not accepted.",
  );
}
