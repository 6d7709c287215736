import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Ipv4Address, ipv4FromNumber, parseIpv4 } from "./ipv4";
import {
  type Ipv4Cidr,
  formatIpv4Cidr,
  ipv4Contains,
  ipv4ContainsAddress,
  ipv4IsCanonical,
  ipv4LastAddress,
  ipv4Network,
  parseIpv4Cidr,
} from "./ipv4-cidr";
import { ipv4Halves, ipv4Parent } from "./ipv4-split";
import { must } from "./problem";
import { ipv4Aggregate, ipv4RangeToCidrs, ipv4Supernet, ipv4TotalAddresses } from "./summarize";

const address = (text: string) => must(parseIpv4(text));
const cidr = (text: string) => must(parseIpv4Cidr(text));
const anyAddress = fc.nat({ max: 0xffffffff }).map(ipv4FromNumber);
const anyRange = fc.tuple(anyAddress, anyAddress).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [Ipv4Address, Ipv4Address]);
/** Blocks inside 10.0.0.0/20, small enough to enumerate every address. */
const smallBlock = fc
  .record({ offset: fc.nat({ max: 4095 }), prefix: fc.integer({ min: 22, max: 32 }) })
  .map(({ offset, prefix }) => ({ address: ipv4FromNumber(0x0a000000 + offset), prefix }) as Ipv4Cidr);

describe("a range as the fewest CIDR blocks", () => {
  it("breaks 10.0.0.5–10.0.0.20 into five aligned blocks", () => {
    expect(ipv4RangeToCidrs(address("10.0.0.5"), address("10.0.0.20")).map(formatIpv4Cidr)).toEqual([
      "10.0.0.5/32",
      "10.0.0.6/31",
      "10.0.0.8/29",
      "10.0.0.16/30",
      "10.0.0.20/32",
    ]);
  });

  it("covers the whole address space with one /0", () => {
    expect(ipv4RangeToCidrs(address("0.0.0.0"), address("255.255.255.255")).map(formatIpv4Cidr)).toEqual(["0.0.0.0/0"]);
  });

  it("covers exactly the range: adjacent canonical blocks from first to last", () => {
    fc.assert(
      fc.property(anyRange, ([first, last]) => {
        const blocks = ipv4RangeToCidrs(first, last);
        const adjacent = blocks.every((b, i) => i === 0 || ipv4Network(b) === ipv4LastAddress(blocks[i - 1] ?? b) + 1);
        return (
          blocks.length > 0 &&
          blocks.every(ipv4IsCanonical) &&
          adjacent &&
          ipv4Network(blocks[0]!) === first &&
          ipv4LastAddress(blocks[blocks.length - 1]!) === last &&
          ipv4TotalAddresses(blocks) === last - first + 1
        );
      }),
    );
  });

  it("uses the fewest blocks: no block's parent fits inside the range", () => {
    // Every aligned block inside the range lies in exactly one maximal one, so a
    // partition into maximal blocks cannot be beaten.
    fc.assert(
      fc.property(anyRange, ([first, last]) =>
        ipv4RangeToCidrs(first, last).every((block) => {
          const parent = ipv4Parent(block);
          return parent === null || ipv4Network(parent) < first || ipv4LastAddress(parent) > last;
        }),
      ),
    );
  });
});

describe("collapsing a list of blocks", () => {
  it("merges overlapping and sibling blocks and keeps gaps", () => {
    const blocks = ["10.0.0.0/24", "10.0.1.0/24", "10.0.0.128/25", "10.0.3.0/24"].map(cidr);
    expect(ipv4Aggregate(blocks).map(formatIpv4Cidr)).toEqual(["10.0.0.0/23", "10.0.3.0/24"]);
  });

  it("covers exactly the same addresses, with disjoint blocks that cannot merge further", () => {
    fc.assert(
      fc.property(fc.array(smallBlock, { maxLength: 8 }), (blocks) => {
        const result = ipv4Aggregate(blocks);
        for (let a = 0x0a000000; a < 0x0a001000; a++) {
          const inInput = blocks.some((b) => ipv4ContainsAddress(b, a as Ipv4Address));
          const inResult = result.some((b) => ipv4ContainsAddress(b, a as Ipv4Address));
          if (inInput !== inResult) return false;
        }
        const disjoint = result.every((b, i) => i === 0 || ipv4Network(b) > ipv4LastAddress(result[i - 1]!));
        const maximal = result.every((b) => {
          const parent = ipv4Parent(b);
          const halves = parent ? ipv4Halves(parent) : null;
          return !halves || !halves.every((h) => result.some((r) => ipv4Contains(r, h)));
        });
        return disjoint && maximal;
      }),
    );
  });
});

describe("the shortest single supernet", () => {
  it("summarizes two sibling /24s as their /23, and straddling ones as a /22", () => {
    expect(formatIpv4Cidr(ipv4Supernet([cidr("10.0.0.0/24"), cidr("10.0.1.0/24")])!)).toBe("10.0.0.0/23");
    expect(formatIpv4Cidr(ipv4Supernet([cidr("10.0.1.0/24"), cidr("10.0.2.0/24")])!)).toBe("10.0.0.0/22");
    expect(ipv4Supernet([])).toBeNull();
  });

  it("contains every block, and neither of its halves does", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ address: anyAddress, prefix: fc.integer({ min: 0, max: 32 }) }), { minLength: 1, maxLength: 6 }), (blocks) => {
        const supernet = ipv4Supernet(blocks);
        if (!supernet || !blocks.every((b) => ipv4Contains(supernet, b))) return false;
        const halves = ipv4Halves(supernet);
        return halves === null || halves.every((half) => !blocks.every((b) => ipv4Contains(half, b)));
      }),
    );
  });
});
