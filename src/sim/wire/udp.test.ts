import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { readU16, unwrap, writeU16 } from "../core";
import { emitUdp, parseUdp, udpChecksum } from "./udp";
import { ipv4Address, udpRepr } from "./test-arbitraries";

const endpoints = { src: ipv4FromOctets(10, 0, 0, 1), dst: ipv4FromOctets(10, 0, 1, 2) };

describe("UDP (RFC 768)", () => {
  it("round-trips with a checksum over the pseudo header", () => {
    fc.assert(
      fc.property(udpRepr, ipv4Address, ipv4Address, (repr, src, dst) => {
        const bytes = emitUdp(repr, { src, dst });
        expect(unwrap(parseUdp(bytes, { src, dst }))).toEqual(repr);
        expect(emitUdp(unwrap(parseUdp(bytes)), { src, dst })).toEqual(bytes);
      }),
    );
  });

  it("detects a datagram checked against the wrong addresses (e.g. after NAT without a fix-up)", () => {
    const bytes = emitUdp({ srcPort: 1, dstPort: 2, payload: Uint8Array.of(1) }, endpoints);
    const other = { ...endpoints, dst: ipv4FromOctets(192, 168, 0, 1) };
    expect(parseUdp(bytes, other)).toEqual({
      ok: false,
      error: { kind: "bad-checksum", protocol: "udp", stored: readU16(bytes, 6), computed: udpChecksum(bytes, other) },
    });
  });

  it("accepts a zero checksum as 'none computed' and sends a computed zero as 0xffff", () => {
    const none = emitUdp({ srcPort: 1, dstPort: 2, payload: new Uint8Array(0) });
    expect(readU16(none, 6)).toBe(0);
    expect(parseUdp(none, endpoints).ok).toBe(true);
    // Find a payload whose checksum computes to 0, then check it is transmitted as all ones.
    const bytes = emitUdp({ srcPort: 1, dstPort: 2, payload: new Uint8Array(2) }, endpoints);
    writeU16(bytes, 8, readU16(bytes, 6)); // payload word = old checksum makes the new sum 0xffff
    expect(udpChecksum(bytes, endpoints)).toBe(0xffff);
  });

  it("uses the length field: padding is not payload, a short buffer is truncated", () => {
    const bytes = emitUdp({ srcPort: 5, dstPort: 6, payload: Uint8Array.of(7, 8) }, endpoints);
    const padded = new Uint8Array(20);
    padded.set(bytes);
    expect(unwrap(parseUdp(padded, endpoints)).payload).toEqual(Uint8Array.of(7, 8));
    expect(parseUdp(bytes.subarray(0, 9))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 10, available: 9 } });
    const bad = bytes.slice();
    writeU16(bad, 4, 7);
    expect(parseUdp(bad)).toMatchObject({ ok: false, error: { kind: "malformed", field: "length" } });
    expect(parseUdp(bytes.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 8 } });
  });
});
