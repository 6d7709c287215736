import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { unwrap, writeU16 } from "../core";
import { decrementTtl, emitIpv4, IpProtocol, parseIpv4, parseIpv4Header, tosByte, type Ipv4Repr } from "./ipv4";
import { ipv4Repr } from "./test-arbitraries";

const base: Ipv4Repr = {
  dscp: 0,
  ecn: 0,
  identification: 0x1234,
  dontFragment: true,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 64,
  protocol: IpProtocol.ICMP,
  src: ipv4FromOctets(10, 0, 0, 1),
  dst: ipv4FromOctets(10, 0, 1, 2),
  payload: Uint8Array.of(1, 2, 3, 4),
};

describe("IPv4 round trips", () => {
  it("parse(emit(repr)) = repr for any header, options and payload", () => {
    fc.assert(
      fc.property(ipv4Repr(), (repr) => {
        expect(unwrap(parseIpv4(emitIpv4(repr)))).toEqual(repr);
      }),
    );
  });

  it("emit(parse(bytes)) reproduces the bytes, checksum included", () => {
    fc.assert(
      fc.property(ipv4Repr(), (repr) => {
        const bytes = emitIpv4(repr);
        expect(emitIpv4(unwrap(parseIpv4(bytes)))).toEqual(bytes);
      }),
    );
  });
});

describe("IPv4 header layout (RFC 791 §3.1)", () => {
  it("writes version 4, IHL, TOS, total length, DF and the fragment offset in 8-byte units", () => {
    const bytes = emitIpv4({ ...base, dscp: 48, ecn: 0, fragmentOffset: 1480, moreFragments: true, dontFragment: false });
    expect(bytes[0]).toBe(0x45);
    expect(bytes[1]).toBe(0xc0); // what Linux puts on ICMP errors: tcpdump "tos 0xc0"
    expect((bytes[2]! << 8) | bytes[3]!).toBe(24);
    expect((bytes[6]! << 8) | bytes[7]!).toBe(0x2000 | 185);
    expect(tosByte({ dscp: 48, ecn: 0 })).toBe(0xc0);
  });

  it("counts options in the header length", () => {
    const options = Uint8Array.of(0x94, 0x04, 0, 0); // Router Alert (RFC 2113)
    const parsed = unwrap(parseIpv4Header(emitIpv4({ ...base, options })));
    expect(parsed.headerLength).toBe(24);
    expect(parsed.options).toEqual(options);
  });

  it("refuses to emit headers no sender could build", () => {
    expect(() => emitIpv4({ ...base, options: new Uint8Array(3) })).toThrow(RangeError);
    expect(() => emitIpv4({ ...base, options: new Uint8Array(44) })).toThrow(RangeError);
    expect(() => emitIpv4({ ...base, fragmentOffset: 4 })).toThrow(/fragment offset/);
    expect(() => emitIpv4({ ...base, ttl: 256 })).toThrow(/ttl/);
    expect(() => emitIpv4({ ...base, payload: new Uint8Array(65516) })).toThrow(/65535/);
  });
});

describe("IPv4 parsing of bad input", () => {
  const good = emitIpv4(base);

  it("reports a wrong header checksum distinctly, with the correct value", () => {
    const bad = good.slice();
    writeU16(bad, 10, 0xbeef);
    const result = parseIpv4(bad);
    expect(result).toEqual({ ok: false, error: { kind: "bad-checksum", protocol: "ipv4", stored: 0xbeef, computed: (good[10]! << 8) | good[11]! } });
    expect(parseIpv4(bad, { verifyChecksum: false }).ok).toBe(true);
  });

  it("rejects another version, an IHL below 5 and a total length below the header", () => {
    const v6 = good.slice();
    v6[0] = 0x65;
    expect(parseIpv4(v6)).toMatchObject({ ok: false, error: { kind: "malformed", field: "version" } });
    const ihl4 = good.slice();
    ihl4[0] = 0x44;
    expect(parseIpv4(ihl4)).toMatchObject({ ok: false, error: { kind: "malformed", field: "ihl" } });
    const short = good.slice();
    writeU16(short, 2, 19);
    expect(parseIpv4(short)).toMatchObject({ ok: false, error: { kind: "malformed", field: "total-length" } });
  });

  it("reports truncation of the fixed header, the options or the body", () => {
    expect(parseIpv4(good.subarray(0, 19))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 20, available: 19 } });
    const withOptions = emitIpv4({ ...base, options: new Uint8Array(8) });
    expect(parseIpv4(withOptions.subarray(0, 24))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 28, available: 24 } });
    expect(parseIpv4(good.subarray(0, 23))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 24, available: 23 } });
  });

  it("stops the payload at the total length, leaving link-layer padding out", () => {
    const padded = new Uint8Array(46);
    padded.set(good);
    expect(unwrap(parseIpv4(padded)).payload).toEqual(base.payload);
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const result = parseIpv4(bytes);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});

describe("decrementTtl (ip_decrease_ttl)", () => {
  it("lowers TTL by one and keeps the header checksum valid", () => {
    const packet = emitIpv4(base);
    expect(decrementTtl(packet)).toBe(63);
    expect(unwrap(parseIpv4(packet)).ttl).toBe(63);
  });

  it("refuses a TTL of 0", () => {
    expect(() => decrementTtl(emitIpv4({ ...base, ttl: 0 }))).toThrow(RangeError);
  });
});
