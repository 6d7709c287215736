import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IPV6_MAX, ipv6FromBigInt } from "./ipv6";
import {
  type Ipv6Cidr,
  formatIpv6Cidr,
  ipv6AddressCount,
  ipv6Canonical,
  ipv6Contains,
  ipv6ContainsAddress,
  ipv6LastAddress,
  ipv6Network,
  ipv6Overlaps,
  ipv6PrefixToMask,
  parseIpv6Cidr,
} from "./ipv6-cidr";
import { formatIpv6 } from "./ipv6-format";
import { ipv6Halves, ipv6Join, ipv6Sibling, ipv6Subnets } from "./ipv6-split";
import { must } from "./problem";

const cidr = (text: string): Ipv6Cidr => must(parseIpv6Cidr(text));
const anyAddress = fc.bigInt({ min: 0n, max: IPV6_MAX }).map(ipv6FromBigInt);
const anyCidr = fc.record({ address: anyAddress, prefix: fc.integer({ min: 0, max: 128 }) });
const splittable = fc.record({ address: anyAddress, prefix: fc.integer({ min: 0, max: 127 }) }).map(ipv6Canonical);

describe("IPv6 block arithmetic", () => {
  it("finds the ends and size of 2001:db8::/32", () => {
    const block = cidr("2001:db8:1234::5/32");
    expect(formatIpv6(ipv6Network(block))).toBe("2001:db8::");
    expect(formatIpv6(ipv6LastAddress(block))).toBe("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
    expect(ipv6AddressCount(64).toString()).toBe("18446744073709551616");
    expect(ipv6AddressCount(0).toString()).toBe("340282366920938463463374607431768211456");
  });

  it("writes masks compressed", () => {
    expect(formatIpv6(ipv6PrefixToMask(64))).toBe("ffff:ffff:ffff:ffff::");
    expect(formatIpv6(ipv6PrefixToMask(0))).toBe("::");
    expect(formatIpv6(ipv6PrefixToMask(10))).toBe("ffc0::");
  });

  it("spans network … last, 2^(128 − prefix) addresses", () => {
    fc.assert(
      fc.property(anyCidr, (block) => {
        const first = ipv6Network(block);
        const last = ipv6LastAddress(block);
        return last - first + 1n === ipv6AddressCount(block.prefix) && first <= block.address && block.address <= last;
      }),
    );
  });

  it("contains an address exactly when it lies between network and last address", () => {
    fc.assert(
      fc.property(anyCidr, anyAddress, (block, address) => {
        const inside = ipv6Network(block) <= address && address <= ipv6LastAddress(block);
        return ipv6ContainsAddress(block, address) === inside;
      }),
    );
  });

  it("contains and overlaps blocks exactly as their ranges do", () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        const within = ipv6Network(a) <= ipv6Network(b) && ipv6LastAddress(b) <= ipv6LastAddress(a);
        const share = ipv6Network(a) <= ipv6LastAddress(b) && ipv6Network(b) <= ipv6LastAddress(a);
        return ipv6Contains(a, b) === within && ipv6Overlaps(a, b) === share;
      }),
    );
  });
});

describe("splitting and joining IPv6 blocks", () => {
  it("halves partition the parent and join back into it", () => {
    fc.assert(
      fc.property(splittable, (parent) => {
        const [low, high] = ipv6Halves(parent) ?? [];
        if (!low || !high) return false;
        const joined = ipv6Join(high, low);
        return (
          ipv6Network(low) === ipv6Network(parent) &&
          ipv6LastAddress(low) + 1n === ipv6Network(high) &&
          ipv6LastAddress(high) === ipv6LastAddress(parent) &&
          ipv6Sibling(low)?.address === high.address &&
          joined.ok &&
          formatIpv6Cidr(joined.value) === formatIpv6Cidr(parent)
        );
      }),
    );
  });

  it("divides a VPC's /56 into 256 /64 subnets", () => {
    const subnets = ipv6Subnets(cidr("2600:1f18:abc:de00::/56"), 64, 300).map(formatIpv6Cidr);
    expect(subnets).toHaveLength(256);
    expect(subnets[1]).toBe("2600:1f18:abc:de01::/64");
    expect(subnets[255]).toBe("2600:1f18:abc:deff::/64");
  });

  it("refuses to join blocks that are not siblings", () => {
    const result = ipv6Join(cidr("2001:db8:1::/48"), cidr("2001:db8:2::/48"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.hint).toBe("2001:db8:1::/48 is half of 2001:db8::/47; 2001:db8:2::/48 is half of 2001:db8:2::/47.");
    expect(ipv6Halves(cidr("::1/128"))).toBeNull();
  });
});
