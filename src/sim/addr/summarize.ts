/**
 * Route summarization for IPv4: a range as the fewest CIDR blocks (what
 * `netaddr.iprange_to_cidrs` or ipcalc's deaggregation print), a list of
 * blocks collapsed to the fewest that cover the same addresses, and the
 * single shortest supernet covering a list (the route a router advertises
 * for them, RFC 4632 §3.3 — which may cover more than the list).
 */
import { type Ipv4Address, IPV4_BITS, ipv4FromNumber } from "./ipv4";
import { type Ipv4Cidr, ipv4AddressCount, ipv4Canonical, ipv4LastAddress, ipv4Network } from "./ipv4-cidr";

/** Trailing zero bits of a 32-bit value; 32 for 0 (address 0.0.0.0 is aligned to every size). */
function trailingZeros(value: number): number {
  if (value === 0) return IPV4_BITS;
  return 31 - Math.clz32((value & -value) >>> 0);
}

/**
 * The unique smallest set of CIDR blocks whose union is exactly
 * first…last (inclusive), in address order. Greedy from the low end: take
 * the largest block that starts at the cursor, is aligned there, and does
 * not pass `last`. Empty when first > last.
 */
export function ipv4RangeToCidrs(first: Ipv4Address, last: Ipv4Address): Ipv4Cidr[] {
  const blocks: Ipv4Cidr[] = [];
  let cursor = first as number;
  while (cursor <= last) {
    let hostBits = trailingZeros(cursor);
    while (cursor + 2 ** hostBits - 1 > last) hostBits--;
    blocks.push({ address: ipv4FromNumber(cursor), prefix: IPV4_BITS - hostBits });
    cursor += 2 ** hostBits; // a double: may reach 2^32 and end the loop
  }
  return blocks;
}

/**
 * The fewest blocks covering exactly the addresses of `blocks` (overlaps and
 * adjacent siblings merge; gaps stay gaps), in address order.
 */
export function ipv4Aggregate(blocks: readonly Ipv4Cidr[]): Ipv4Cidr[] {
  const ranges = blocks
    .map((b) => ({ first: ipv4Network(b) as number, last: ipv4LastAddress(b) as number }))
    .sort((x, y) => x.first - y.first);
  const merged: { first: number; last: number }[] = [];
  for (const range of ranges) {
    const top = merged[merged.length - 1];
    if (top && range.first <= top.last + 1) top.last = Math.max(top.last, range.last);
    else merged.push({ ...range });
  }
  return merged.flatMap((r) => ipv4RangeToCidrs(ipv4FromNumber(r.first), ipv4FromNumber(r.last)));
}

/**
 * The longest-prefix (smallest) single block containing every block in the
 * list: the common leading bits of the lowest and highest address. Null for
 * an empty list.
 */
export function ipv4Supernet(blocks: readonly Ipv4Cidr[]): Ipv4Cidr | null {
  if (blocks.length === 0) return null;
  let low = Infinity;
  let high = -Infinity;
  for (const block of blocks) {
    low = Math.min(low, ipv4Network(block));
    high = Math.max(high, ipv4LastAddress(block));
  }
  const prefix = Math.clz32((low ^ high) >>> 0);
  return ipv4Canonical({ address: ipv4FromNumber(low), prefix });
}

/** How many addresses a list of disjoint blocks holds. */
export function ipv4TotalAddresses(blocks: readonly Ipv4Cidr[]): number {
  return blocks.reduce((sum, b) => sum + ipv4AddressCount(b.prefix), 0);
}
