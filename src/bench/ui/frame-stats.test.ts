import { describe, expect, it } from "vitest";
import { frameStats, longTaskStats } from "./frame-stats";

describe("frameStats", () => {
  it("reports the rate, the spread and the stutters of the frames drawn", () => {
    const stamps = [0, 16, 32, 48, 148, 164];
    const stats = frameStats(stamps);
    expect(stats.frames).toBe(5);
    expect(stats.seconds).toBeCloseTo(0.164);
    expect(stats.fps).toBeCloseTo(5 / 0.164);
    expect(stats.p50Ms).toBe(16);
    expect(stats.maxMs).toBe(100);
    expect(stats.janky).toBe(1);
  });

  it("says nothing was drawn when fewer than two frames were", () => {
    expect(frameStats([5])).toMatchObject({ frames: 0, fps: 0, maxMs: 0 });
  });
});

describe("longTaskStats", () => {
  it("counts long tasks and their total and longest time", () => {
    expect(longTaskStats([60, 120, 55])).toEqual({ count: 3, totalMs: 235, maxMs: 120 });
  });
});
