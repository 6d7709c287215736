// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { LINK_MS } from "./playback-clock";
import { usePlayback } from "./use-playback";

/** A ping across the seed lab's bridge: ARP, then echo request and reply, frames crossing links. */
let events: readonly EventWords[] = [];
beforeAll(async () => {
  const api = createInProcessApi();
  const { labId } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" });
  await api.labRun(labId, "root", "ip netns exec ns1 ping -c 1 192.168.1.20", { budgetMs: 10_000 });
  events = (await api.labEvents(labId, 0, 500)).events;
});

const FRAME_MS = 16;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["requestAnimationFrame", "cancelAnimationFrame", "performance", "setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs `n` animation frames. */
function frames(n: number) {
  for (let i = 0; i < n; i++) act(() => vi.advanceTimersByTime(FRAME_MS));
}

/** The first frame that leaves along a link: playback dwells on it while its dot crosses. */
const firstCrossing = () => events.findIndex((e) => e.link?.direction === "out");

describe("usePlayback", () => {
  it("glides the dot along its link while the playhead stays on the frame that crosses it", () => {
    const start = firstCrossing();
    const { result } = renderHook(() => usePlayback(events, -1, false));
    act(() => result.current.playFrom(start));
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) {
      frames(1);
      expect(result.current.head.position).toBe(start);
      seen.push(result.current.progress.get().progress);
    }
    expect(result.current.progress.get().event).toBe(events[start]!.index);
    expect(new Set(seen).size).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeLessThan(1);
  });

  it("with reduced motion, holds the dot mid-link and steps from event to event", () => {
    const start = firstCrossing();
    const { result } = renderHook(() => usePlayback(events, -1, true));
    act(() => result.current.playFrom(start));
    const progress = new Set<number>();
    const positions = new Set<number>();
    for (let i = 0; i < Math.ceil((3 * LINK_MS) / FRAME_MS); i++) {
      frames(1);
      progress.add(result.current.progress.get().progress);
      positions.add(result.current.head.position);
    }
    expect([...progress]).toEqual([0.5]);
    expect(positions.size).toBeGreaterThan(1);
  });

  it("renders once per event reached, not once per frame", () => {
    const start = firstCrossing();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return usePlayback(events, -1, false);
    });
    act(() => result.current.playFrom(start));
    renders = 0;
    const positions = new Set<number>();
    const n = Math.ceil((2 * LINK_MS) / FRAME_MS);
    for (let i = 0; i < n; i++) {
      frames(1);
      positions.add(result.current.head.position);
    }
    expect(positions.size).toBeGreaterThan(1);
    expect(renders).toBeLessThanOrEqual(positions.size + 1);
    expect(renders).toBeLessThan(n / 4);
  });

  it("pauses where it is, dot mid-link, and plays on from there", () => {
    const start = firstCrossing();
    const { result } = renderHook(() => usePlayback(events, -1, false));
    act(() => result.current.playFrom(start));
    frames(10);
    const gliding = result.current.progress.get().progress;
    act(() => result.current.play(false));
    expect(result.current.head).toMatchObject({ position: start, playing: false });
    expect(result.current.progress.get().progress).toBe(0.5);
    frames(10);
    expect(result.current.head.position).toBe(start);
    act(() => result.current.play(true));
    frames(1);
    // Resumed from where the dot was, not from the link's start.
    expect(result.current.progress.get().progress).toBeGreaterThanOrEqual(gliding);
  });

  it("jumps to a sought event and stops there", () => {
    const { result } = renderHook(() => usePlayback(events, -1, false));
    act(() => result.current.playFrom(0));
    frames(5);
    act(() => result.current.seek(3));
    frames(5);
    expect(result.current.head).toMatchObject({ position: 3, playing: false });
    expect(result.current.progress.get()).toEqual({ event: events[3]!.index, progress: 0.5 });
  });
});
