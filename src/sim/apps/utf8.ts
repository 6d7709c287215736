/**
 * UTF-8 for programs that move text through sockets (nc): the simulator's
 * lib has no TextEncoder/TextDecoder (no DOM, no Node). Malformed input
 * decodes to U+FFFD, as TextDecoder does; a sequence cut at a read's end is
 * kept for the next chunk.
 */

export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

export class Utf8Decoder {
  #pending: number[] = [];

  /** Decode a chunk; an incomplete sequence at its end waits for the next one. */
  decode(bytes: Uint8Array): string {
    const all = [...this.#pending, ...bytes];
    this.#pending = [];
    let out = "";
    let i = 0;
    while (i < all.length) {
      const lead = all[i]!;
      const length = sequenceLength(lead);
      if (length === 0) {
        out += "\ufffd";
        i++;
        continue;
      }
      if (i + length > all.length) {
        this.#pending = all.slice(i);
        break;
      }
      const tail = all.slice(i + 1, i + length);
      if (tail.some((b) => (b & 0xc0) !== 0x80)) {
        out += "\ufffd";
        i++;
        continue;
      }
      let cp = length === 1 ? lead : lead & (0xff >> (length + 1));
      for (const b of tail) cp = (cp << 6) | (b & 0x3f);
      out += String.fromCodePoint(cp);
      i += length;
    }
    return out;
  }
}
