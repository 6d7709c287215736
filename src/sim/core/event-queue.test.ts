import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { millis, seconds } from "./clock";
import { EventQueue } from "./event-queue";

describe("EventQueue ordering", () => {
  it("runs events by time, advancing the clock to each", () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.schedule({ at: 300 }, () => seen.push(`c@${q.now()}`), "c");
    q.schedule({ at: 100 }, () => seen.push(`a@${q.now()}`), "a");
    q.schedule({ after: 200 }, () => seen.push(`b@${q.now()}`), "b");
    q.runUntilIdle();
    expect(seen).toEqual(["a@100", "b@200", "c@300"]);
    expect(q.now()).toBe(300);
  });

  it("runs events due at the same time in the order they were scheduled", () => {
    const q = new EventQueue();
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) q.schedule({ at: 5 }, () => seen.push(i), `e${i}`);
    q.runUntilIdle();
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("runs an event scheduled for 'now' from inside a callback after those already due now", () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.schedule({ at: 10 }, () => {
      seen.push("first");
      q.schedule({ after: 0 }, () => seen.push("spawned"), "spawned");
    }, "first");
    q.schedule({ at: 10 }, () => seen.push("second"), "second");
    q.runUntilIdle();
    expect(seen).toEqual(["first", "second", "spawned"]);
  });

  it("refuses to schedule in the past or at a fractional time", () => {
    const q = new EventQueue();
    q.schedule({ at: 100 }, () => {}, "x");
    q.runUntilIdle();
    expect(() => q.schedule({ at: 99 }, () => {}, "late")).toThrow(/in the past/);
    expect(() => q.schedule({ after: 0.5 }, () => {}, "frac")).toThrow(RangeError);
  });

  it("does not let a callback run the queue re-entrantly", () => {
    const q = new EventQueue();
    q.schedule({ at: 1 }, () => q.schedule({ at: 2 }, () => {}, "inner"), "outer");
    q.schedule({ at: 1 }, () => q.step(), "reentrant");
    q.step();
    expect(() => q.step()).toThrow(/while another event was running/);
  });
});

describe("EventQueue cancellation", () => {
  it("never runs a cancelled event and reports it pending no more", () => {
    const q = new EventQueue();
    const seen: string[] = [];
    const a = q.schedule({ at: 1 }, () => seen.push("a"), "a");
    q.schedule({ at: 2 }, () => seen.push("b"), "b");
    expect(a.pending).toBe(true);
    expect(a.cancel()).toBe(true);
    expect(a.cancel()).toBe(false);
    expect(a.pending).toBe(false);
    expect(q.size).toBe(1);
    q.runUntilIdle();
    expect(seen).toEqual(["b"]);
  });

  it("cannot cancel an event that already ran", () => {
    const q = new EventQueue();
    const h = q.schedule({ at: 1 }, () => {}, "once");
    q.step();
    expect(h.pending).toBe(false);
    expect(h.cancel()).toBe(false);
    expect(q.size).toBe(0);
  });

  it("lets an event cancel a later one (a reply cancelling a retransmit timer)", () => {
    const q = new EventQueue();
    const seen: string[] = [];
    const retransmit = q.schedule({ at: seconds(1) }, () => seen.push("retransmit"), "tcp retransmit");
    q.schedule({ at: millis(3) }, () => {
      seen.push("ack");
      retransmit.cancel();
    }, "ack arrives");
    q.runUntilIdle();
    expect(seen).toEqual(["ack"]);
    expect(q.now()).toBe(millis(3));
  });

  it("keeps working when timers are re-armed many times (compaction)", () => {
    const q = new EventQueue();
    let timer = q.schedule({ at: 1000 }, () => {}, "timer");
    for (let i = 0; i < 10_000; i++) {
      timer.cancel();
      timer = q.schedule({ at: 1000 + i }, () => {}, "timer");
    }
    expect(q.size).toBe(1);
    expect(q.pendingEvents()).toEqual([{ time: 1000 + 9999, seq: 10_000, label: "timer" }]);
    expect(q.runUntilIdle()).toEqual({ executed: 1, idle: true });
  });
});

