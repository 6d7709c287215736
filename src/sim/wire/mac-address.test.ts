import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../core";
import {
  BROADCAST_MAC,
  isBroadcastMac,
  isLocallyAdministeredMac,
  isMulticastMac,
  isUnicastMac,
  isValidDeviceMac,
  macFromBytes,
  macToBytes,
  parseMac,
  ZERO_MAC,
  type MacAddress,
} from "./mac-address";

describe("MAC addresses", () => {
  it("format as iproute2 prints them: lowercase, two digits, colons", () => {
    expect(macFromBytes(Uint8Array.of(2, 0, 0, 0, 0x0a, 0xfe))).toBe("02:00:00:00:0a:fe");
  });

  it("parse what `ip link set address` accepts, normalised", () => {
    expect(parseMac("02:00:00:00:0A:FE")).toEqual({ ok: true, value: "02:00:00:00:0a:fe" });
    expect(parseMac("2:0:0:0:a:fe")).toEqual({ ok: true, value: "02:00:00:00:0a:fe" });
  });

  it("reject malformed text with a reason", () => {
    expect(parseMac("02:00:00:00:0a").ok).toBe(false);
    expect(parseMac("02:00:00:00:0a:fg")).toMatchObject({ ok: false, error: expect.stringContaining('"fg"') });
    expect(parseMac("002:00:00:00:0a:fe").ok).toBe(false);
  });

  it("round-trip through bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const mac = macFromBytes(bytes);
        expect(macToBytes(mac)).toEqual(bytes);
        expect(parseMac(mac)).toEqual({ ok: true, value: mac });
      }),
    );
  });

  it("classify broadcast, multicast and unicast by the I/G bit", () => {
    expect(isBroadcastMac(BROADCAST_MAC) && isMulticastMac(BROADCAST_MAC)).toBe(true);
    expect(isMulticastMac("01:00:5e:00:00:01" as MacAddress)).toBe(true); // IPv4 multicast, RFC 1112 §6.4
    expect(isMulticastMac("33:33:00:00:00:01" as MacAddress)).toBe(true); // IPv6 multicast, RFC 2464 §7
    expect(isUnicastMac("02:00:00:00:0a:01" as MacAddress)).toBe(true);
  });

  it("recognise the locally administered bit Linux sets on random MACs", () => {
    const mac = macFromBytes(Rng.fromSeed(1).randomMac());
    expect(isLocallyAdministeredMac(mac)).toBe(true);
    expect(isValidDeviceMac(mac)).toBe(true);
    expect(isLocallyAdministeredMac("00:1b:21:3a:4c:5d" as MacAddress)).toBe(false);
  });

  it("refuse zero and multicast addresses for a device, as is_valid_ether_addr does", () => {
    expect(isValidDeviceMac(ZERO_MAC)).toBe(false);
    expect(isValidDeviceMac(BROADCAST_MAC)).toBe(false);
  });
});
