import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "./rng";

describe("xoshiro128**", () => {
  it("matches the reference C implementation (prng.di.unimi.it) from state 1, 2, 3, 4", () => {
    // Vectors printed by the authors' xoshiro128starstar.c compiled with gcc.
    const rng = Rng.restore({ key: [1, 2, 3, 4], state: [1, 2, 3, 4] });
    const out = Array.from({ length: 8 }, () => rng.nextU32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it("matches the reference after 1000 steps from a state with high bits set", () => {
    const state = [0xdeadbeef, 0x01234567, 0x89abcdef, 0xfeedface] as const;
    const rng = Rng.restore({ key: state, state });
    for (let i = 0; i < 1000; i++) rng.nextU32();
    expect(rng.nextU32()).toBe(1707479824);
  });
});

describe("Rng determinism", () => {
  it("repeats the same stream for the same seed and differs for another", () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const c = Rng.fromSeed(43);
    const draw = (r: Rng): number[] => Array.from({ length: 16 }, () => r.nextU32());
    const da = draw(a);
    expect(draw(b)).toEqual(da);
    expect(draw(c)).not.toEqual(da);
  });

  it("accepts string seeds and seeds wider than 32 bits", () => {
    expect(Rng.fromSeed("lesson-3").nextU32()).toBe(Rng.fromSeed("lesson-3").nextU32());
    expect(Rng.fromSeed(2 ** 40).nextU32()).not.toBe(Rng.fromSeed(0).nextU32());
    expect(() => Rng.fromSeed(1.5)).toThrow(RangeError);
  });

  it("resumes exactly from a snapshot (time travel)", () => {
    const rng = Rng.fromSeed(7);
    for (let i = 0; i < 10; i++) rng.nextU32();
    const snap = JSON.parse(JSON.stringify(rng.snapshot()));
    const copy = Rng.restore(snap);
    expect(Array.from({ length: 5 }, () => copy.nextU32())).toEqual(Array.from({ length: 5 }, () => rng.nextU32()));
    expect(copy.fork("x").nextU32()).toBe(rng.fork("x").nextU32());
  });
});

describe("Rng.fork", () => {
  it("gives a stream that does not depend on how much the parent drew", () => {
    const fresh = Rng.fromSeed(1);
    const used = Rng.fromSeed(1);
    for (let i = 0; i < 100; i++) used.nextU32();
    expect(used.fork("netns:ns1").randomMac()).toEqual(fresh.fork("netns:ns1").randomMac());
  });

  it("does not perturb the parent or siblings: adding a namespace keeps the others' MACs", () => {
    const world1 = Rng.fromSeed(99);
    const macsBefore = ["ns1", "ns2"].map((ns) => world1.fork(`netns:${ns}`).randomMac());
    const world2 = Rng.fromSeed(99);
    world2.fork("netns:new").randomMac();
    const macsAfter = ["ns1", "ns2"].map((ns) => world2.fork(`netns:${ns}`).randomMac());
    expect(macsAfter).toEqual(macsBefore);
    expect(world1.nextU32()).toBe(world2.nextU32());
  });

  it("gives different labels different streams, and nests", () => {
    const root = Rng.fromSeed(5);
    const a = root.fork("a").nextU32();
    expect(root.fork("b").nextU32()).not.toBe(a);
    expect(root.fork("a").fork("a").nextU32()).not.toBe(a);
    expect(Rng.fromSeed(6).fork("a").nextU32()).not.toBe(a);
  });
});

describe("Rng distributions", () => {
  it("intBetween stays within inclusive bounds and reaches both ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 5 }), fc.integer(), (lo, width, seed) => {
        const rng = Rng.fromSeed(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 200; i++) {
          const v = rng.intBetween(lo, lo + width);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(lo + width);
          seen.add(v);
        }
        expect(seen.size).toBe(width + 1);
      }),
      { numRuns: 50 },
    );
  });

  it("intBetween covers a full 32-bit span and rejects wider or inverted ranges", () => {
    const rng = Rng.fromSeed(3);
    const v = rng.intBetween(0, 2 ** 32 - 1);
    expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
    expect(() => rng.intBetween(0, 2 ** 32)).toThrow(RangeError);
    expect(() => rng.intBetween(5, 4)).toThrow(RangeError);
  });

  it("intBetween is roughly uniform (ephemeral ports, jitter)", () => {
    const rng = Rng.fromSeed(11);
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.intBetween(0, 5)]!++;
    for (const c of counts) expect(Math.abs(c - n / 6)).toBeLessThan(n / 6 / 10);
  });

  it("nextFloat lies in [0, 1) with a mean near one half", () => {
    const rng = Rng.fromSeed(12);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
  });

  it("bytes returns exactly n bytes", () => {
    const rng = Rng.fromSeed(1);
    for (const n of [0, 1, 3, 4, 5, 17]) expect(rng.bytes(n)).toHaveLength(n);
  });
});

describe("randomMac (Linux eth_random_addr)", () => {
  it("is a locally administered unicast address, like a fresh veth's", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const mac = Rng.fromSeed(seed).randomMac();
        expect(mac).toHaveLength(6);
        expect(mac[0]! & 0x01).toBe(0); // multicast (I/G) bit clear
        expect(mac[0]! & 0x02).toBe(2); // locally administered (U/L) bit set
      }),
    );
  });

  it("keeps the other 46 bits random", () => {
    const rng = Rng.fromSeed(8);
    const firstOctets = new Set<number>();
    for (let i = 0; i < 2000; i++) firstOctets.add(rng.randomMac()[0]!);
    expect(firstOctets.size).toBe(64); // every value of the upper six bits occurs
  });
});