describe("EventQueue runs", () => {
  it("runUntil runs what is due by then, including events scheduled meanwhile, and leaves the clock there", () => {
    const q = new EventQueue();
    const seen: number[] = [];
    q.schedule({ at: 10 }, () => {
      seen.push(q.now());
      q.schedule({ after: 10 }, () => seen.push(q.now()), "echo");
    }, "ping");
    q.schedule({ at: 50 }, () => seen.push(q.now()), "later");
    expect(q.runUntil(30)).toEqual({ executed: 2, idle: true });
    expect(seen).toEqual([10, 20]);
    expect(q.now()).toBe(30);
    expect(q.peekTime()).toBe(50);
  });

  it("runUntil includes events due exactly at the end time", () => {
    const q = new EventQueue();
    let ran = false;
    q.schedule({ at: 30 }, () => (ran = true), "edge");
    q.runUntil(30);
    expect(ran).toBe(true);
  });

  it("lets time pass with nothing scheduled, like sleep", () => {
    const q = new EventQueue();
    q.runUntil(seconds(2));
    expect(q.now()).toBe(2_000_000);
    expect(() => q.runUntil(1)).toThrow(RangeError);
  });

  it("runUntilIdle stops at its limit when a model keeps re-arming itself", () => {
    const q = new EventQueue();
    let count = 0;
    const tick = (): void => {
      count++;
      q.schedule({ after: seconds(1) }, tick, "ping interval");
    };
    q.schedule({ at: 0 }, tick, "ping interval");
    expect(q.runUntilIdle(5)).toEqual({ executed: 5, idle: false });
    expect(count).toBe(5);
    expect(q.now()).toBe(seconds(4));
  });

  it("step reports whether anything ran", () => {
    const q = new EventQueue();
    expect(q.step()).toBe(false);
    q.schedule({ at: 7 }, () => {}, "x");
    expect(q.step()).toBe(true);
    expect(q.now()).toBe(7);
    expect(q.step()).toBe(false);
  });

  it("exposes a read-only clock that follows the queue", () => {
    const q = new EventQueue();
    q.schedule({ at: 42 }, () => {}, "x");
    q.runUntilIdle();
    expect(q.clock.now()).toBe(42);
  });
});

describe("EventQueue properties", () => {
  const scheduleArb = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 50 }), cancel: fc.boolean() }),
    { maxLength: 300 },
  );

  it("runs exactly the uncancelled events, in (time, seq) order", () => {
    fc.assert(
      fc.property(scheduleArb, (specs) => {
        const q = new EventQueue();
        const ran: number[] = [];
        const handles = specs.map((s, i) => q.schedule({ at: s.time }, () => ran.push(i), `e${i}`));
        specs.forEach((s, i) => s.cancel && handles[i]!.cancel());
        q.runUntilIdle();
        const expected = specs
          .map((s, i) => ({ ...s, i }))
          .filter((s) => !s.cancel)
          .sort((a, b) => a.time - b.time || a.i - b.i)
          .map((s) => s.i);
        expect(ran).toEqual(expected);
      }),
    );
  });

  it("keeps (time, seq) order when events schedule more events", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 })), { maxLength: 60 }),
        (specs) => {
          const q = new EventQueue();
          const ran: { time: number; seq: number }[] = [];
          const spawn = (at: number, children: number[]): void => {
            const h = q.schedule({ at }, () => {
              ran.push({ time: q.now(), seq: h.seq });
              for (const delay of children) spawn(q.now() + delay, []);
            }, "spawn");
          };
          for (const [at, children] of specs) spawn(at, children);
          q.runUntilIdle();
          const sorted = [...ran].sort((a, b) => a.time - b.time || a.seq - b.seq);
          expect(ran).toEqual(sorted);
          expect(ran.length).toBe(specs.reduce((n, [, c]) => n + 1 + c.length, 0));
        },
      ),
    );
  });

  it("handles large volumes in order", () => {
    const q = new EventQueue();
    let last = -1;
    let lastSeq = -1;
    let ordered = true;
    let x = 12345;
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const h = q.schedule({ at: x % 1000 }, () => {
        if (q.now() < last || (q.now() === last && h.seq < lastSeq)) ordered = false;
        last = q.now();
        lastSeq = h.seq;
      }, "bulk");
    }
    expect(q.runUntilIdle()).toEqual({ executed: 200_000, idle: true });
    expect(ordered).toBe(true);
  });
});
