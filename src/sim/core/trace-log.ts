/**
 * An append-only record of trace events. Consumers (the worker batching to
 * the UI, a test, the CLI) keep a cursor and ask for everything `since` it,
 * so nothing is pushed at them and nothing is read twice.
 *
 * With a capacity, the oldest events are forgotten once it is exceeded; seq
 * numbers stay absolute, and a consumer that fell behind learns how many it
 * missed instead of silently getting a gap.
 */
import type { Clock } from "./clock";
import type { TraceEvent, TraceEventBody } from "./trace";

export interface TraceBatch {
  readonly events: readonly TraceEvent[];
  /** The cursor to pass next time. */
  readonly next: number;
  /** Events between the requested cursor and the first one returned that were forgotten. */
  readonly missed: number;
}

export type TraceListener = (event: TraceEvent) => void;

export class TraceLog {
  readonly #clock: Clock;
  readonly #capacity: number;
  #events: TraceEvent[] = [];
  /** seq of #events[0]. */
  #first = 0;
  #step = 0;
  #listeners = new Set<TraceListener>();

  constructor(clock: Clock, options: { capacity?: number } = {}) {
    this.#clock = clock;
    this.#capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (!(this.#capacity >= 1)) throw new RangeError(`trace capacity must be at least 1: ${this.#capacity}`);
  }

  /** Total events ever emitted (the next seq). */
  get length(): number {
    return this.#first + this.#events.length;
  }

  /** The lab-script step events are now attributed to. */
  get step(): number {
    return this.#step;
  }

  /** Called by the world as each lab-script command begins. */
  setStep(step: number): void {
    this.#step = step;
  }

  /** Stamp `body` with the time, seq and step, record it and tell listeners. */
  emit(body: TraceEventBody): TraceEvent {
    const event = { ...body, seq: this.length, time: this.#clock.now(), step: this.#step } as TraceEvent;
    this.#events.push(event);
    if (this.#events.length > this.#capacity) {
      // Trim in chunks so a full log does not shift the whole array per event.
      const excess = this.#events.length - this.#capacity;
      const drop = Math.max(excess, Math.min(this.#events.length, Math.ceil(this.#capacity / 8)));
      const removed = Math.min(drop, this.#events.length - 1);
      this.#events.splice(0, removed);
      this.#first += removed;
    }
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  /** Events with seq ≥ `cursor`. */
  since(cursor: number): TraceBatch {
    const from = Math.max(cursor, this.#first);
    return {
      events: this.#events.slice(from - this.#first),
      next: this.length,
      missed: from - Math.max(0, cursor),
    };
  }

  /** One event by seq, if still retained. */
  at(seq: number): TraceEvent | undefined {
    return seq >= this.#first ? this.#events[seq - this.#first] : undefined;
  }

  /** Be told of each event as it is emitted; returns the unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
