import { describe, expect, it } from "vitest";
import { EventQueue } from "./event-queue";
import { isTraceEventOf, type TraceEventBody } from "./trace";
import { TraceLog } from "./trace-log";

const output = (text: string): TraceEventBody => ({
  kind: "process-output",
  namespace: "ns1",
  pid: 100,
  command: "ping",
  stream: "stdout",
  text,
});

describe("TraceLog", () => {
  it("stamps each event with seq, virtual time and the current step", () => {
    const q = new EventQueue();
    const log = new TraceLog(q.clock);
    log.setStep(3);
    q.schedule({ at: 1500 }, () => log.emit(output("a")), "x");
    q.runUntilIdle();
    const b = log.emit({ kind: "frame-sent", namespace: "ns1", device: "veth0", bytes: Uint8Array.of(1) });
    expect(log.at(0)).toMatchObject({ seq: 0, time: 1500, step: 3, text: "a" });
    expect(b).toMatchObject({ seq: 1, time: 1500, step: 3, device: "veth0" });
    expect(log.length).toBe(2);
  });

  it("hands a consumer each event once through its cursor", () => {
    const log = new TraceLog(new EventQueue().clock);
    log.emit(output("1"));
    log.emit(output("2"));
    const first = log.since(0);
    expect(first.events.map((e) => e.seq)).toEqual([0, 1]);
    log.emit(output("3"));
    const second = log.since(first.next);
    expect(second.events.map((e) => e.seq)).toEqual([2]);
    expect(log.since(second.next)).toEqual({ events: [], next: 3, missed: 0 });
  });

  it("forgets the oldest events beyond its capacity and tells a slow consumer how many it missed", () => {
    const log = new TraceLog(new EventQueue().clock, { capacity: 8 });
    for (let i = 0; i < 20; i++) log.emit(output(String(i)));
    const batch = log.since(0);
    expect(batch.events.length).toBeLessThanOrEqual(8);
    expect(batch.events.at(-1)?.seq).toBe(19);
    expect(batch.missed).toBe(batch.events[0]!.seq);
    expect(batch.next).toBe(20);
    expect(log.at(0)).toBeUndefined();
    expect(log.at(19)).toMatchObject({ text: "19" });
  });

  it("tells listeners as events happen, until they unsubscribe", () => {
    const log = new TraceLog(new EventQueue().clock);
    const seen: string[] = [];
    const stop = log.subscribe((e) => {
      if (isTraceEventOf(e, "process-output")) seen.push(e.text);
    });
    log.emit(output("a"));
    stop();
    log.emit(output("b"));
    expect(seen).toEqual(["a"]);
  });
});
