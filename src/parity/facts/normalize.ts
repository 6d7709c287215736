/**
 * Removing what differs between two runs of the same script on the same
 * kernel, and so cannot be a fact (shared KERNEL-PARITY-NOTES.md, "Normalize
 * before comparing").
 */
import type { NormalizeContext } from "./fact";

const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi;

/** The placeholder for a MAC address the kernel chose at random. */
export const RANDOM_MAC = "<mac>";

/**
 * A MAC the kernel makes up: a unicast address other than all-zeros (veth and
 * bridge addresses are random, eth_hw_addr_random()), or an IPv6 solicited-node
 * group 33:33:ff:xx:xx:xx, which copies the low bytes of a random link-local
 * address (RFC 4291 §2.7.1, RFC 2464 §7). Other multicast groups and the
 * broadcast address are fixed.
 */
function isRandomMac(mac: string): boolean {
  if (mac === "00:00:00:00:00:00" || mac === "ff:ff:ff:ff:ff:ff") return false;
  if (mac.startsWith("33:33:ff:")) return true;
  const multicast = (parseInt(mac.slice(0, 2), 16) & 1) === 1;
  return !multicast;
}

/** Replaces random MACs with {@link RANDOM_MAC}, keeping those the script set itself. */
export function scrubMacs(text: string, context: NormalizeContext): string {
  return text.replace(MAC, (found) => {
    const mac = found.toLowerCase();
    return isRandomMac(mac) && !context.scriptMacs.has(mac) ? RANDOM_MAC : found;
  });
}

/**
 * Drops a device's `@ifN` suffix: N is the peer's interface index in another
 * namespace, which depends on how many devices the kernel numbered before. A
 * peer shown by name (`veth0@veth1`, both in one namespace) is kept.
 */
export function dropIfIndex(text: string): string {
  return text.replace(/@if\d+\b/g, "");
}

/** Trims and collapses runs of blanks: column alignment of ip's listings is not a fact. */
export function collapseBlanks(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** An IPv6 link-local address (fe80::/10), derived from a random MAC. */
export function isLinkLocalV6(address: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

/** The non-empty lines of an output, without their trailing blanks. */
export function outputLines(output: string): string[] {
  return output
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""))
    .filter((l) => l.length > 0);
}

/** Every MAC written in the script's commands. */
export function macsIn(commands: readonly string[]): Set<string> {
  const macs = new Set<string>();
  for (const cmd of commands) for (const m of cmd.matchAll(MAC)) macs.add(m[0].toLowerCase());
  return macs;
}
