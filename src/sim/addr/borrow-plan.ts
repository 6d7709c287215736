/**
 * "Divide NETWORK into N subnets": borrow the fewest host bits b with
 * 2^b ≥ N. Subnet zero and the all-ones subnet are counted as usable
 * (RFC 1878; the old RFC 950 rule that excluded them is long obsolete).
 */
import type { BorrowPlan, Checked } from "./explorer-types";
import { type AddressInput, parseAddressInput } from "./address-input";
import { withBlock } from "./block-ops";
import { ipv4ClassOf } from "./ipv4-class";
import { formatIpv6 } from "./ipv6-format";
import { type Failed, fail, ok } from "./problem";

/** How many subnets the plan lists; the rest follow the same pattern. */
export const BORROW_LIST_LIMIT = 64;

export function planBorrow(network: string, subnets: number): Checked<BorrowPlan> {
  if (!Number.isSafeInteger(subnets) || subnets < 1) {
    return fail("Ask for a whole number of subnets, at least 1.");
  }
  const parsed = parseAddressInput(network);
  if (!parsed.ok) return parsed;
  const prefix = startingPrefix(parsed.value);
  if (typeof prefix !== "number") return prefix;
  return withBlock(parsed.value, (ops, typed) => {
    const block = ops.canonical({ ...typed, prefix });
    const borrowed = bitsFor(subnets);
    const hostBits = ops.bits - prefix;
    if (borrowed > hostBits) {
      return fail(
        `${subnets} subnets need ${borrowed} borrowed bits, but ${ops.format(block)} has only ${hostBits} host bit${hostBits === 1 ? "" : "s"}.`,
        parsed.value.prefixAt,
        `A /${prefix} can be divided into at most ${(1n << BigInt(hostBits)).toString()} subnets.`,
      );
    }
    const newPrefix = prefix + borrowed;
    return ok({
      network: ops.format(block),
      subnetsWanted: subnets,
      borrowedBits: borrowed,
      newPrefix,
      newMask: ops.maskText(newPrefix),
      subnetsMade: (1n << BigInt(borrowed)).toString(),
      hostsPerSubnet: ops.hostsPerBlock(newPrefix),
      subnets: ops.subnets(block, newPrefix, BORROW_LIST_LIMIT).map(ops.format),
    });
  });
}

/** The fewest bits b with 2^b ≥ count. */
function bitsFor(count: number): number {
  let bits = 0;
  while (2 ** bits < count) bits++;
  return bits;
}

/**
 * The network's prefix. A bare IPv4 address takes its classful default
 * (211.168.83.0 → class C → /24): that is how the textbook question is posed
 * — "211.168.83.0 is a class C address, so only the last octet is host
 * part" — and a bare address read as a /32 would leave nothing to borrow.
 */
function startingPrefix(input: AddressInput): number | Failed {
  if (input.prefixSource !== "default") return input.prefix;
  if (input.family === 6) {
    return fail(
      "IPv6 has no address classes, so a bare address does not say which network to divide.",
      input.prefixAt,
      `Add the prefix, e.g. ${formatIpv6(input.address)}/48.`,
    );
  }
  const { letter, defaultPrefix } = ipv4ClassOf(input.address);
  if (defaultPrefix === null) {
    return fail(
      `A class ${letter} address (${letter === "D" ? "multicast" : "reserved"}) has no default network to divide.`,
      input.prefixAt,
      "Add a prefix, e.g. /24.",
    );
  }
  return defaultPrefix;
}
