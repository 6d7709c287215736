import { describe, expect, it } from "vitest";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { advancePlayhead, LINK_MS, progressOf } from "./playback-clock";

function event(index: number, extra: Partial<EventWords> = {}): EventWords {
  return { index, time: index, step: 1, kind: "route-decision", host: "ns1", protocol: "ip", text: `event ${index}`, ...extra };
}

const sent = (index: number) => event(index, { kind: "frame-sent", link: { id: "l", direction: "out", from: "a", to: "b" } });

describe("advancePlayhead", () => {
  it("lingers on a frame crossing a link and passes quiet events in the same frame", () => {
    const events = [event(0), event(1), sent(2), event(3), sent(4)];
    let head = advancePlayhead({ position: 0, elapsed: 0, playing: true }, events, 16, 1);
    expect(head.position).toBe(2);
    head = advancePlayhead(head, events, LINK_MS / 2, 1);
    expect(head.position).toBe(2);
    expect(progressOf(head, events[2])).toBeGreaterThan(0.45);
    head = advancePlayhead(head, events, LINK_MS / 2 + 1, 1);
    expect(head.position).toBe(4);
  });

  it("goes twice as fast at 2× and stops at the last event", () => {
    const events = [sent(0), sent(1)];
    const head = advancePlayhead({ position: 0, elapsed: 0, playing: true }, events, LINK_MS / 2 + 1, 2);
    expect(head.position).toBe(1);
    const end = advancePlayhead(head, events, LINK_MS, 1);
    expect(end).toEqual({ position: 1, elapsed: 0, playing: false });
  });

  it("does nothing while paused", () => {
    const head = { position: 0, elapsed: 0, playing: false };
    expect(advancePlayhead(head, [sent(0), sent(1)], 5000, 1)).toBe(head);
  });
});
