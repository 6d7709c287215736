import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromNumber } from "./ipv4";
import {
  type Ipv4Cidr,
  formatIpv4Cidr,
  ipv4AddressCount,
  ipv4Canonical,
  ipv4Contains,
  ipv4LastAddress,
  ipv4Network,
  ipv4Overlaps,
  parseIpv4Cidr,
} from "./ipv4-cidr";
import { ipv4Halves, ipv4Join, ipv4Parent, ipv4Sibling, ipv4Subnets } from "./ipv4-split";
import { must } from "./problem";

const cidr = (text: string): Ipv4Cidr => must(parseIpv4Cidr(text));
const splittable = fc
  .record({ address: fc.nat({ max: 0xffffffff }).map(ipv4FromNumber), prefix: fc.integer({ min: 0, max: 31 }) })
  .map(ipv4Canonical);

describe("splitting IPv4 blocks", () => {
  it("divides 10.0.0.0/16 into 256 /24s, in order", () => {
    const subnets = ipv4Subnets(cidr("10.0.0.0/16"), 24).map(formatIpv4Cidr);
    expect(subnets).toHaveLength(256);
    expect(subnets[0]).toBe("10.0.0.0/24");
    expect(subnets[1]).toBe("10.0.1.0/24");
    expect(subnets[255]).toBe("10.0.255.0/24");
  });

  it("lists only as many subnets as asked", () => {
    expect(ipv4Subnets(cidr("0.0.0.0/0"), 32, 3).map(formatIpv4Cidr)).toEqual(["0.0.0.0/32", "0.0.0.1/32", "0.0.0.2/32"]);
  });

  it("cannot halve a single address", () => {
    expect(ipv4Halves(cidr("10.0.0.1/32"))).toBeNull();
  });

  it("halves partition the parent: disjoint, adjacent, together exactly the parent", () => {
    fc.assert(
      fc.property(splittable, (parent) => {
        const [low, high] = ipv4Halves(parent) ?? [];
        if (!low || !high) return false;
        return (
          low.prefix === parent.prefix + 1 &&
          high.prefix === parent.prefix + 1 &&
          ipv4Network(low) === ipv4Network(parent) &&
          ipv4LastAddress(high) === ipv4LastAddress(parent) &&
          ipv4LastAddress(low) + 1 === ipv4Network(high) &&
          !ipv4Overlaps(low, high) &&
          ipv4Contains(parent, low) &&
          ipv4Contains(parent, high)
        );
      }),
    );
  });

  it("joins the halves back into the parent, in either order", () => {
    fc.assert(
      fc.property(splittable, (parent) => {
        const [low, high] = ipv4Halves(parent) ?? [];
        if (!low || !high) return false;
        const joined = formatIpv4Cidr(must(ipv4Join(low, high)));
        const reversed = formatIpv4Cidr(must(ipv4Join(high, low)));
        return joined === formatIpv4Cidr(parent) && reversed === joined;
      }),
    );
  });

  it("pairs every block with its sibling under one parent", () => {
    fc.assert(
      fc.property(splittable, (parent) => {
        const [low, high] = ipv4Halves(parent) ?? [];
        if (!low || !high) return false;
        const sibling = ipv4Sibling(low);
        const up = ipv4Parent(high);
        return sibling !== null && up !== null && sibling.address === high.address && up.address === parent.address;
      }),
    );
  });

  it("divides a block into 2^n equal, adjacent subnets that add up to it", () => {
    fc.assert(
      fc.property(splittable, fc.integer({ min: 0, max: 8 }), (parent, extra) => {
        const newPrefix = Math.min(32, parent.prefix + extra);
        const subnets = ipv4Subnets(parent, newPrefix);
        const adjacent = subnets.every((s, i) => i === 0 || ipv4Network(s) === ipv4LastAddress(subnets[i - 1] ?? s) + 1);
        return (
          subnets.length === 2 ** (newPrefix - parent.prefix) &&
          adjacent &&
          subnets.length * ipv4AddressCount(newPrefix) === ipv4AddressCount(parent.prefix)
        );
      }),
    );
  });
});

describe("joining IPv4 blocks", () => {
  it("refuses neighbours that belong to different parents, and says which", () => {
    const result = ipv4Join(cidr("10.0.1.0/24"), cidr("10.0.2.0/24"));
    expect(result).toEqual({
      ok: false,
      problem: {
        message: "10.0.1.0/24 and 10.0.2.0/24 are not the two halves of one block.",
        hint: "10.0.1.0/24 is half of 10.0.0.0/23; 10.0.2.0/24 is half of 10.0.2.0/23.",
      },
    });
  });

  it("refuses blocks of different sizes, a block with itself, and host bits", () => {
    expect(ipv4Join(cidr("10.0.0.0/24"), cidr("10.0.1.0/25")).ok).toBe(false);
    expect(ipv4Join(cidr("10.0.0.0/24"), cidr("10.0.0.0/24")).ok).toBe(false);
    expect(ipv4Join(cidr("10.0.0.5/24"), cidr("10.0.1.0/24")).ok).toBe(false);
    expect(ipv4Join(cidr("0.0.0.0/0"), cidr("0.0.0.0/0")).ok).toBe(false);
  });
});
