/**
 * Seeded randomness for the simulator: random MACs, ephemeral ports, ICMP
 * ids, neighbour reachable-time jitter. Never Math.random — a world must
 * replay identically from its seed.
 *
 * Generator: xoshiro128** 1.1 (David Blackman and Sebastiano Vigna,
 * "Scrambled linear pseudorandom number generators", 2018; reference C at
 * prng.di.unimi.it/xoshiro128starstar.c): 128 bits of state, period 2^128 − 1,
 * and only 32-bit operations, which JavaScript does exactly with Math.imul
 * and `>>> 0`.
 *
 * Seeding and forking mix with MurmurHash3's 32-bit finaliser `fmix32`
 * (Austin Appleby) stepped by the golden-ratio increment, as SplitMix does
 * (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014) — Vigna's advice is to never seed xoshiro with raw user bits.
 */

/** The four 32-bit words of generator state, JSON-safe for world snapshots. */
export type RngState = readonly [number, number, number, number];

const GOLDEN = 0x9e3779b9;
const TWO_POW_32 = 0x1_0000_0000;

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** MurmurHash3 fmix32: a bijective avalanche of 32 bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units: turns a label into 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Four well-mixed words from 32 bits of seed, SplitMix style. */
function expand(seed: number, salt: RngState = [0, 0, 0, 0]): RngState {
  let acc = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    acc = (acc + GOLDEN) >>> 0;
    words.push(fmix32(acc ^ salt[i]!));
    acc = fmix32(acc ^ salt[i]!);
  }
  // xoshiro must not start from all zeros (its one fixed point).
  if (!words.some((w) => w !== 0)) words[0] = 1;
  return words as unknown as RngState;
}

function seedToWord(seed: number | string): number {
  if (typeof seed === "string") return fnv1a(seed);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer or a string: ${seed}`);
  // Fold a seed wider than 32 bits instead of silently dropping its high part.
  const high = Math.floor(seed / TWO_POW_32);
  return (fmix32(high) ^ seed) >>> 0;
}

export class Rng {
  #s: [number, number, number, number];
  /** Identity of this stream, from which forks derive theirs. Fixed at creation. */
  readonly #key: RngState;

  private constructor(key: RngState, state: RngState) {
    this.#key = key;
    this.#s = [state[0], state[1], state[2], state[3]];
  }

  /** A root generator. The same seed always yields the same streams. */
  static fromSeed(seed: number | string): Rng {
    const key = expand(seedToWord(seed));
    return new Rng(key, key);
  }

  /** Rebuild a generator from `snapshot()` output, for time travel. */
  static restore(snapshot: RngSnapshot): Rng {
    return new Rng(snapshot.key, snapshot.state);
  }

  snapshot(): RngSnapshot {
    return { key: this.#key, state: [this.#s[0], this.#s[1], this.#s[2], this.#s[3]] };
  }

  /**
   * An independent stream named `label`, derived from this stream's identity
   * and the label only — not from how many numbers were drawn. So giving each
   * namespace or device its own fork (label e.g. "netns:ns1") means adding a
   * namespace never changes the MACs another one gets. The same label always
   * yields the same stream: use distinct labels for distinct consumers.
   */
  fork(label: string): Rng {
    const key = expand(fnv1a(label), this.#key);
    return new Rng(key, key);
  }

  /** xoshiro128**: the next 32 uniformly random bits, as 0 … 2^32 − 1. */
  nextU32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits, like a double from Math.random. */
  nextFloat(): number {
    const high = this.nextU32() >>> 5; // 27 bits
    const low = this.nextU32() >>> 6; // 26 bits
    return (high * 67_108_864 + low) / 9_007_199_254_740_992;
  }

  /**
   * Uniform integer in [lo, hi], both inclusive, without modulo bias
   * (rejection sampling). The span may be at most 2^32 values.
   */
  intBetween(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo) {
      throw new RangeError(`bad range [${lo}, ${hi}]`);
    }
    const span = hi - lo + 1;
    if (span > TWO_POW_32) throw new RangeError(`range [${lo}, ${hi}] spans more than 2^32 values`);
    // Largest multiple of span that fits in 2^32; draws at or above it would bias the low values.
    const limit = TWO_POW_32 - (TWO_POW_32 % span);
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return lo + (x % span);
    }
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      let word = this.nextU32();
      for (let j = i; j < Math.min(i + 4, n); j++) {
        out[j] = word & 0xff;
        word >>>= 8;
      }
    }
    return out;
  }

  /**
   * A random Ethernet address exactly as Linux's eth_random_addr()
   * (include/linux/etherdevice.h) makes one for veth, bridges and macvlan
   * without a configured address: six random bytes, then the multicast (I/G)
   * bit cleared and the locally-administered (U/L) bit set in the first
   * octet — so it never collides with a vendor OUI (IEEE 802-2014 §8.2).
   */
  randomMac(): Uint8Array {
    const mac = this.bytes(6);
    mac[0] = (mac[0]! & 0xfe) | 0x02;
    return mac;
  }
}

export interface RngSnapshot {
  readonly key: RngState;
  readonly state: RngState;
}
