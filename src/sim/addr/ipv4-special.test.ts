import { describe, expect, it } from "vitest";
import { ipv4FromNumber } from "./ipv4";
import { ipv4ContainsAddress, ipv4LastAddress, parseIpv4Cidr } from "./ipv4-cidr";
import { parseIpv4 } from "./ipv4";
import { IPV4_SPECIAL_RANGES, ipv4IsPrivate, ipv4SpecialRange } from "./ipv4-special";
import { must } from "./problem";

const special = (text: string) => ipv4SpecialRange(must(parseIpv4(text)));

describe("IPv4 special-purpose ranges", () => {
  it("knows 172.16.0.0/12 is private, and where it ends", () => {
    expect(special("172.16.0.0")).toEqual({ cidr: "172.16.0.0/12", name: "Private-Use", rfc: "RFC 1918" });
    expect(ipv4IsPrivate(must(parseIpv4("172.31.255.255")))).toBe(true);
    expect(ipv4IsPrivate(must(parseIpv4("172.32.0.0")))).toBe(false);
    expect(ipv4IsPrivate(must(parseIpv4("172.15.255.255")))).toBe(false);
  });

  it("names the other ranges students meet", () => {
    expect(special("10.1.2.3")?.rfc).toBe("RFC 1918");
    expect(special("192.168.0.1")?.name).toBe("Private-Use");
    expect(special("100.64.0.1")?.name).toBe("Shared Address Space (CGNAT)");
    expect(special("127.0.0.53")?.name).toBe("Loopback");
    expect(special("169.254.169.254")?.name).toBe("Link-Local");
    expect(special("192.0.2.1")?.name).toBe("Documentation (TEST-NET-1)");
    expect(special("198.19.0.1")?.name).toBe("Benchmarking");
    expect(special("224.0.0.251")?.name).toBe("Multicast");
    expect(special("8.8.8.8")).toBeNull();
  });

  it("prefers the most specific range", () => {
    expect(special("255.255.255.255")?.name).toBe("Limited Broadcast");
    expect(special("255.255.255.254")?.name).toBe("Reserved (former class E)");
    expect(special("0.0.0.0")?.name).toBe("This host on this network");
    expect(special("0.1.2.3")?.name).toBe("This network");
  });

  it("classifies each range's first and last address into that range or a more specific one inside it", () => {
    for (const range of IPV4_SPECIAL_RANGES) {
      const block = must(parseIpv4Cidr(range.cidr));
      for (const address of [block.address, ipv4LastAddress(block)]) {
        const found = ipv4SpecialRange(ipv4FromNumber(address));
        expect(found).not.toBeNull();
        const foundBlock = must(parseIpv4Cidr(found?.cidr ?? ""));
        expect(foundBlock.prefix).toBeGreaterThanOrEqual(block.prefix);
        expect(ipv4ContainsAddress(foundBlock, address as never)).toBe(true);
      }
    }
  });
});
