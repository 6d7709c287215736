/**
 * TCP options (RFC 9293 §3.1 "Options"; kinds from the IANA registry): the
 * ones Linux puts in its segments — MSS, window scale and SACK-permitted
 * (RFC 7323 §2, RFC 2018 §2) on SYNs, timestamps (RFC 7323 §3) on every
 * segment, SACK blocks (RFC 2018 §3) — plus NOP and end-of-list padding.
 * The list keeps order and padding so real segments re-emit byte for byte.
 */
import { err, ok, readU16, readU32, writeU16, writeU32, type Result } from "../core";
import { malformed, type WireError } from "./wire-error";

export const TcpOptionKind = {
  EOL: 0,
  NOP: 1,
  MSS: 2,
  WINDOW_SCALE: 3,
  SACK_PERMITTED: 4,
  SACK: 5,
  TIMESTAMPS: 8,
} as const;

export type TcpOption =
  | { readonly kind: "eol" }
  | { readonly kind: "nop" }
  | { readonly kind: "mss"; readonly value: number }
  | { readonly kind: "window-scale"; readonly shift: number }
  | { readonly kind: "sack-permitted" }
  | { readonly kind: "sack"; readonly blocks: readonly (readonly [number, number])[] }
  | { readonly kind: "timestamps"; readonly tsval: number; readonly tsecr: number }
  /** Any other kind, or a known kind with the wrong length (Linux's tcp_parse_options skips those too). */
  | { readonly kind: "unknown"; readonly type: number; readonly data: Uint8Array };

/** Parse the option bytes between the fixed header and the data. */
export function parseTcpOptions(bytes: Uint8Array): Result<TcpOption[], WireError> {
  const options: TcpOption[] = [];
  let i = 0;
  while (i < bytes.length) {
    const type = bytes[i]!;
    if (type === TcpOptionKind.EOL) {
      // Everything after end-of-list is padding (RFC 9293 §3.1).
      options.push({ kind: "eol" });
      break;
    }
    if (type === TcpOptionKind.NOP) {
      options.push({ kind: "nop" });
      i++;
      continue;
    }
    if (i + 1 >= bytes.length) return err(malformed("tcp", "options", `option kind ${type} at offset ${i} has no length byte`));
    const length = bytes[i + 1]!;
    if (length < 2) return err(malformed("tcp", "options", `option kind ${type} has length ${length} (< 2)`));
    if (i + length > bytes.length) return err(malformed("tcp", "options", `option kind ${type} of length ${length} runs past the header`));
    options.push(knownOption(type, bytes.subarray(i, i + length)));
    i += length;
  }
  return ok(options);
}

function knownOption(type: number, option: Uint8Array): TcpOption {
  const length = option.length;
  switch (type) {
    case TcpOptionKind.MSS:
      if (length === 4) return { kind: "mss", value: readU16(option, 2) };
      break;
    case TcpOptionKind.WINDOW_SCALE:
      if (length === 3) return { kind: "window-scale", shift: option[2]! };
      break;
    case TcpOptionKind.SACK_PERMITTED:
      if (length === 2) return { kind: "sack-permitted" };
      break;
    case TcpOptionKind.SACK:
      if ((length - 2) % 8 === 0 && length > 2) {
        const blocks: [number, number][] = [];
        for (let j = 2; j < length; j += 8) blocks.push([readU32(option, j), readU32(option, j + 4)]);
        return { kind: "sack", blocks };
      }
      break;
    case TcpOptionKind.TIMESTAMPS:
      if (length === 10) return { kind: "timestamps", tsval: readU32(option, 2), tsecr: readU32(option, 6) };
      break;
  }
  return { kind: "unknown", type, data: option.slice(2) };
}

export function tcpOptionLength(option: TcpOption): number {
  switch (option.kind) {
    case "eol":
    case "nop":
      return 1;
    case "mss":
      return 4;
    case "window-scale":
      return 3;
    case "sack-permitted":
      return 2;
    case "sack":
      return 2 + 8 * option.blocks.length;
    case "timestamps":
      return 10;
    case "unknown":
      return 2 + option.data.length;
  }
}

/** Bytes the options take once zero-padded to a 32-bit boundary. */
export function tcpOptionsLength(options: readonly TcpOption[]): number {
  const raw = options.reduce((n, o) => n + tcpOptionLength(o), 0);
  return (raw + 3) & ~3;
}

/** Write `options` at `offset`; the padding after them stays zero (end-of-list bytes). */
export function writeTcpOptions(bytes: Uint8Array, offset: number, options: readonly TcpOption[]): void {
  let i = offset;
  for (const option of options) {
    switch (option.kind) {
      case "eol":
        bytes[i] = TcpOptionKind.EOL;
        break;
      case "nop":
        bytes[i] = TcpOptionKind.NOP;
        break;
      case "mss":
        bytes.set([TcpOptionKind.MSS, 4], i);
        writeU16(bytes, i + 2, option.value);
        break;
      case "window-scale":
        bytes.set([TcpOptionKind.WINDOW_SCALE, 3, option.shift], i);
        break;
      case "sack-permitted":
        bytes.set([TcpOptionKind.SACK_PERMITTED, 2], i);
        break;
      case "sack":
        bytes.set([TcpOptionKind.SACK, 2 + 8 * option.blocks.length], i);
        option.blocks.forEach(([left, right], j) => {
          writeU32(bytes, i + 2 + 8 * j, left);
          writeU32(bytes, i + 6 + 8 * j, right);
        });
        break;
      case "timestamps":
        bytes.set([TcpOptionKind.TIMESTAMPS, 10], i);
        writeU32(bytes, i + 2, option.tsval);
        writeU32(bytes, i + 6, option.tsecr);
        break;
      case "unknown":
        bytes.set([option.type, 2 + option.data.length], i);
        bytes.set(option.data, i + 2);
        break;
    }
    i += tcpOptionLength(option);
  }
}

/** As tcpdump prints the list: "mss 1360,sackOK,TS val 2702432768 ecr 0,nop,wscale 10". */
export function formatTcpOptions(options: readonly TcpOption[]): string {
  return options.map(formatTcpOption).join(",");
}

export function formatTcpOption(option: TcpOption): string {
  switch (option.kind) {
    case "eol":
      return "eol";
    case "nop":
      return "nop";
    case "mss":
      return `mss ${option.value}`;
    case "window-scale":
      return `wscale ${option.shift}`;
    case "sack-permitted":
      return "sackOK";
    case "sack":
      return `sack ${option.blocks.length} ${option.blocks.map(([l, r]) => `{${l}:${r}}`).join("")}`;
    case "timestamps":
      return `TS val ${option.tsval} ecr ${option.tsecr}`;
    case "unknown":
      return `unknown-${option.type}`;
  }
}
