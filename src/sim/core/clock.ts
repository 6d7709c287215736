/**
 * Virtual time, in integer microseconds since the world started.
 *
 * Why microseconds: the finest time a user sees is ping's `time=0.045 ms`
 * (iputils prints three decimals of a millisecond) and tcpdump's
 * `11:50:24.845680` timestamps — both microsecond resolution. Linux's own
 * timers are coarser (jiffies; neighbour and TCP timers in ms), so µs loses
 * nothing a student can observe. An integer µs count stays exact in a JS
 * number for 2^53 µs ≈ 285 years of simulated time, whereas nanoseconds would
 * run out after ≈104 days and buy no visible precision.
 */
export type SimTime = number;

/** A span of virtual time, in microseconds. */
export type Duration = number;

export const MICROS_PER_MILLI = 1_000;
export const MICROS_PER_SECOND = 1_000_000;

export function micros(n: number): Duration {
  return toWholeMicros(n);
}

export function millis(n: number): Duration {
  return toWholeMicros(n * MICROS_PER_MILLI);
}

export function seconds(n: number): Duration {
  return toWholeMicros(n * MICROS_PER_SECOND);
}

/** Milliseconds as a float, the unit ping and `sleep` speak. */
export function toMillis(t: Duration): number {
  return t / MICROS_PER_MILLI;
}

export function toSeconds(t: Duration): number {
  return t / MICROS_PER_SECOND;
}

/** Round to a whole microsecond so times compare exactly and never drift. */
function toWholeMicros(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite time: ${value}`);
  return Math.round(value);
}

/** What everything except the event queue sees of the clock: it can only be read. */
export interface Clock {
  now(): SimTime;
}

/**
 * The clock behind a world. Only the event queue advances it (to the time of
 * the event it runs, or to the end of `runUntil`), so the clock never moves
 * except as a consequence of scheduled work — and never backwards.
 */
export class SimClock implements Clock {
  #now: SimTime;

  constructor(start: SimTime = 0) {
    if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`bad start time: ${start}`);
    this.#now = start;
  }

  now(): SimTime {
    return this.#now;
  }

  /** @internal Called by EventQueue only. */
  advanceTo(time: SimTime): void {
    if (!Number.isSafeInteger(time)) throw new RangeError(`not a whole microsecond: ${time}`);
    if (time < this.#now) throw new RangeError(`the clock cannot go back from ${this.#now} to ${time}`);
    this.#now = time;
  }
}
