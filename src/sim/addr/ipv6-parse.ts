/**
 * IPv6 text forms of RFC 4291 §2.2, accepted exactly as glibc's
 * inet_pton(AF_INET6) does: up to eight groups of one to four hex digits
 * (either case), one "::" standing for one or more zero groups, and an
 * optional dotted IPv4 tail for the last 32 bits (::ffff:192.0.2.1).
 */
import type { Checked } from "./explorer-types";
import { parseIpv4 } from "./ipv4";
import { type Ipv6Address, ipv6FromGroups } from "./ipv6";
import { type Failed, fail, ok, quote } from "./problem";

interface Piece {
  text: string;
  /** Offset of the piece inside the whole address text. */
  at: number;
}

export function parseIpv6(text: string, base = 0): Checked<Ipv6Address> {
  const quick = quickParse(text);
  return quick === null ? parseCarefully(text, base) : ok(quick);
}

const COLON = 58;

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * The common case in one pass without allocating strings: hex groups and at
 * most one "::". Anything else — a dotted tail, a zone, any mistake — returns
 * null and goes the careful way, which also explains problems.
 */
function quickParse(text: string): Ipv6Address | null {
  const groups: number[] = [];
  let gap = -1;
  let value = 0;
  let digits = 0;
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return null;
    gap = 0;
    i = 2;
  }
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = hexDigit(code);
    if (digit >= 0) {
      if (++digits > 4) return null;
      value = value * 16 + digit;
    } else if (code !== COLON) {
      return null;
    } else if (digits > 0) {
      groups.push(value);
      value = 0;
      digits = 0;
    } else {
      if (gap >= 0) return null;
      gap = groups.length;
    }
  }
  if (digits > 0) groups.push(value);
  else if (gap !== groups.length || text.charCodeAt(text.length - 1) !== COLON || text.length < 2) return null;
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return null;
  if (gap >= 0) groups.splice(gap, 0, ...new Array<number>(8 - groups.length).fill(0));
  return ipv6FromGroups(groups);
}

function parseCarefully(text: string, base: number): Checked<Ipv6Address> {
  const shape = checkShape(text, base);
  if (shape) return shape;
  const gap = text.indexOf("::");
  const head = gap < 0 ? text : text.slice(0, gap);
  const tail = gap < 0 ? null : text.slice(gap + 2);
  const headPieces = splitPieces(head, 0, base, tail === null);
  if (!Array.isArray(headPieces)) return headPieces;
  const tailPieces = tail === null ? [] : splitPieces(tail, gap + 2, base, true);
  if (!Array.isArray(tailPieces)) return tailPieces;

  const headGroups = readGroups(headPieces, base, tail === null);
  if (!Array.isArray(headGroups)) return headGroups;
  const tailGroups = readGroups(tailPieces, base, true);
  if (!Array.isArray(tailGroups)) return tailGroups;

  const written = headGroups.length + tailGroups.length;
  if (tail === null && written !== 8) {
    return fail(
      `${written} group${written === 1 ? "" : "s"} written: an IPv6 address has 8, unless "::" stands for a run of zero groups.`,
      base + (written > 8 ? pieceStartOfGroup(headPieces, 8) : text.length),
      written < 8 ? `Use "::" where the zero groups are, e.g. 2001:db8::1.` : undefined,
    );
  }
  if (tail !== null && written > 7) {
    // glibc rejects "1:2:3:4:5:6:7:8::": "::" must stand for at least one group.
    return fail(`Too many groups: "::" must stand for at least one zero group, so at most 7 may be written.`, base + gap);
  }
  const zeros = new Array<number>(8 - written).fill(0);
  return ok(ipv6FromGroups([...headGroups, ...zeros, ...tailGroups]));
}

/** Problems visible before splitting: empty input, zone ids, stray characters, colon runs. */
function checkShape(text: string, base: number): Failed | null {
  if (text.length === 0) {
    return fail("An IPv6 address needs hex groups separated by ':'.", base, "For example 2001:db8::1.");
  }
  const zone = text.indexOf("%");
  if (zone >= 0) {
    return fail(
      `Zone ids such as ${quote(text.slice(zone))} are not accepted here: they name the link a link-local address is used on, and are not part of the address (RFC 4007 §11).`,
      base + zone,
      `Write ${text.slice(0, zone) || "the address"} without the zone.`,
    );
  }
  const bad = /[^0-9a-fA-F:.]/.exec(text);
  if (bad) {
    return fail(
      `${quote(bad[0])} cannot appear in an IPv6 address.`,
      base + bad.index,
      "Groups are hex digits 0–9 and a–f, separated by ':'.",
    );
  }
  const triple = text.indexOf(":::");
  if (triple >= 0) return fail(`Three colons in a row: use "::" for a run of zero groups.`, base + triple);
  const gap = text.indexOf("::");
  const second = gap < 0 ? -1 : text.indexOf("::", gap + 2);
  if (second >= 0) {
    return fail(
      `"::" may appear only once (RFC 4291 §2.2): with two, nobody could tell how many zero groups each stands for.`,
      base + second,
      "Write the zero groups of one of the runs as 0, e.g. 2001:0:0:1::1.",
    );
  }
  return null;
}

/** Split one side of "::" into ':'-separated pieces; a lone ':' at either end is an error. */
function splitPieces(side: string, start: number, base: number, endsAddress: boolean): Piece[] | Failed {
  if (side === "") return [];
  const pieces: Piece[] = [];
  let at = start;
  for (const piece of side.split(":")) {
    pieces.push({ text: piece, at });
    at += piece.length + 1;
  }
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece === undefined || piece.text !== "") continue;
    if (i === 0) return fail(`An address cannot start with a single ':'.`, base + piece.at, `Use "::" for leading zero groups.`);
    if (endsAddress && i === pieces.length - 1) {
      return fail(`An address cannot end with a single ':'.`, base + piece.at - 1, `Use "::" for trailing zero groups.`);
    }
    return fail(`A group is missing between two ':'.`, base + piece.at - 1);
  }
  return pieces;
}

/** Hex groups (16 bits each); a dotted IPv4 piece counts as two groups and must come last. */
function readGroups(pieces: readonly Piece[], base: number, endsAddress: boolean): number[] | Failed {
  const groups: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece === undefined) continue;
    if (piece.text.includes(".")) {
      if (!endsAddress || i !== pieces.length - 1) {
        return fail(
          "An embedded IPv4 address can only be the last 32 bits, as in ::ffff:192.0.2.1.",
          base + piece.at,
        );
      }
      const v4 = parseIpv4(piece.text, base + piece.at);
      if (!v4.ok) return v4;
      groups.push(v4.value >>> 16, v4.value & 0xffff);
      continue;
    }
    if (piece.text.length > 4) {
      return fail(
        `${quote(piece.text)} has ${piece.text.length} hex digits; a group holds at most 4 (16 bits).`,
        base + piece.at,
      );
    }
    groups.push(parseInt(piece.text, 16));
  }
  return groups;
}

/** Offset of the piece holding group number `index` (0-based), for "too many groups". */
function pieceStartOfGroup(pieces: readonly Piece[], index: number): number {
  return pieces[Math.min(index, pieces.length - 1)]?.at ?? 0;
}
