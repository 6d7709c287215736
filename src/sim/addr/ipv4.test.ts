import { isIPv4 } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4, ipv4Bits, ipv4FromNumber, ipv4FromOctets, parseIpv4 } from "./ipv4";

const anyIpv4 = fc.nat({ max: 0xffffffff }).map(ipv4FromNumber);

/** Strings built from the pieces that trip up address parsers. */
const addressLikeText = fc
  .array(fc.constantFrom("0", "1", "00", "01", "010", "9", "10", "99", "255", "256", "300", ".", "..", "a", " ", "-1"), {
    maxLength: 9,
  })
  .map((parts) => parts.join(""));

describe("IPv4 text form", () => {
  it("reads a dotted quad into a 32-bit number, most significant octet first", () => {
    expect(parseIpv4("192.168.1.10")).toEqual({ ok: true, value: 0xc0a8010a });
    expect(parseIpv4("255.255.255.255")).toEqual({ ok: true, value: 0xffffffff });
    expect(parseIpv4("0.0.0.0")).toEqual({ ok: true, value: 0 });
  });

  it("prints what it reads, for every address", () => {
    fc.assert(fc.property(anyIpv4, (address) => must(formatIpv4(address)) === address));
  });

  it("accepts only canonical text, so printing a parsed address gives the input back", () => {
    fc.assert(
      fc.property(addressLikeText, (text) => {
        const parsed = parseIpv4(text);
        return !parsed.ok || formatIpv4(parsed.value) === text;
      }),
    );
  });

  it("accepts exactly what Linux's inet_pton accepts (Node's isIPv4 follows the same grammar)", () => {
    fc.assert(fc.property(addressLikeText, (text) => parseIpv4(text).ok === isIPv4(text)));
  });

  it("shows the 32 bits, network part first", () => {
    expect(ipv4Bits(ipv4FromOctets(10, 0, 0, 1))).toBe("00001010000000000000000000000001");
  });
});

describe("IPv4 input problems", () => {
  it("rejects a leading zero, which other parsers would read as octal", () => {
    const result = parseIpv4("192.168.010.1");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toContain('"010" has a leading zero');
    expect(result.problem.offset).toBe(8);
    expect(result.problem.hint).toBe("Write 10.");
  });

  it("names an octet above 255 and where it is", () => {
    expect(problemOf("10.256.0.1")).toMatchObject({ message: "256 is not a valid octet: each part is 0–255.", offset: 3 });
  });

  it("points at an empty part", () => {
    expect(problemOf("10..0.1")).toMatchObject({ offset: 3 });
    expect(problemOf("10..0.1").message).toContain("between two dots");
    expect(problemOf(".10.0.1").message).toContain("before the first dot");
    expect(problemOf("10.0.1.").message).toContain("after the last dot");
  });

  it("counts the parts", () => {
    expect(problemOf("10.0.1")).toMatchObject({ offset: 6 });
    expect(problemOf("10.0.1").message).toContain("Only 3 parts");
    expect(problemOf("10.0.0.1.5")).toMatchObject({ offset: 8 });
    expect(problemOf("10.0.0.1.5").message).toContain("Too many parts");
  });

  it("points at a stray character", () => {
    expect(problemOf("10.0.0.x")).toMatchObject({ message: '"x" cannot appear in an IPv4 address.', offset: 7 });
    expect(problemOf("10,0,0,1").hint).toContain("dots, not commas");
  });

  it("offsets problems by where the address starts in the whole input", () => {
    expect(parseIpv4("10.0.0.300", 5)).toMatchObject({ ok: false, problem: { offset: 5 + "10.0.0.".length } });
  });
});

function problemOf(text: string) {
  const result = parseIpv4(text);
  if (result.ok) throw new Error(`${text} unexpectedly parsed`);
  return result.problem;
}

function must(text: string): number {
  const result = parseIpv4(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}
