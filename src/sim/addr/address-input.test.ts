import { describe, expect, it } from "vitest";
import { type AddressInput, parseAddressInput } from "./address-input";
import { formatIpv4 } from "./ipv4";
import { formatIpv6 } from "./ipv6-format";
import { must } from "./problem";

/** The input as "address/prefix (source)", for compact expectations. */
function read(text: string): string {
  const input: AddressInput = must(parseAddressInput(text));
  const address = input.family === 4 ? formatIpv4(input.address) : formatIpv6(input.address);
  return `${address}/${input.prefix} (${input.prefixSource})`;
}

function problemOf(text: string) {
  const result = parseAddressInput(text);
  if (result.ok) throw new Error(`${text} unexpectedly parsed`);
  return result.problem;
}

describe("what students type", () => {
  it("reads a prefix length, a mask after '/', and a mask after a space", () => {
    expect(read("10.0.0.1/24")).toBe("10.0.0.1/24 (length)");
    expect(read("10.0.0.1/255.255.255.0")).toBe("10.0.0.1/24 (mask)");
    expect(read("10.0.0.1 255.255.255.0")).toBe("10.0.0.1/24 (mask)");
  });

  it("reads a bare address as a single host", () => {
    expect(read("10.0.0.1")).toBe("10.0.0.1/32 (default)");
    expect(read("2001:db8::1")).toBe("2001:db8::1/128 (default)");
  });

  it("ignores surrounding and separating blanks", () => {
    expect(read("  10.0.0.1/24 \n")).toBe("10.0.0.1/24 (length)");
    expect(read("10.0.0.1 / 24")).toBe("10.0.0.1/24 (length)");
    expect(read("\t10.0.0.1    255.255.0.0 ")).toBe("10.0.0.1/16 (mask)");
  });

  it("reads IPv6 with a prefix", () => {
    expect(read("2001:DB8::/48")).toBe("2001:db8::/48 (length)");
    expect(read("::ffff:10.0.0.1/96")).toBe("::ffff:10.0.0.1/96 (length)");
  });

  it("says where the prefix is, for pointing at it later", () => {
    expect(must(parseAddressInput("  10.0.0.1/24")).prefixAt).toBe(11);
    expect(must(parseAddressInput("10.0.0.1")).prefixAt).toBe(8);
  });
});

describe("what students get told", () => {
  it("explains a prefix longer than the address", () => {
    expect(problemOf("10.0.0.1/33")).toMatchObject({ message: "/33 is longer than an IPv4 address (32 bits).", offset: 9 });
    expect(problemOf("2001:db8::/129")).toMatchObject({
      message: "/129 is longer than an IPv6 address (128 bits).",
      offset: 11,
    });
  });

  it("explains a non-contiguous mask and suggests the nearest one", () => {
    const problem = problemOf("10.0.0.1 255.255.0.255");
    expect(problem.message).toBe("255.255.0.255 is not a valid mask: the 1 bits must be contiguous from the left.");
    expect(problem.hint).toBe("Did you mean 255.255.0.0 (/16)?");
    expect(problem.offset).toBe("10.0.0.1 255.255.".length);
  });

  it("counts offsets from the start of the whole input", () => {
    expect(problemOf("   10.0.0.256/24").offset).toBe(3 + "10.0.0.".length);
  });

  it("asks for something when given nothing", () => {
    expect(problemOf("   ")).toMatchObject({ offset: 0 });
  });

  it("refuses two prefixes, a mask and a prefix together, and trailing words", () => {
    expect(problemOf("10.0.0.1/24/25")).toMatchObject({ offset: 11 });
    expect(problemOf("10.0.0.1 255.255.255.0/24").message).toContain("either a mask or a /prefix");
    expect(problemOf("10.0.0.1 255.255.255.0 please").offset).toBe(23);
  });

  it("refuses a prefix length with a leading zero, which iproute2 would read as octal", () => {
    expect(problemOf("10.0.0.1/024")).toMatchObject({ message: '"/024" has a leading zero.', hint: "Write /24." });
  });

  it("tells IPv6 users to write a prefix length instead of a mask", () => {
    expect(problemOf("2001:db8::1 ffff:ffff::").message).toContain("IPv6 does not use masks");
  });

  it("recognises an address with a port", () => {
    expect(problemOf("10.0.0.1:8080")).toMatchObject({ offset: 8, hint: "Type the address alone, e.g. 10.0.0.1/24." });
  });

  it("passes on the address parsers' problems", () => {
    expect(problemOf("fe80::1%eth0/64").offset).toBe(7);
    expect(problemOf("010.0.0.1/8").message).toContain("leading zero");
    expect(problemOf("10.0.0.1/").message).toContain("missing");
  });
});
