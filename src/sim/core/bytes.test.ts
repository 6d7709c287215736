import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  asciiToBytes,
  bytesEqual,
  bytesToAscii,
  concatBytes,
  fromHex,
  hexDump,
  printableAscii,
  readU16,
  readU32,
  toHex,
  writeU16,
  writeU32,
} from "./bytes";

describe("big-endian reads and writes", () => {
  it("reads network byte order", () => {
    const b = Uint8Array.of(0x45, 0x00, 0x00, 0x54, 0xff, 0xff, 0xff, 0xfe);
    expect(readU16(b, 2)).toBe(0x54);
    expect(readU32(b, 0)).toBe(0x45000054);
    expect(readU32(b, 4)).toBe(0xfffffffe); // unsigned, not -2
  });

  it("round-trips any 16- and 32-bit value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffffffff }), (a, b) => {
        const buf = new Uint8Array(6);
        writeU16(buf, 0, a);
        writeU32(buf, 2, b);
        expect(readU16(buf, 0)).toBe(a);
        expect(readU32(buf, 2)).toBe(b);
      }),
    );
  });

  it("reads past the end as zero instead of NaN", () => {
    expect(readU16(Uint8Array.of(1), 0)).toBe(0x100);
    expect(readU32(new Uint8Array(0), 0)).toBe(0);
  });
});

describe("hex", () => {
  it("formats and parses, ignoring spacing, colons and # comments", () => {
    expect(toHex(Uint8Array.of(0, 0xab, 0x0f), " ")).toBe("00 ab 0f");
    expect(fromHex("# a comment\n02:00:00 0a\nFF # tail")).toEqual(Uint8Array.of(2, 0, 0, 0x0a, 0xff));
    expect(fromHex("abc")).toBeUndefined();
    expect(fromHex("zz")).toBeUndefined();
  });

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(fromHex(toHex(b, " "))).toEqual(b);
      }),
    );
  });
});

describe("hexDump", () => {
  it("prints offset, 16 bytes and ASCII per line, as tshark -x does", () => {
    const frame = fromHex("ffffffffffff020000000a0108060001 080006040001020000000a010a000001 00000000 4142")!;
    expect(hexDump(frame).split("\n")).toEqual([
      "0000  ff ff ff ff ff ff 02 00 00 00 0a 01 08 06 00 01   ................",
      "0010  08 00 06 04 00 01 02 00 00 00 0a 01 0a 00 00 01   ................",
      "0020  00 00 00 00 41 42                                 ....AB",
    ]);
  });

  it("is empty for no bytes", () => {
    expect(hexDump(new Uint8Array(0))).toBe("");
  });
});

describe("ASCII", () => {
  it("converts text to bytes and back without TextEncoder", () => {
    const bytes = asciiToBytes("GET / HTTP/1.0\r\n");
    expect(bytes[0]).toBe(0x47);
    expect(bytesToAscii(bytes)).toBe("GET / HTTP/1.0\r\n");
    expect(printableAscii(bytes)).toBe("GET / HTTP/1.0..");
  });

  it("turns non-ASCII characters into '?' rather than a wrong byte", () => {
    expect(Array.from(asciiToBytes("é"))).toEqual([0x3f]);
  });
});

describe("byte arrays", () => {
  it("compares and concatenates", () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });
});
