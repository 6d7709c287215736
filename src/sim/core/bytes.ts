/**
 * Byte helpers shared by the wire formats and the packet inspector. Network
 * byte order is big-endian (RFC 1700 "Data Notations"); every multi-byte read
 * and write here is big-endian unless its name says otherwise.
 *
 * Reads assume the caller checked the length (the wire parsers do, returning a
 * precise error); an out-of-range read yields 0 rather than NaN or a throw.
 */

export function readU8(bytes: Uint8Array, offset: number): number {
  return bytes[offset] ?? 0;
}

export function readU16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) >>> 0
  );
}

export function writeU8(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
}

export function writeU16(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 8) & 0xff;
  bytes[offset + 1] = value & 0xff;
}

export function writeU32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 24) & 0xff;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const HEX = "0123456789abcdef";

/** Two lowercase hex digits. */
export function hexByte(value: number): string {
  return HEX[(value >>> 4) & 0xf]! + HEX[value & 0xf]!;
}

/** Lowercase hex, bytes separated by `separator` ("" gives "45000054…"). */
export function toHex(bytes: Uint8Array, separator = ""): string {
  const parts: string[] = [];
  for (const b of bytes) parts.push(hexByte(b));
  return parts.join(separator);
}

/**
 * Bytes from hex text, ignoring whitespace, colons and `#` comments to the end
 * of a line — so tcpdump -xx output or a fixture file reads as is. Returns
 * undefined for an odd digit count or a non-hex character.
 */
export function fromHex(text: string): Uint8Array | undefined {
  const digits = text.replace(/#[^\n]*/g, "").replace(/[\s:]/g, "");
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Printable ASCII (0x20–0x7e) as itself, anything else as '.', as hex dumps show payloads. */
export function printableAscii(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : ".";
  return out;
}

/**
 * ASCII text to bytes (the ES2023 library has no TextEncoder). Characters
 * above 0x7f are not ASCII; they become '?' rather than a silently wrong byte.
 */
export function asciiToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = code <= 0x7f ? code : 0x3f;
  }
  return out;
}

/** Bytes to a string, one character per byte (Latin-1), for protocol text such as HTTP lines. */
export function bytesToAscii(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/**
 * A hex dump as `tshark -x` prints one (Wireshark's print_hex_data): per line
 * the offset in hex, two spaces, up to 16 bytes, three spaces, and the same
 * bytes as printable ASCII with '.' for the rest. Short last lines are padded
 * so the ASCII column stays aligned.
 *
 *   0000  ff ff ff ff ff ff 02 00 00 00 0a 01 08 06 00 01   ................
 */
export function hexDump(bytes: Uint8Array): string {
  const offsetWidth = bytes.length > 0x10000 ? 8 : 4;
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += 16) {
    const row = bytes.subarray(start, start + 16);
    const hex = toHex(row, " ").padEnd(16 * 3 - 1, " ");
    lines.push(`${start.toString(16).padStart(offsetWidth, "0")}  ${hex}   ${printableAscii(row)}`);
  }
  return lines.join("\n");
}
