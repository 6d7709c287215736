import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4, ipv4FromNumber } from "./ipv4";
import {
  type Ipv4Cidr,
  formatIpv4Cidr,
  ipv4AddressCount,
  ipv4Broadcast,
  ipv4Canonical,
  ipv4Contains,
  ipv4ContainsAddress,
  ipv4FirstUsable,
  ipv4LastAddress,
  ipv4LastUsable,
  ipv4Network,
  ipv4Overlaps,
  ipv4UsableHostCount,
  parseIpv4Cidr,
} from "./ipv4-cidr";
import { must } from "./problem";

const anyAddress = fc.nat({ max: 0xffffffff }).map(ipv4FromNumber);
const anyCidr = fc.record({ address: anyAddress, prefix: fc.integer({ min: 0, max: 32 }) });
const cidr = (text: string): Ipv4Cidr => must(parseIpv4Cidr(text));
const text = (address: number) => formatIpv4(ipv4FromNumber(address));

describe("IPv4 block arithmetic", () => {
  it("finds the network and broadcast of an interface address", () => {
    const block = cidr("10.0.3.7/16");
    expect(text(ipv4Network(block))).toBe("10.0.0.0");
    expect(text(ipv4Broadcast(block) ?? 0)).toBe("10.0.255.255");
    expect(text(ipv4FirstUsable(block))).toBe("10.0.0.1");
    expect(text(ipv4LastUsable(block))).toBe("10.0.255.254");
    expect(formatIpv4Cidr(ipv4Canonical(block))).toBe("10.0.0.0/16");
  });

  it("knows 192.168.1.255/24 is that network's broadcast address", () => {
    const block = cidr("192.168.1.255/24");
    expect(ipv4Broadcast(block)).toBe(block.address);
    expect(ipv4Network(block)).not.toBe(block.address);
  });

  it("gives a /31 two usable addresses and no broadcast (RFC 3021)", () => {
    const link = cidr("10.0.0.6/31");
    expect(ipv4UsableHostCount(31)).toBe(2);
    expect(ipv4Broadcast(link)).toBeNull();
    expect(text(ipv4FirstUsable(link))).toBe("10.0.0.6");
    expect(text(ipv4LastUsable(link))).toBe("10.0.0.7");
  });

  it("gives a /32 one usable address: itself", () => {
    const host = cidr("10.0.0.9/32");
    expect(ipv4UsableHostCount(32)).toBe(1);
    expect(ipv4FirstUsable(host)).toBe(host.address);
    expect(ipv4LastUsable(host)).toBe(host.address);
  });

  it("counts addresses as network + usable hosts + broadcast", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32 }), (prefix) => {
        const overhead = prefix <= 30 ? 2 : 0;
        return ipv4UsableHostCount(prefix) + overhead === ipv4AddressCount(prefix);
      }),
    );
    expect(ipv4AddressCount(0)).toBe(4294967296);
  });

  it("spans network … last, 2^(32 − prefix) addresses, with the network aligned", () => {
    fc.assert(
      fc.property(anyCidr, (block) => {
        const first = ipv4Network(block);
        const last = ipv4LastAddress(block);
        const size = ipv4AddressCount(block.prefix);
        return last - first + 1 === size && first % size === 0 && first <= block.address && block.address <= last;
      }),
    );
  });

  it("contains an address exactly when it lies between network and last address", () => {
    fc.assert(
      fc.property(anyCidr, anyAddress, (block, address) => {
        const inside = ipv4Network(block) <= address && address <= ipv4LastAddress(block);
        return ipv4ContainsAddress(block, address) === inside;
      }),
    );
  });

  it("contains a block exactly when the block's range lies within its range", () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (outer, inner) => {
        const within = ipv4Network(outer) <= ipv4Network(inner) && ipv4LastAddress(inner) <= ipv4LastAddress(outer);
        return ipv4Contains(outer, inner) === within;
      }),
    );
  });

  it("overlaps exactly when the ranges share an address", () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        const share = ipv4Network(a) <= ipv4LastAddress(b) && ipv4Network(b) <= ipv4LastAddress(a);
        return ipv4Overlaps(a, b) === share;
      }),
    );
  });
});

describe("strict CIDR text", () => {
  it("round-trips address/prefix", () => {
    fc.assert(fc.property(anyCidr, (block) => formatIpv4Cidr(cidr(formatIpv4Cidr(block))) === formatIpv4Cidr(block)));
  });

  it("explains a missing or oversized prefix", () => {
    expect(parseIpv4Cidr("10.0.0.0")).toMatchObject({ ok: false, problem: { offset: 8 } });
    expect(parseIpv4Cidr("10.0.0.0/33")).toMatchObject({
      ok: false,
      problem: { message: "/33 is longer than an IPv4 address (32 bits).", offset: 9 },
    });
  });
});
