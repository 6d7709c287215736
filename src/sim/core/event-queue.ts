/**
 * The simulator's only source of progress: callbacks scheduled at virtual
 * times, run in (time, seq) order. `seq` is an insertion counter, so events
 * due at the same microsecond run first-in first-out and a run is a pure
 * function of what was scheduled — the determinism the parity tests and time
 * travel rely on.
 *
 * A binary min-heap keeps scheduling and popping O(log n). Cancelling only
 * marks an entry (timers such as TCP retransmission are re-armed constantly);
 * the heap is compacted once cancelled entries outnumber live ones.
 */
import { SimClock, type Clock, type Duration, type SimTime } from "./clock";

/** When to run: at an absolute time, or after a delay from now. */
export type When = { readonly at: SimTime } | { readonly after: Duration };

export interface TimerHandle {
  readonly time: SimTime;
  readonly seq: number;
  readonly label: string;
  /** True until the callback has run or been cancelled. */
  readonly pending: boolean;
  /** Stop the callback from running. Returns false if it had already run or been cancelled. */
  cancel(): boolean;
}

/** A scheduled callback as listed for debugging views: what is due, and when. */
export interface PendingEvent {
  readonly time: SimTime;
  readonly seq: number;
  readonly label: string;
}

export interface RunResult {
  /** Callbacks run. */
  readonly executed: number;
  /** False when the run stopped at its limit with events still pending. */
  readonly idle: boolean;
}

type Callback = () => void;

class Entry implements TimerHandle {
  state: "pending" | "ran" | "cancelled" = "pending";

  constructor(
    readonly time: SimTime,
    readonly seq: number,
    readonly label: string,
    readonly fn: Callback,
    private readonly onCancel: () => void,
  ) {}

  get pending(): boolean {
    return this.state === "pending";
  }

  cancel(): boolean {
    if (this.state !== "pending") return false;
    this.state = "cancelled";
    this.onCancel();
    return true;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export const DEFAULT_RUN_LIMIT = 1_000_000;

export class EventQueue {
  readonly #clock: SimClock;
  #heap: Entry[] = [];
  #nextSeq = 0;
  #live = 0;
  #running = false;

  constructor(clock: SimClock = new SimClock()) {
    this.#clock = clock;
  }

  /** The clock this queue drives, read-only to everyone else. */
  get clock(): Clock {
    return this.#clock;
  }

  now(): SimTime {
    return this.#clock.now();
  }

  /** Callbacks still due (cancelled ones excluded). */
  get size(): number {
    return this.#live;
  }

  schedule(when: When, fn: Callback, label: string): TimerHandle {
    const time = "at" in when ? when.at : this.now() + when.after;
    if (!Number.isSafeInteger(time)) throw new RangeError(`"${label}": not a whole microsecond: ${time}`);
    if (time < this.now()) throw new RangeError(`"${label}": ${time} µs is in the past (now ${this.now()} µs)`);
    const entry = new Entry(time, this.#nextSeq++, label, fn, () => this.#onCancel());
    this.#push(entry);
    this.#live++;
    return entry;
  }

  /** Time of the next live event, if any. */
  peekTime(): SimTime | undefined {
    this.#dropCancelledTop();
    return this.#heap[0]?.time;
  }

  /** Everything still due, in the order it will run. */
  pendingEvents(): PendingEvent[] {
    return this.#heap
      .filter((e) => e.pending)
      .sort((a, b) => (before(a, b) ? -1 : 1))
      .map(({ time, seq, label }) => ({ time, seq, label }));
  }

  /** Run the next event, advancing the clock to its time. False when nothing is due. */
  step(): boolean {
    const entry = this.#popLive();
    if (!entry) return false;
    this.#run(entry);
    return true;
  }

  /**
   * Run every event due at or before `time` (including ones those events
   * schedule inside the window), then leave the clock at `time` — like
   * `sleep`, which lets time pass even when nothing happens.
   */
  runUntil(time: SimTime, limit: number = DEFAULT_RUN_LIMIT): RunResult {
    if (time < this.now()) throw new RangeError(`cannot run back to ${time} µs (now ${this.now()} µs)`);
    let executed = 0;
    for (;;) {
      const next = this.peekTime();
      if (next === undefined || next > time) break;
      if (executed >= limit) return { executed, idle: false };
      this.step();
      executed++;
    }
    this.#clock.advanceTo(time);
    return { executed, idle: true };
  }

  /**
   * Run until nothing is pending, or `limit` callbacks have run — a guard
   * against a model that keeps re-arming itself (a ping without -c).
   */
  runUntilIdle(limit: number = DEFAULT_RUN_LIMIT): RunResult {
    let executed = 0;
    while (this.#live > 0) {
      if (executed >= limit) return { executed, idle: false };
      this.step();
      executed++;
    }
    return { executed, idle: true };
  }

  #run(entry: Entry): void {
    if (this.#running) throw new Error(`event "${entry.label}" started while another event was running`);
    this.#clock.advanceTo(entry.time);
    entry.state = "ran";
    this.#live--;
    this.#running = true;
    try {
      entry.fn();
    } finally {
      this.#running = false;
    }
  }

  #onCancel(): void {
    this.#live--;
    const dead = this.#heap.length - this.#live;
    if (dead > 32 && dead > this.#live) this.#compact();
  }

  #compact(): void {
    const live = this.#heap.filter((e) => e.pending);
    this.#heap = live;
    for (let i = (live.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #dropCancelledTop(): void {
    while (this.#heap.length > 0 && !this.#heap[0]!.pending) this.#pop();
  }

  #popLive(): Entry | undefined {
    this.#dropCancelledTop();
    return this.#heap.length > 0 ? this.#pop() : undefined;
  }

  #push(entry: Entry): void {
    this.#heap.push(entry);
    this.#siftUp(this.#heap.length - 1);
  }

  #pop(): Entry {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  #siftUp(index: number): void {
    const heap = this.#heap;
    const entry = heap[index]!;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[index] = p;
      index = parent;
    }
    heap[index] = entry;
  }

  #siftDown(index: number): void {
    const heap = this.#heap;
    const n = heap.length;
    const entry = heap[index]!;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, entry)) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = entry;
  }
}
