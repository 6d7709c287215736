import { beforeAll, describe, expect, it } from "vitest";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { inspectedAt } from "./use-inspected-frame";

/** Two pings across the seed lab's bridge: the second echo request crosses the same links as the first. */
let events: readonly EventWords[] = [];
beforeAll(async () => {
  const api = createInProcessApi();
  const { labId } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" });
  await api.labRun(labId, "root", "ip netns exec ns1 ping -c 2 192.168.1.20", { budgetMs: 10_000 });
  events = (await api.labEvents(labId, 0, 500)).events;
});

describe("inspectedAt", () => {
  it("shows the frame at the playhead with the last capture of the same protocol and kind before it", () => {
    const positions = events.map((e, i) => (e.bytes && e.protocol === "icmp" && e.kind === "frame-received" ? i : -1)).filter((i) => i >= 0);
    expect(positions.length).toBeGreaterThan(2);
    const [first, second] = positions as [number, number];
    expect(inspectedAt(events, first).previous).toBeUndefined();
    expect(inspectedAt(events, second)).toEqual({ selected: events[second], previous: events[first] });
  });

  it("shows nothing for an event that carries no bytes", () => {
    const wordsOnly = events.findIndex((e) => !e.bytes);
    expect(wordsOnly).toBeGreaterThanOrEqual(0);
    expect(inspectedAt(events, wordsOnly)).toEqual({});
    expect(inspectedAt(events, -1)).toEqual({});
  });
});
