import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4, ipv4FromNumber } from "./ipv4";
import { ipv4MaskToPrefix, ipv4PrefixToMask, ipv4Wildcard, parseIpv4Mask } from "./ipv4-mask";

const anyPrefix = fc.integer({ min: 0, max: 32 });

describe("masks and prefix lengths", () => {
  it("writes the textbook masks", () => {
    expect(formatIpv4(ipv4PrefixToMask(0))).toBe("0.0.0.0");
    expect(formatIpv4(ipv4PrefixToMask(8))).toBe("255.0.0.0");
    expect(formatIpv4(ipv4PrefixToMask(27))).toBe("255.255.255.224");
    expect(formatIpv4(ipv4PrefixToMask(32))).toBe("255.255.255.255");
    expect(formatIpv4(ipv4Wildcard(24))).toBe("0.0.0.255");
  });

  it("turns a prefix into a mask and back", () => {
    fc.assert(fc.property(anyPrefix, (prefix) => ipv4MaskToPrefix(ipv4PrefixToMask(prefix)) === prefix));
  });

  it("accepts exactly the 33 contiguous masks: any accepted mask is the mask of its prefix", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (bits) => {
        const mask = ipv4FromNumber(bits);
        const prefix = ipv4MaskToPrefix(mask);
        return prefix === null ? !isContiguous(bits) : ipv4PrefixToMask(prefix) === mask;
      }),
    );
  });

  it("has a mask with exactly `prefix` one bits, and a wildcard that is its complement", () => {
    fc.assert(
      fc.property(anyPrefix, (prefix) => {
        const mask = ipv4PrefixToMask(prefix);
        const ones = mask.toString(2).replace(/0/g, "").length;
        return ones === prefix && (mask ^ ipv4Wildcard(prefix)) >>> 0 === 0xffffffff;
      }),
    );
  });
});

describe("reading a typed mask", () => {
  it("reads a dotted mask as its prefix length", () => {
    expect(parseIpv4Mask("255.255.255.224")).toEqual({ ok: true, value: 27 });
  });

  it("refuses a mask with gaps and suggests the nearest valid one", () => {
    const result = parseIpv4Mask("255.255.0.255", 9);
    expect(result).toEqual({
      ok: false,
      problem: {
        message: "255.255.0.255 is not a valid mask: the 1 bits must be contiguous from the left.",
        offset: 9 + "255.255.".length,
        hint: "Did you mean 255.255.0.0 (/16)?",
      },
    });
  });

  it("recognises a wildcard mask typed in place of a netmask", () => {
    const result = parseIpv4Mask("0.0.0.255");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.hint).toContain("255.255.255.0 (/24)");
  });
});

/** Reference definition, bit by bit: ones, then only zeros. */
function isContiguous(bits: number): boolean {
  const text = (bits >>> 0).toString(2).padStart(32, "0");
  return !text.includes("01");
}
