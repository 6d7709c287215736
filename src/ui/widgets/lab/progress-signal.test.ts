import { describe, expect, it } from "vitest";
import { createProgressSignal, type DotProgress } from "./progress-signal";

describe("createProgressSignal", () => {
  it("tells subscribers each new position of the dot until they unsubscribe", () => {
    const signal = createProgressSignal();
    const seen: DotProgress[] = [];
    const unsubscribe = signal.subscribe((value) => seen.push(value));
    signal.set({ event: 4, progress: 0.25 });
    signal.set({ event: 4, progress: 0.5 });
    unsubscribe();
    signal.set({ event: 5, progress: 0 });
    expect(seen).toEqual([
      { event: 4, progress: 0.25 },
      { event: 4, progress: 0.5 },
    ]);
    expect(signal.get()).toEqual({ event: 5, progress: 0 });
  });

  it("stays quiet when a frame leaves the dot where it was (reduced motion, a pause)", () => {
    const signal = createProgressSignal({ event: 2, progress: 0.5 });
    let calls = 0;
    signal.subscribe(() => calls++);
    signal.set({ event: 2, progress: 0.5 });
    expect(calls).toBe(0);
  });
});
