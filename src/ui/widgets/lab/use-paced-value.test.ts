// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { usePacedValue } from "./use-paced-value";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const INTERVAL = 250;

describe("usePacedValue", () => {
  it("follows at once while not paced", () => {
    const { result, rerender } = renderHook(({ value }) => usePacedValue(value, false, INTERVAL), { initialProps: { value: 1 } });
    for (const value of [2, 3, 4]) {
      rerender({ value });
      expect(result.current).toBe(value);
    }
  });

  it("while paced, shows a change after a quiet spell at once, then at most one value an interval, ending on the last", async () => {
    const { result, rerender } = renderHook(({ value }) => usePacedValue(value, true, INTERVAL), { initialProps: { value: 0 } });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    rerender({ value: 1 });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(result.current).toBe(1);

    const shown = new Set<number>();
    // A new value every 16 ms frame for 400 ms.
    for (let value = 2; value <= 26; value++) {
      rerender({ value });
      await act(() => vi.advanceTimersByTimeAsync(16));
      shown.add(result.current);
    }
    expect(shown.size).toBeLessThanOrEqual(3);
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL));
    expect(result.current).toBe(26);
  });

  it("catches up at once when pacing stops", async () => {
    const { result, rerender } = renderHook(({ value, paced }) => usePacedValue(value, paced, INTERVAL), { initialProps: { value: 0, paced: true } });
    rerender({ value: 1, paced: true });
    await act(() => vi.advanceTimersByTimeAsync(0));
    rerender({ value: 2, paced: true });
    expect(result.current).toBe(1);
    rerender({ value: 2, paced: false });
    expect(result.current).toBe(2);
  });
});
