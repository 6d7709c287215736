import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Ipv6Address, ipv6Bits, ipv6FromGroups } from "./ipv6";
import { formatIpv6 } from "./ipv6-format";
import { parseIpv6 } from "./ipv6-parse";
import { must } from "./problem";

/** Addresses rich in zero groups, where the compression rules matter. */
const anyIpv6 = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.constantFrom(1, 0xffff, 0xdb8), fc.nat({ max: 0xffff })), {
    minLength: 8,
    maxLength: 8,
  })
  .map(ipv6FromGroups);

const roundTrip = (text: string) => formatIpv6(must(parseIpv6(text)));

describe("reading IPv6 text (RFC 4291 §2.2)", () => {
  it("reads the full form, '::' compression and either case", () => {
    expect(must(parseIpv6("2001:0db8:0000:0000:0000:0000:0000:0001"))).toBe(must(parseIpv6("2001:DB8::1")));
    expect(must(parseIpv6("::"))).toBe(0n);
    expect(must(parseIpv6("::1"))).toBe(1n);
    expect(must(parseIpv6("1::"))).toBe(1n << 112n);
  });

  it("reads an embedded IPv4 tail as the last 32 bits", () => {
    expect(must(parseIpv6("::ffff:192.0.2.1"))).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(must(parseIpv6("1:2:3:4:5:6:1.2.3.4"))).toBe(must(parseIpv6("1:2:3:4:5:6:102:304")));
  });

  it("lets '::' stand for a single zero group, as glibc does", () => {
    expect(roundTrip("1:2:3:4:5:6:7::")).toBe("1:2:3:4:5:6:7:0");
  });
});

describe("IPv6 input problems", () => {
  it("rejects a zone id, pointing at it", () => {
    const problem = problemOf("fe80::1%eth0");
    expect(problem.offset).toBe(7);
    expect(problem.message).toContain("Zone ids");
    expect(problem.hint).toBe("Write fe80::1 without the zone.");
  });

  it("rejects a second '::' where it appears", () => {
    expect(problemOf("2001::1::2")).toMatchObject({ offset: 7 });
    expect(problemOf("2001::1::2").message).toContain("only once");
  });

  it("rejects more than four hex digits in a group", () => {
    expect(problemOf("2001:db8::12345")).toMatchObject({
      message: '"12345" has 5 hex digits; a group holds at most 4 (16 bits).',
      offset: 10,
    });
  });

  it("rejects the wrong number of groups", () => {
    expect(problemOf("1:2:3:4:5:6:7").message).toContain("7 groups written");
    expect(problemOf("1:2:3:4:5:6:7:8:9").message).toContain("9 groups written");
    expect(problemOf("1:2:3:4:5:6:7:8::").message).toContain("at least one zero group");
    expect(problemOf("1:2:3:4:5:6:7:1.2.3.4").message).toContain("9 groups written");
  });

  it("rejects lone colons at either end, and colon runs", () => {
    expect(problemOf(":1::2")).toMatchObject({ offset: 0 });
    expect(problemOf("1::2:")).toMatchObject({ offset: 4 });
    expect(problemOf("1:::2").message).toContain("Three colons");
  });

  it("rejects an IPv4 part that is not last, or not strict", () => {
    expect(problemOf("::1.2.3.4:5").message).toContain("last 32 bits");
    expect(problemOf("::ffff:1.2.3.04")).toMatchObject({ offset: 13 });
  });

  it("points at a character that does not belong", () => {
    expect(problemOf("2001:db8::g")).toMatchObject({ message: '"g" cannot appear in an IPv6 address.', offset: 10 });
  });
});

describe("writing IPv6 text (RFC 5952)", () => {
  it("follows the RFC's recommendations", () => {
    expect(roundTrip("2001:db8:0:0:0:0:2:1")).toBe("2001:db8::2:1"); // §4.2.1 shorten as much as possible
    expect(roundTrip("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1"); // §4.2.2 never '::' for one group
    expect(roundTrip("2001:0:0:1:0:0:0:1")).toBe("2001:0:0:1::1"); // §4.2.3 the longest run
    expect(roundTrip("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1"); // §4.2.3 the first of equal runs
    expect(roundTrip("2001:DB8::00AB")).toBe("2001:db8::ab"); // §4.1 and §4.3
  });

  it("keeps an IPv4-mapped tail dotted (§5), as glibc's inet_ntop does", () => {
    expect(roundTrip("::ffff:c000:0201")).toBe("::ffff:192.0.2.1");
    expect(roundTrip("::c000:0201")).toBe("::192.0.2.1");
    expect(roundTrip("::1")).toBe("::1");
    expect(roundTrip("64:ff9b::c000:201")).toBe("64:ff9b::c000:201");
  });

  it("reads back what it writes", () => {
    fc.assert(fc.property(anyIpv6, (address) => must(parseIpv6(formatIpv6(address))) === address));
  });

  it("has the canonical form as a fixed point", () => {
    fc.assert(
      fc.property(anyIpv6, (address) => {
        const canonical = formatIpv6(address);
        return formatIpv6(must(parseIpv6(canonical))) === canonical;
      }),
    );
  });

  it("agrees with the WHATWG URL serializer wherever no IPv4 tail is printed", () => {
    fc.assert(
      fc.property(anyIpv6, (address) => {
        const ours = formatIpv6(address);
        return ours.includes(".") || new URL(`http://[${ours}]/`).hostname === `[${ours}]`;
      }),
    );
  });

  it("shows the 128 bits", () => {
    const bits = ipv6Bits(must(parseIpv6("8000::1")) as Ipv6Address);
    expect(bits).toHaveLength(128);
    expect(bits.startsWith("1000")).toBe(true);
    expect(bits.endsWith("0001")).toBe(true);
  });
});

function problemOf(text: string) {
  const result = parseIpv6(text);
  if (result.ok) throw new Error(`${text} unexpectedly parsed`);
  return result.problem;
}
