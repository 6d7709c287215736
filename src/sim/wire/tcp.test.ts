import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { readU16, unwrap } from "../core";
import { emitTcp, parseTcp, tcpChecksum, TcpFlag, tcpFlagNames, tcpFlagsText, type TcpRepr } from "./tcp";
import { formatTcpOptions, parseTcpOptions } from "./tcp-options";
import { ipv4Address, tcpRepr } from "./test-arbitraries";

const endpoints = { src: ipv4FromOctets(10, 0, 0, 1), dst: ipv4FromOctets(10, 0, 1, 2) };

const syn: TcpRepr = {
  srcPort: 37530,
  dstPort: 81,
  seq: 1064377351,
  ack: 0,
  flags: TcpFlag.SYN,
  window: 65280,
  urgentPointer: 0,
  // Linux's SYN options, in Linux's order.
  options: [{ kind: "mss", value: 1360 }, { kind: "sack-permitted" }, { kind: "timestamps", tsval: 2702432768, tsecr: 0 }, { kind: "nop" }, { kind: "window-scale", shift: 10 }],
  payload: new Uint8Array(0),
};

describe("TCP (RFC 9293 §3.1)", () => {
  it("round-trips any header, option list and payload", () => {
    fc.assert(
      fc.property(tcpRepr, ipv4Address, ipv4Address, (repr, src, dst) => {
        const bytes = emitTcp(repr, { src, dst });
        const parsed = unwrap(parseTcp(bytes, { src, dst }));
        expect(parsed).toEqual(repr);
        expect(emitTcp(parsed, { src, dst })).toEqual(bytes);
      }),
    );
  });

  it("sizes the header from the options: Linux's SYN is 40 bytes", () => {
    const bytes = emitTcp(syn, endpoints);
    expect(bytes).toHaveLength(40);
    expect(bytes[12]! >>> 4).toBe(10);
  });

  it("verifies the checksum over the pseudo header", () => {
    const bytes = emitTcp(syn, endpoints);
    const moved = { ...endpoints, src: ipv4FromOctets(10, 0, 0, 9) };
    expect(parseTcp(bytes, moved)).toEqual({
      ok: false,
      error: { kind: "bad-checksum", protocol: "tcp", stored: readU16(bytes, 16), computed: tcpChecksum(bytes, moved) },
    });
  });

  it("rejects a data offset below 5 or beyond the segment", () => {
    const bytes = emitTcp(syn, endpoints);
    const small = bytes.slice();
    small[12] = 0x40 | (small[12]! & 0x0f);
    expect(parseTcp(small)).toMatchObject({ ok: false, error: { kind: "malformed", field: "data-offset" } });
    expect(parseTcp(bytes.subarray(0, 30))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 40, available: 30 } });
    expect(parseTcp(bytes.subarray(0, 19))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 20 } });
  });

  it("prints flags as tcpdump and Wireshark do", () => {
    expect(tcpFlagsText(TcpFlag.SYN)).toBe("S");
    expect(tcpFlagsText(TcpFlag.SYN | TcpFlag.ACK)).toBe("S.");
    expect(tcpFlagsText(TcpFlag.RST | TcpFlag.ACK)).toBe("R.");
    expect(tcpFlagsText(TcpFlag.FIN | TcpFlag.PSH | TcpFlag.ACK)).toBe("FP.");
    expect(tcpFlagsText(0)).toBe("none");
    expect(tcpFlagNames(TcpFlag.SYN | TcpFlag.ACK)).toBe("SYN, ACK");
  });
});

describe("TCP options", () => {
  it("print as tcpdump prints Linux's SYN options", () => {
    expect(formatTcpOptions(syn.options)).toBe("mss 1360,sackOK,TS val 2702432768 ecr 0,nop,wscale 10");
  });

  it("stop at end-of-list, treating what follows as padding", () => {
    expect(unwrap(parseTcpOptions(Uint8Array.of(1, 0, 5, 5)))).toEqual([{ kind: "nop" }, { kind: "eol" }]);
  });

  it("keep a known kind with the wrong length as unknown, as Linux ignores it", () => {
    expect(unwrap(parseTcpOptions(Uint8Array.of(2, 3, 5, 0)))).toEqual([{ kind: "unknown", type: 2, data: Uint8Array.of(5) }, { kind: "eol" }]);
  });

  it("report lengths that cannot be right", () => {
    expect(parseTcpOptions(Uint8Array.of(2, 1, 0, 0))).toMatchObject({ ok: false, error: { kind: "malformed" } });
    expect(parseTcpOptions(Uint8Array.of(8, 10, 0, 0))).toMatchObject({ ok: false, error: { kind: "malformed" } });
    expect(parseTcpOptions(Uint8Array.of(1, 1, 1, 2))).toMatchObject({ ok: false, error: { kind: "malformed" } });
  });

  it("refuse to emit more than 40 bytes of options", () => {
    const tooMany = { ...syn, options: Array.from({ length: 5 }, () => ({ kind: "timestamps" as const, tsval: 1, tsecr: 2 })) };
    expect(() => emitTcp(tooMany, endpoints)).toThrow(RangeError);
  });
});
