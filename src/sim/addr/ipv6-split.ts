/** Halving IPv6 blocks and joining halves back: the IPv6 side of ipv4-split.ts. */
import type { Checked } from "./explorer-types";
import { IPV6_BITS, ipv6FromBigInt } from "./ipv6";
import { type Ipv6Cidr, formatIpv6Cidr, ipv6AddressCount, ipv6Canonical, ipv6IsCanonical, ipv6Network } from "./ipv6-cidr";
import { fail, ok } from "./problem";

export function ipv6Halves(cidr: Ipv6Cidr): readonly [Ipv6Cidr, Ipv6Cidr] | null {
  if (cidr.prefix >= IPV6_BITS) return null;
  const prefix = cidr.prefix + 1;
  const low = ipv6Network(cidr);
  return [
    { address: low, prefix },
    { address: ipv6FromBigInt(low + ipv6AddressCount(prefix)), prefix },
  ];
}

export function ipv6Parent(cidr: Ipv6Cidr): Ipv6Cidr | null {
  if (cidr.prefix === 0) return null;
  return ipv6Canonical({ address: cidr.address, prefix: cidr.prefix - 1 });
}

export function ipv6Sibling(cidr: Ipv6Cidr): Ipv6Cidr | null {
  if (cidr.prefix === 0) return null;
  return { address: ipv6FromBigInt(ipv6Network(cidr) ^ ipv6AddressCount(cidr.prefix)), prefix: cidr.prefix };
}

/** The first `limit` subnets of length `newPrefix` inside a block, in address order. */
export function ipv6Subnets(cidr: Ipv6Cidr, newPrefix: number, limit: number): Ipv6Cidr[] {
  if (!Number.isInteger(newPrefix) || newPrefix < cidr.prefix || newPrefix > IPV6_BITS) {
    throw new RangeError(`cannot divide /${cidr.prefix} into /${newPrefix} blocks`);
  }
  const available = 1n << BigInt(newPrefix - cidr.prefix);
  const count = available < BigInt(limit) ? Number(available) : limit;
  const size = ipv6AddressCount(newPrefix);
  const network = ipv6Network(cidr);
  const subnets: Ipv6Cidr[] = [];
  for (let i = 0; i < count; i++) subnets.push({ address: ipv6FromBigInt(network + BigInt(i) * size), prefix: newPrefix });
  return subnets;
}

/** Join two sibling halves into their parent; anything else is explained. */
export function ipv6Join(a: Ipv6Cidr, b: Ipv6Cidr): Checked<Ipv6Cidr> {
  const [x, y] = [formatIpv6Cidr(a), formatIpv6Cidr(b)];
  if (!ipv6IsCanonical(a) || !ipv6IsCanonical(b)) {
    return fail(`${ipv6IsCanonical(a) ? y : x} has host bits set; join blocks by their network address.`);
  }
  if (a.prefix !== b.prefix) {
    return fail(`${x} and ${y} have different sizes: only the two halves of one block can be joined.`);
  }
  if (a.prefix === 0) return fail("::/0 is the whole address space: there is nothing to join it with.");
  if (a.address === b.address) return fail(`${x} cannot be joined with itself.`);
  const parentA = ipv6Parent(a);
  const parentB = ipv6Parent(b);
  if (!parentA || !parentB || parentA.address !== parentB.address) {
    return fail(
      `${x} and ${y} are not the two halves of one block.`,
      undefined,
      `${x} is half of ${parentA ? formatIpv6Cidr(parentA) : "nothing"}; ${y} is half of ${parentB ? formatIpv6Cidr(parentB) : "nothing"}.`,
    );
  }
  return ok(parentA);
}
