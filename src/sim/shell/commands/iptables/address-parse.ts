/**
 * -s / -d / --to-destination addresses as libxtables reads them
 * (xtables_ipparse_multiple, xtables_numeric_to_ipaddr): a comma-separated
 * list of ADDRESS[/MASK]; an address may have fewer than four parts
 * ("10.1" is 10.1.0.0), a mask is a prefix length or a dotted quad, and the
 * address is masked ("10.1.2.3/16" is 10.1.0.0/16).
 */
import { ipv4FromNumber, ipv4MaskToPrefix, type Ipv4Address, type Ipv4Cidr } from "../../../addr";
import type { IptablesLookup } from "./lookup";
import { stop, stopNotSupported, type ErrorContext } from "./xtables-errors";

/** xtables_numeric_to_ipaddr: 1–4 decimal parts, each 0–255; missing trailing parts are 0. */
export function numericToIpv4(text: string): Ipv4Address | null {
  const parts = text.split(".");
  if (parts.length > 4) return null;
  let value = 0;
  for (let index = 0; index < 4; index++) {
    const part = parts[index];
    if (part === undefined) {
      value *= 256;
      continue;
    }
    if (!/^\d+$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return ipv4FromNumber(value);
}

function parseMask(text: string, context: ErrorContext): number {
  if (text.includes(".")) {
    const mask = numericToIpv4(text);
    if (mask === null) stop(`invalid mask \`${text}' specified`, context);
    const prefix = ipv4MaskToPrefix(mask);
    if (prefix === null) stopNotSupported(`the non-contiguous mask "${text}"`, context);
    return prefix;
  }
  if (!/^\d+$/.test(text) || Number(text) > 32) stop(`invalid mask \`${text}' specified`, context);
  return Number(text);
}

function maskAddress(address: Ipv4Address, prefix: number): Ipv4Address {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ipv4FromNumber(address & mask);
}

function resolve(name: string, lookup: IptablesLookup, context: ErrorContext): readonly Ipv4Address[] {
  const numeric = numericToIpv4(name);
  if (numeric !== null) return [numeric];
  if (lookup.resolveHost === undefined) stopNotSupported(`the host name "${name}"`, context);
  const found = lookup.resolveHost(name);
  if (found.length === 0) stop(`host/network \`${name}' not found`, context);
  return found;
}

/** Every address a -s/-d value denotes, masked, in order. */
export function parseAddressList(text: string, lookup: IptablesLookup, context: ErrorContext): Ipv4Cidr[] {
  const result: Ipv4Cidr[] = [];
  for (const item of text.split(",")) {
    const slash = item.indexOf("/");
    const host = slash < 0 ? item : item.slice(0, slash);
    const prefix = slash < 0 ? 32 : parseMask(item.slice(slash + 1), context);
    for (const address of resolve(host, lookup, context)) {
      const cidr = { address: maskAddress(address, prefix), prefix };
      // xtables drops exact duplicates (xtables_ipparse_multiple).
      if (!result.some((seen) => seen.address === cidr.address && seen.prefix === cidr.prefix)) result.push(cidr);
    }
  }
  return result;
}
