import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHex, readU16, writeU16 } from "../core";
import { ipv4FromOctets } from "../addr";
import { checksumIsValid, internetChecksum, ipv4PseudoHeaderSum, onesComplementSum, updateChecksum } from "./checksum";
import { decrementTtl, emitIpv4 } from "./ipv4";
import { ipv4Repr } from "./test-arbitraries";

describe("Internet checksum (RFC 1071)", () => {
  it("sums the RFC 1071 §3 example to 0xddf2 and stores its complement", () => {
    const data = fromHex("0001 f203 f4f5 f6f7")!;
    expect(onesComplementSum(data)).toBe(0xddf2);
    expect(internetChecksum(data)).toBe(0x220d);
  });

  it("pads an odd trailing byte with zero on the right", () => {
    expect(onesComplementSum(Uint8Array.of(0x12, 0x34, 0x56))).toBe(0x1234 + 0x5600);
  });

  it("validates data that includes its own checksum", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 100 }), (bytes) => {
        const data = bytes.slice();
        writeU16(data, 0, 0);
        writeU16(data, 0, internetChecksum(data));
        expect(checksumIsValid(data)).toBe(true);
      }),
    );
  });

  it("checks a real IPv4 header captured from Linux", () => {
    // 10.0.0.1 > 10.0.0.254, ICMP echo request: bytes 14–33 of fixtures/icmp-echo-request.hex.
    const header = fromHex("4500 0054 ee72 4000 4001 3738 0a00 0001 0a00 00fe")!;
    const stored = readU16(header, 10);
    writeU16(header, 10, 0);
    expect(internetChecksum(header)).toBe(stored);
  });

  it("adds the IPv4 pseudo header as RFC 768 lays it out", () => {
    const src = ipv4FromOctets(10, 0, 0, 1);
    const dst = ipv4FromOctets(10, 0, 1, 2);
    const laidOut = fromHex("0a000001 0a000102 0011 000b")!; // src, dst, zero+protocol 17, length 11
    expect(ipv4PseudoHeaderSum(src, dst, 17, 11)).toBe(onesComplementSum(laidOut));
  });
});

describe("incremental update (RFC 1624)", () => {
  it("equals a full recomputation after changing any 16-bit word", () => {
    fc.assert(
      fc.property(
        ipv4Repr(fc.constant(new Uint8Array(0))),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 0xffff }),
        (repr, wordIndex, newWord) => {
          const header = emitIpv4(repr);
          if (wordIndex === 5) return; // the checksum word itself
          const oldWord = readU16(header, 2 * wordIndex);
          const incremental = updateChecksum(readU16(header, 10), oldWord, newWord);
          writeU16(header, 2 * wordIndex, newWord);
          writeU16(header, 10, 0);
          expect(incremental).toBe(internetChecksum(header));
        },
      ),
    );
  });

  it("Linux's TTL decrement gives the same checksum as recomputing it", () => {
    fc.assert(
      fc.property(ipv4Repr(), (repr) => {
        if (repr.ttl === 0) return;
        const packet = emitIpv4(repr);
        expect(decrementTtl(packet)).toBe(repr.ttl - 1);
        expect(packet).toEqual(emitIpv4({ ...repr, ttl: repr.ttl - 1 }));
      }),
    );
  });
});
