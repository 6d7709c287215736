import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { unwrap, writeU16 } from "../core";
import { emitIcmp, IcmpType, isIcmpError, parseIcmp, UnreachableCode, type IcmpRepr } from "./icmp";
import { describeIcmpForTcpdump } from "./icmp-text";
import { emitIpv4, IpProtocol, parseIpv4Header } from "./ipv4";
import { emitUdp } from "./udp";
import { icmpRepr } from "./test-arbitraries";

describe("ICMP round trips (RFC 792)", () => {
  it("parse(emit(repr)) = repr for every message kind", () => {
    fc.assert(
      fc.property(icmpRepr, (repr) => {
        expect(unwrap(parseIcmp(emitIcmp(repr)))).toEqual(repr);
      }),
    );
  });

  it("emit(parse(bytes)) reproduces the bytes", () => {
    fc.assert(
      fc.property(icmpRepr, (repr) => {
        const bytes = emitIcmp(repr);
        expect(emitIcmp(unwrap(parseIcmp(bytes)))).toEqual(bytes);
      }),
    );
  });
});

describe("ICMP messages", () => {
  it("puts echo identifier and sequence in the second word", () => {
    const bytes = emitIcmp({ kind: "echo-request", identifier: 0x2a, sequence: 1, data: Uint8Array.of(0xde, 0xad) });
    expect(Array.from(bytes.subarray(0, 2))).toEqual([IcmpType.ECHO_REQUEST, 0]);
    expect(Array.from(bytes.subarray(4))).toEqual([0, 0x2a, 0, 1, 0xde, 0xad]);
  });

  it("carries the next-hop MTU of a fragmentation-needed error in the low half of the second word (RFC 1191 §4)", () => {
    const bytes = emitIcmp({ kind: "destination-unreachable", code: UnreachableCode.FRAG_NEEDED, nextHopMtu: 1400, original: new Uint8Array(28) });
    expect(Array.from(bytes.subarray(4, 8))).toEqual([0, 0, 0x05, 0x78]);
  });

  it("classifies error messages (RFC 1122 §3.2.2)", () => {
    const errors: IcmpRepr[] = [
      { kind: "destination-unreachable", code: 3, nextHopMtu: 0, original: new Uint8Array(0) },
      { kind: "time-exceeded", code: 0, original: new Uint8Array(0) },
    ];
    for (const e of errors) expect(isIcmpError(e)).toBe(true);
    expect(isIcmpError({ kind: "echo-reply", identifier: 1, sequence: 1, data: new Uint8Array(0) })).toBe(false);
  });

  it("keeps an echo with a non-zero code raw instead of silently fixing it", () => {
    const bytes = emitIcmp({ kind: "other", type: 8, code: 1, rest: 0x00010002, data: new Uint8Array(0) });
    expect(unwrap(parseIcmp(bytes))).toMatchObject({ kind: "other", type: 8, code: 1 });
  });

  it("reports a bad checksum and truncation precisely", () => {
    const bytes = emitIcmp({ kind: "echo-reply", identifier: 7, sequence: 9, data: new Uint8Array(4) });
    const correct = (bytes[2]! << 8) | bytes[3]!;
    writeU16(bytes, 2, 0x1111);
    expect(parseIcmp(bytes)).toEqual({ ok: false, error: { kind: "bad-checksum", protocol: "icmp", stored: 0x1111, computed: correct } });
    expect(parseIcmp(bytes, { verifyChecksum: false }).ok).toBe(true);
    expect(parseIcmp(bytes.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: "truncated", needed: 8, available: 7 } });
  });
});

describe("ICMP text as tcpdump prints it", () => {
  const original = emitIpv4({
    dscp: 0, ecn: 0, identification: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 63,
    protocol: IpProtocol.UDP, src: ipv4FromOctets(10, 0, 0, 1), dst: ipv4FromOctets(10, 0, 1, 2),
    payload: emitUdp({ srcPort: 40000, dstPort: 9, payload: new Uint8Array(3) }),
  });
  const quoted = unwrap(parseIpv4Header(original));
  const transport = original.subarray(20);

  it("names the quoted destination and port", () => {
    const icmp: IcmpRepr = { kind: "destination-unreachable", code: 3, nextHopMtu: 0, original };
    expect(describeIcmpForTcpdump(icmp, quoted, transport)).toBe("10.0.1.2 udp port 9 unreachable");
    expect(describeIcmpForTcpdump({ ...icmp, code: 0 }, quoted)).toBe("net 10.0.1.2 unreachable");
    expect(describeIcmpForTcpdump({ ...icmp, code: 2 }, quoted)).toBe("10.0.1.2 protocol 17 unreachable");
    expect(describeIcmpForTcpdump({ ...icmp, code: 4, nextHopMtu: 0 }, quoted)).toBe("10.0.1.2 unreachable - need to frag");
    expect(describeIcmpForTcpdump({ ...icmp, code: 10 }, quoted)).toBe("host 10.0.1.2 unreachable - admin prohibited");
    expect(describeIcmpForTcpdump({ ...icmp, code: 99 }, quoted)).toBe("10.0.1.2 unreachable - #99");
  });

  it("words redirects, parameter problems and reassembly timeouts", () => {
    expect(describeIcmpForTcpdump({ kind: "redirect", code: 1, gateway: ipv4FromOctets(10, 0, 0, 3), original }, quoted)).toBe("redirect 10.0.1.2 to host 10.0.0.3");
    expect(describeIcmpForTcpdump({ kind: "parameter-problem", code: 0, pointer: 8, original }, quoted)).toBe("parameter problem - octet 8");
    expect(describeIcmpForTcpdump({ kind: "time-exceeded", code: 1, original }, quoted)).toBe("ip reassembly time exceeded");
  });
});
