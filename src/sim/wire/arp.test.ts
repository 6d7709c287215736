import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { unwrap } from "../core";
import { ArpOperation, emitArp, isArpProbe, isGratuitousArp, parseArp } from "./arp";
import { ZERO_MAC, type MacAddress } from "./mac-address";
import { arpRepr } from "./test-arbitraries";

const mac = "02:00:00:00:0a:01" as MacAddress;

describe("ARP (RFC 826)", () => {
  it("round-trips any Ethernet/IPv4 request or reply", () => {
    fc.assert(
      fc.property(arpRepr, (repr) => {
        const bytes = emitArp(repr);
        expect(bytes).toHaveLength(28);
        expect(unwrap(parseArp(bytes))).toEqual(repr);
      }),
    );
  });

  it("ignores padding after the 28 bytes", () => {
    const repr = { operation: ArpOperation.REQUEST, senderMac: mac, senderIp: ipv4FromOctets(10, 0, 0, 1), targetMac: ZERO_MAC, targetIp: ipv4FromOctets(10, 0, 0, 2) };
    const padded = new Uint8Array(46);
    padded.set(emitArp(repr));
    expect(unwrap(parseArp(padded))).toEqual(repr);
  });

  it("rejects what Linux's arp_rcv would not handle on Ethernet, saying which field", () => {
    const bytes = emitArp({ operation: 1, senderMac: mac, senderIp: ipv4FromOctets(1, 2, 3, 4), targetMac: ZERO_MAC, targetIp: ipv4FromOctets(1, 2, 3, 5) });
    const withField = (offset: number, value: number): Uint8Array => {
      const copy = bytes.slice();
      copy[offset] = value;
      return copy;
    };
    expect(parseArp(withField(1, 6))).toMatchObject({ ok: false, error: { kind: "unsupported", field: "htype" } });
    expect(parseArp(withField(2, 0x86))).toMatchObject({ ok: false, error: { kind: "unsupported", field: "ptype" } });
    expect(parseArp(withField(4, 8))).toMatchObject({ ok: false, error: { kind: "unsupported", field: "hlen" } });
    expect(parseArp(withField(7, 3))).toMatchObject({ ok: false, error: { kind: "unsupported", field: "oper" } });
    expect(parseArp(bytes.subarray(0, 27))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 28, available: 27 } });
  });

  it("recognises gratuitous ARP (sender = target IP) and ARP probes (sender 0.0.0.0)", () => {
    const ip = ipv4FromOctets(10, 0, 1, 2);
    expect(isGratuitousArp({ operation: 1, senderMac: mac, senderIp: ip, targetMac: ZERO_MAC, targetIp: ip })).toBe(true);
    expect(isGratuitousArp({ operation: 1, senderMac: mac, senderIp: ipv4FromOctets(10, 0, 1, 1), targetMac: ZERO_MAC, targetIp: ip })).toBe(false);
    expect(isArpProbe({ operation: 1, senderMac: mac, senderIp: ipv4FromOctets(0, 0, 0, 0), targetMac: ZERO_MAC, targetIp: ip })).toBe(true);
  });
});
