/**
 * What a student types into an address box, in the forms textbooks and
 * tools use:
 *
 *   10.0.0.1/24   10.0.0.1/255.255.255.0   10.0.0.1 255.255.255.0
 *   10.0.0.1      2001:db8::1/64           2001:db8::1
 *
 * A bare address is a single host: /32 or /128, as `ip addr add 10.0.0.1`
 * and `ip route` read it. The classful default (/24 for 211.168.83.0) would
 * be a guess from a scheme obsolete since 1993 (RFC 4632); the borrow
 * planner applies it explicitly, where the textbook question assumes it.
 */
import type { Checked, IpFamily } from "./explorer-types";
import { type Ipv4Address, parseIpv4 } from "./ipv4";
import { parseIpv4Mask } from "./ipv4-mask";
import type { Ipv6Address } from "./ipv6";
import { parseIpv6 } from "./ipv6-parse";
import { familyBits, parsePrefixLength } from "./prefix-length";
import { type Failed, fail, ok, quote } from "./problem";

/** How the prefix length was given: "/24", a dotted mask, or not at all (a host). */
export type PrefixSource = "length" | "mask" | "default";

interface InputCommon {
  prefix: number;
  prefixSource: PrefixSource;
  /** Offset of the prefix or mask in the input (the end of the address when none was given). */
  prefixAt: number;
}

export type AddressInput =
  | (InputCommon & { family: 4; address: Ipv4Address })
  | (InputCommon & { family: 6; address: Ipv6Address });

interface Token {
  text: string;
  at: number;
}

export function parseAddressInput(text: string): Checked<AddressInput> {
  const start = text.search(/\S/);
  if (start < 0) {
    return fail("Type an address, with or without a prefix.", 0, "For example 192.168.1.10/24 or 2001:db8::/48.");
  }
  const body = text.trimEnd();
  const split = splitAddressAndPrefix(body, start);
  if (!("address" in split)) return split;
  const { address, prefix } = split;
  return address.text.includes(":") ? readIpv6(address, prefix) : readIpv4(address, prefix);
}

/** Separate "address/prefix", "address mask" or a bare address, keeping offsets. */
function splitAddressAndPrefix(body: string, start: number): { address: Token; prefix: Token | null } | Failed {
  const slash = body.indexOf("/", start);
  if (slash >= 0) {
    const second = body.indexOf("/", slash + 1);
    if (second >= 0) return fail(`Only one "/" may separate the address from its prefix.`, second);
    const address = token(body, start, slash);
    const blank = address.text.search(/\s/);
    if (blank >= 0) {
      return fail("Give either a mask or a /prefix, not both.", start + blank, "For example 10.0.0.1/24 or 10.0.0.1 255.255.255.0.");
    }
    const after = body.slice(slash + 1);
    const lead = after.length - after.trimStart().length;
    return { address, prefix: { text: after.trimStart(), at: slash + 1 + lead } };
  }
  const gap = body.slice(start).search(/\s/);
  if (gap < 0) return { address: { text: body.slice(start), at: start }, prefix: null };
  const addressEnd = start + gap;
  const maskAt = addressEnd + (body.slice(addressEnd).search(/\S/));
  const mask = body.slice(maskAt);
  const extra = mask.search(/\s/);
  if (extra >= 0) {
    const junkAt = maskAt + extra + mask.slice(extra).search(/\S/);
    return fail(`Unexpected ${quote(body.slice(junkAt))} after the mask.`, junkAt, "Write an address and at most one mask or prefix.");
  }
  return { address: { text: body.slice(start, addressEnd), at: start }, prefix: { text: mask, at: maskAt } };
}

/** The text between two offsets with trailing blanks dropped ("10.0.0.1 / 24" is fine). */
function token(body: string, from: number, to: number): Token {
  return { text: body.slice(from, to).trimEnd(), at: from };
}

function readIpv4(address: Token, prefix: Token | null): Checked<AddressInput> {
  const parsed = parseIpv4(address.text, address.at);
  if (!parsed.ok) return parsed;
  const length = readIpv4Prefix(prefix, address);
  if (!length.ok) return length;
  return ok({ family: 4, address: parsed.value, ...length.value });
}

function readIpv4Prefix(prefix: Token | null, address: Token): Checked<InputCommon> {
  if (prefix === null) return ok(hostPrefix(4, address));
  if (prefix.text.includes(".")) {
    const mask = parseIpv4Mask(prefix.text, prefix.at);
    return mask.ok ? ok({ prefix: mask.value, prefixSource: "mask", prefixAt: prefix.at }) : mask;
  }
  const length = parsePrefixLength(prefix.text, prefix.at, 4);
  return length.ok ? ok({ prefix: length.value, prefixSource: "length", prefixAt: prefix.at }) : length;
}

function readIpv6(address: Token, prefix: Token | null): Checked<AddressInput> {
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address.text);
  if (withPort) {
    const port = address.text.lastIndexOf(":");
    return fail(`${quote(address.text)} looks like an IPv4 address with a port.`, address.at + port, `Type the address alone, e.g. ${withPort[1]}/24.`);
  }
  const parsed = parseIpv6(address.text, address.at);
  if (!parsed.ok) return parsed;
  if (prefix === null) return ok({ family: 6, address: parsed.value, ...hostPrefix(6, address) });
  if (prefix.text.includes(".") || prefix.text.includes(":")) {
    return fail(
      "IPv6 does not use masks: write a prefix length after the address.",
      prefix.at,
      `For example ${address.text}/64.`,
    );
  }
  const length = parsePrefixLength(prefix.text, prefix.at, 6);
  if (!length.ok) return length;
  return ok({ family: 6, address: parsed.value, prefix: length.value, prefixSource: "length", prefixAt: prefix.at });
}

function hostPrefix(family: IpFamily, address: Token): InputCommon {
  return { prefix: familyBits(family), prefixSource: "default", prefixAt: address.at + address.text.length };
}
