import { describe, expect, it } from "vitest";
import { parseIpv6 } from "./ipv6-parse";
import { ipv6SpecialRange } from "./ipv6-special";
import { must } from "./problem";

const nameOf = (text: string) => ipv6SpecialRange(must(parseIpv6(text)))?.name ?? null;

describe("named IPv6 ranges", () => {
  it("names the addresses students meet", () => {
    expect(nameOf("::1")).toBe("Loopback");
    expect(nameOf("::")).toBe("Unspecified");
    expect(nameOf("fe80::1")).toBe("Link-Local Unicast");
    expect(nameOf("febf:ffff::1")).toBe("Link-Local Unicast");
    expect(nameOf("fd12:3456::1")).toBe("Unique Local");
    expect(nameOf("ff02::1")).toBe("Multicast");
    expect(nameOf("::ffff:10.0.0.1")).toBe("IPv4-mapped");
    expect(nameOf("64:ff9b::192.0.2.1")).toBe("IPv4/IPv6 translation (NAT64)");
    expect(nameOf("2606:4700::1111")).toBe("Global Unicast");
  });

  it("prefers the documentation prefix over the global unicast range around it", () => {
    expect(ipv6SpecialRange(must(parseIpv6("2001:db8::1")))).toEqual({
      cidr: "2001:db8::/32",
      name: "Documentation",
      rfc: "RFC 3849",
    });
  });

  it("leaves unassigned space unnamed", () => {
    expect(nameOf("4000::1")).toBeNull();
    expect(nameOf("::2")).toBeNull();
  });
});
