/**
 * Time travel by replay from the seed.
 *
 * Why replay rather than copying state: a world's state includes closures —
 * timers in the event queue, socket listeners, programs other layers run —
 * which cannot be cloned or serialised faithfully, while the simulation is a
 * pure function of its seed and the commands applied to it. So a timeline
 * keeps the seed and the steps (each a function driving the world, e.g. one
 * lab-script command), and "the world after step n" is a fresh world with
 * the first n steps replayed: byte-identical by construction (the
 * determinism test checks it). A lab is tens of commands of microseconds of
 * work each, so a replay costs milliseconds. The latest world is kept, so
 * stepping forward does not replay.
 */
import { World, type WorldOptions } from "./world";

export type Step = (world: World) => void;

export class Timeline {
  readonly #steps: Step[] = [];
  #latest: { world: World; applied: number };

  constructor(private readonly options: WorldOptions = {}) {
    this.#latest = { world: new World(options), applied: 0 };
  }

  get length(): number {
    return this.#steps.length;
  }

  /** Record a step and apply it to the latest world. */
  push(step: Step): World {
    this.#steps.push(step);
    return this.at(this.#steps.length);
  }

  /** The world after the first `n` steps. */
  at(n: number): World {
    if (n < 0 || n > this.#steps.length) throw new RangeError(`no step ${n} (have ${this.#steps.length})`);
    if (n < this.#latest.applied) this.#latest = { world: new World(this.options), applied: 0 };
    const latest = this.#latest;
    while (latest.applied < n) {
      latest.world.trace.setStep(latest.applied + 1);
      this.#steps[latest.applied]!(latest.world);
      latest.applied++;
    }
    return latest.world;
  }

  /** Forget steps after `n` (the student edited the script there). */
  truncate(n: number): void {
    this.#steps.length = Math.min(this.#steps.length, n);
    if (this.#latest.applied > n) this.#latest = { world: new World(this.options), applied: 0 };
  }
}
