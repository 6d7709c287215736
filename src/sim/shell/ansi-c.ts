/**
 * Decoding of bash's ANSI-C quoting, `$'…'` (bash(1), "QUOTING"): the backslash
 * escapes of C plus \e and \cX. Only the escapes bash documents are decoded; any
 * other backslash stays as written, as bash leaves it.
 */
const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

export function decodeAnsiC(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const [decoded, consumed] = decodeEscape(text, i + 1);
    out += decoded;
    i += consumed;
  }
  return out;
}

/** Decodes the escape whose letter is at `at`; returns the text and how many characters after the backslash it used. */
function decodeEscape(text: string, at: number): [string, number] {
  const c = text[at]!;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 1];
  const octal = /^[0-7]{1,3}/.exec(text.slice(at))?.[0];
  if (octal) return [String.fromCharCode(parseInt(octal, 8) & 0xff), octal.length];
  const hex = c === "x" ? /^[0-9A-Fa-f]{1,2}/.exec(text.slice(at + 1))?.[0] : undefined;
  if (hex) return [String.fromCharCode(parseInt(hex, 16)), 1 + hex.length];
  const unicode = c === "u" || c === "U" ? new RegExp(`^[0-9A-Fa-f]{1,${c === "u" ? 4 : 8}}`).exec(text.slice(at + 1))?.[0] : undefined;
  if (unicode) return [String.fromCodePoint(parseInt(unicode, 16)), 1 + unicode.length];
  if (c === "c" && at + 1 < text.length) return [String.fromCharCode(text.charCodeAt(at + 1) & 0x1f), 2];
  return ["\\" + c, 1];
}
