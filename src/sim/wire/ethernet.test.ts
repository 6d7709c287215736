import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../core";
import { emitEthernet, ETHERNET_MIN_FRAME, EtherType, parseEthernet, padToMinimumFrame } from "./ethernet";
import { BROADCAST_MAC, type MacAddress } from "./mac-address";
import { ethernetRepr } from "./test-arbitraries";

describe("Ethernet II", () => {
  it("round-trips: parse(emit(repr)) = repr and emit(parse(bytes)) = bytes", () => {
    fc.assert(
      fc.property(ethernetRepr, (repr) => {
        const frame = emitEthernet(repr);
        expect(frame).toHaveLength(14 + repr.payload.length);
        const parsed = unwrap(parseEthernet(frame));
        expect(parsed).toEqual(repr);
        expect(emitEthernet(parsed)).toEqual(frame);
      }),
    );
  });

  it("lays out destination, source, then the EtherType", () => {
    const frame = emitEthernet({ dst: BROADCAST_MAC, src: "02:00:00:00:0a:01" as MacAddress, ethertype: EtherType.ARP, payload: Uint8Array.of(0xaa) });
    expect(Array.from(frame)).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0x0a, 1, 0x08, 0x06, 0xaa]);
  });

  it("reports a frame shorter than its header as truncated, not a crash", () => {
    expect(parseEthernet(new Uint8Array(13))).toEqual({ ok: false, error: { kind: "truncated", protocol: "ethernet", needed: 14, available: 13 } });
  });

  it("does not pad (veth does not), but can pad to 60 bytes as a NIC would", () => {
    const arp = emitEthernet({ dst: BROADCAST_MAC, src: BROADCAST_MAC, ethertype: EtherType.ARP, payload: new Uint8Array(28) });
    expect(arp).toHaveLength(42);
    const padded = padToMinimumFrame(arp);
    expect(padded).toHaveLength(ETHERNET_MIN_FRAME);
    expect(padded.subarray(0, 42)).toEqual(arp);
    expect(padded.subarray(42).every((b) => b === 0)).toBe(true);
    const long = new Uint8Array(100);
    expect(padToMinimumFrame(long)).toBe(long);
  });
});
