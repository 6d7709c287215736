/**
 * Runs programs (apps/process.ts) on the world's event queue: each `yield`
 * arms a timer for `until` and subscribes to `wakeOn`; whichever comes first
 * resumes the program from a queue event of its own, never from inside a
 * packet handler, so a process and the network it uses interleave in the
 * queue's (time, seq) order — the determinism the transcript relies on.
 */
import type { EventQueue, TimerHandle } from "../../core";
import type { Program, Wait } from "../../apps/process";

export type ProcessState = "running" | "exited" | "killed";

export class Process {
  state: ProcessState = "running";
  exitStatus: number | undefined;
  #timer: TimerHandle | undefined;
  #wake: TimerHandle | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queue: EventQueue,
    private readonly program: Program,
    private readonly label: string,
    private readonly onExit: (status: number, killed: boolean) => void,
  ) {}

  /** Runs the program up to its first wait (synchronously: a command starts when the shell reaches it). */
  start(): this {
    this.#advance();
    return this;
  }

  /** SIGTERM: the program's `finally` blocks run, its exit status is 143 (128 + 15). */
  kill(status = 143): void {
    if (this.state !== "running") return;
    this.#disarm();
    this.state = "killed";
    this.exitStatus = status;
    this.program.return(status);
    this.onExit(status, true);
  }

  #advance(): void {
    this.#disarm();
    if (this.state !== "running") return;
    const next = this.program.next();
    if (next.done) {
      this.state = "exited";
      this.exitStatus = next.value;
      this.onExit(next.value, false);
      return;
    }
    this.#arm(next.value);
  }

  #arm(wait: Wait): void {
    const resume = (): void => this.#advance();
    if (wait.until === undefined && wait.wakeOn === undefined) {
      this.#timer = this.queue.schedule({ after: 0 }, resume, `${this.label}: resume`);
      return;
    }
    if (wait.until !== undefined && Number.isFinite(wait.until)) {
      this.#timer = this.queue.schedule({ at: Math.max(Math.ceil(wait.until), this.queue.now()) }, resume, `${this.label}: timer`);
    }
    if (wait.wakeOn) {
      this.#unsubscribe = wait.wakeOn(() => {
        this.#wake ??= this.queue.schedule({ after: 0 }, resume, `${this.label}: wake`);
      });
    }
  }

  #disarm(): void {
    this.#timer?.cancel();
    this.#wake?.cancel();
    this.#unsubscribe?.();
    this.#timer = undefined;
    this.#wake = undefined;
    this.#unsubscribe = undefined;
  }
}
