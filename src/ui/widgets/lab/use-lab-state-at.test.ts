// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import type { LabId, RemoteSimApi } from "../../../worker/api";
import { createInProcessApi } from "../../../worker/local-api";
import { STATE_INTERVAL_MS, keepUnchangedTopology, useLabStateAt, type StateWish } from "./use-lab-state-at";

let api: RemoteSimApi;
let labId: LabId;
let eventCount = 0;
beforeAll(async () => {
  api = createInProcessApi();
  ({ labId } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" }));
  await api.labRun(labId, "root", "ip netns exec ns1 ping -c 2 192.168.1.20", { budgetMs: 10_000 });
  eventCount = (await api.labEvents(labId, 0, 1)).total;
});
afterEach(() => {
  vi.useRealTimers();
});

/** The API, counting the states asked for. */
function countingApi() {
  const asked: number[] = [];
  const counting: RemoteSimApi = {
    ...api,
    labStateAt: (id, event) => {
      asked.push(event);
      return api.labStateAt(id, event);
    },
  };
  return { counting, asked };
}

describe("useLabStateAt", () => {
  it("answers a single wish at once", async () => {
    const { counting, asked } = countingApi();
    const { result } = renderHook(() => useLabStateAt(counting, { labId, event: 3, version: 0 }));
    await waitFor(() => expect(result.current?.event).toBe(3));
    expect(asked).toEqual([3]);
  });

  it("while the playhead runs, asks at most once an interval, and always for the latest wish", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const { counting, asked } = countingApi();
    const { result, rerender } = renderHook((wish: StateWish) => useLabStateAt(counting, wish), { initialProps: { labId, event: 0, version: 0 } });
    const last = Math.min(eventCount - 1, 20);
    await act(() => vi.advanceTimersByTimeAsync(16));
    // One event a frame, as playback moves.
    for (let event = 1; event <= last; event++) {
      rerender({ labId, event, version: 0 });
      await act(() => vi.advanceTimersByTimeAsync(16));
    }
    await act(() => vi.advanceTimersByTimeAsync(STATE_INTERVAL_MS));
    expect(result.current?.event).toBe(last);
    expect(asked[0]).toBe(0);
    expect(asked.at(-1)).toBe(last);
    expect(asked.length).toBeLessThanOrEqual(Math.ceil((last * 16) / STATE_INTERVAL_MS) + 2);
  });
});

describe("keepUnchangedTopology", () => {
  it("keeps the drawn topology object when a new state shows the same picture, and takes a changed one", async () => {
    // Each answer crosses from the worker as a copy (structured clone), so equal pictures are different objects.
    const before = structuredClone(await api.labStateAt(labId, 2));
    const same = structuredClone(await api.labStateAt(labId, 3));
    expect(same.topology).not.toBe(before.topology);
    expect(keepUnchangedTopology(before, same).topology).toBe(before.topology);
    expect(keepUnchangedTopology(before, same).event).toBe(3);

    const { labId: other } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" });
    await api.labRun(other, "root", "ip link set veth1-br down", { budgetMs: 1_000 });
    const changed = await api.labState(other);
    expect(keepUnchangedTopology(before, changed).topology).toBe(changed.topology);
  });
});
