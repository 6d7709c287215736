/**
 * IPv6 text form per RFC 5952 §4: lowercase hex, no leading zeros in a
 * group, "::" for the longest run of two or more zero groups (the first run
 * on a tie), never for a single zero group.
 *
 * Like glibc's inet_ntop (what `ip -6 addr` prints), an IPv4-mapped address
 * keeps its IPv4 tail dotted (::ffff:192.0.2.1, RFC 5952 §5), and so does
 * the deprecated IPv4-compatible form ::a.b.c.d (RFC 4291 §2.5.5.1) when
 * exactly the first six groups are zero.
 */
import { type Ipv6Address, ipv6Groups } from "./ipv6";

interface ZeroRun {
  start: number;
  length: number;
}

/** The longest run of zero groups (first on ties), or null if none is at least two long. */
function longestZeroRun(groups: readonly number[]): ZeroRun | null {
  let best: ZeroRun | null = null;
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const length = i - start;
      if (length >= 2 && (!best || length > best.length)) best = { start, length };
      start = -1;
    }
  }
  return best;
}

function dottedTail(groups: readonly number[]): string {
  const high = groups[6] ?? 0;
  const low = groups[7] ?? 0;
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

function hex(groups: readonly number[]): string {
  return groups.map((g) => g.toString(16)).join(":");
}

export function formatIpv6(address: Ipv6Address): string {
  const groups = ipv6Groups(address);
  const run = longestZeroRun(groups);
  if (run?.start === 0) {
    if (run.length === 6) return `::${dottedTail(groups)}`;
    if (run.length === 5 && groups[5] === 0xffff) return `::ffff:${dottedTail(groups)}`;
  }
  if (!run) return hex(groups);
  return `${hex(groups.slice(0, run.start))}::${hex(groups.slice(run.start + run.length))}`;
}
