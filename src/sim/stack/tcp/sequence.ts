/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): "a < b" means b
 * lies less than 2^31 ahead of a, as the kernel's before()/after() do
 * (include/net/tcp.h).
 */

export function seqAdd(seq: number, n: number): number {
  return (seq + n) >>> 0;
}

/** seq1 before seq2 (the kernel's before()). */
export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

export function seqLe(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}

/** How far b is ahead of a, as an unsigned 32-bit distance. */
export function seqDiff(b: number, a: number): number {
  return (b - a) >>> 0;
}
