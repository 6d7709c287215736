/**
 * Dividing a block into halves and joining halves back: the moves of a
 * visual subnet calculator. A /p block is exactly two /(p+1) blocks, the
 * "low" one with bit p clear and the "high" one with it set.
 */
import type { Checked } from "./explorer-types";
import { IPV4_BITS, ipv4FromNumber } from "./ipv4";
import { type Ipv4Cidr, formatIpv4Cidr, ipv4AddressCount, ipv4Canonical, ipv4IsCanonical, ipv4Network } from "./ipv4-cidr";
import { fail, ok } from "./problem";

/** The two halves of a block, low first; null for a single address. */
export function ipv4Halves(cidr: Ipv4Cidr): readonly [Ipv4Cidr, Ipv4Cidr] | null {
  if (cidr.prefix >= IPV4_BITS) return null;
  const prefix = cidr.prefix + 1;
  const low = ipv4Network(cidr);
  return [
    { address: low, prefix },
    { address: ipv4FromNumber(low + ipv4AddressCount(prefix)), prefix },
  ];
}

/** The block this one is a half of; null for /0. */
export function ipv4Parent(cidr: Ipv4Cidr): Ipv4Cidr | null {
  if (cidr.prefix === 0) return null;
  return ipv4Canonical({ address: cidr.address, prefix: cidr.prefix - 1 });
}

/** The other half of this block's parent; null for /0. */
export function ipv4Sibling(cidr: Ipv4Cidr): Ipv4Cidr | null {
  if (cidr.prefix === 0) return null;
  const network = ipv4Network(cidr);
  return { address: ipv4FromNumber(network ^ ipv4AddressCount(cidr.prefix)), prefix: cidr.prefix };
}

/**
 * The first `limit` subnets of length `newPrefix` inside a block, in address
 * order (10.0.0.0/16 → /24 gives 10.0.0.0/24 … 10.0.255.0/24). Ask for a
 * limit when the count could be huge: /0 holds 2^32 /32s.
 */
export function ipv4Subnets(cidr: Ipv4Cidr, newPrefix: number, limit = Infinity): Ipv4Cidr[] {
  if (!Number.isInteger(newPrefix) || newPrefix < cidr.prefix || newPrefix > IPV4_BITS) {
    throw new RangeError(`cannot divide /${cidr.prefix} into /${newPrefix} blocks`);
  }
  const count = Math.min(2 ** (newPrefix - cidr.prefix), limit);
  const size = ipv4AddressCount(newPrefix);
  const network = ipv4Network(cidr);
  const subnets: Ipv4Cidr[] = [];
  for (let i = 0; i < count; i++) subnets.push({ address: ipv4FromNumber(network + i * size), prefix: newPrefix });
  return subnets;
}

/**
 * Join two halves back into their parent. Only siblings join: equal sizes,
 * and together one aligned block — 10.0.1.0/24 and 10.0.2.0/24 are
 * neighbours, but they belong to different /23s.
 */
export function ipv4Join(a: Ipv4Cidr, b: Ipv4Cidr): Checked<Ipv4Cidr> {
  const [x, y] = [formatIpv4Cidr(a), formatIpv4Cidr(b)];
  if (!ipv4IsCanonical(a) || !ipv4IsCanonical(b)) {
    const offender = ipv4IsCanonical(a) ? y : x;
    return fail(`${offender} has host bits set; join blocks by their network address.`);
  }
  if (a.prefix !== b.prefix) {
    return fail(`${x} and ${y} have different sizes: only the two halves of one block can be joined.`);
  }
  if (a.prefix === 0) return fail("0.0.0.0/0 is the whole address space: there is nothing to join it with.");
  if (a.address === b.address) return fail(`${x} cannot be joined with itself.`);
  const parentA = ipv4Parent(a);
  const parentB = ipv4Parent(b);
  if (!parentA || !parentB || parentA.address !== parentB.address) {
    return fail(
      `${x} and ${y} are not the two halves of one block.`,
      undefined,
      `${x} is half of ${parentA ? formatIpv4Cidr(parentA) : "nothing"}; ${y} is half of ${parentB ? formatIpv4Cidr(parentB) : "nothing"}.`,
    );
  }
  return ok(parentA);
}
