/**
 * Starts the simulation worker lazily, forwards calls to it, and restarts it
 * when it crashes. Calls that were in flight when the worker died are rejected
 * with `SimCrashedError` so widgets can say so and retry; listeners hear about
 * every restart so the UI can show a notice.
 */
import { wrap, releaseProxy } from "comlink";
import type { Remote } from "comlink";
import type { RemoteSimApi, SimApi } from "./api";

export type SimStatus = "idle" | "starting" | "ready" | "restarting";

export class SimCrashedError extends Error {
  constructor(message = "The simulator stopped unexpectedly and is restarting.") {
    super(message);
    this.name = "SimCrashedError";
  }
}

export interface SimClientEvents {
  status(status: SimStatus): void;
  /** The worker crashed and a fresh one replaced it; `count` restarts so far. */
  restarted(count: number, reason: string): void;
}

/** Makes a worker; injectable so tests can count starts without a browser. */
export type WorkerFactory = () => Worker;

/** What a method of the API resolves to (comlink spreads union results over promises). */
type Result<K extends keyof SimApi> = Awaited<ReturnType<SimApi[K]>>;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "wirebook-sim" });

interface Running {
  worker: Worker;
  remote: Remote<SimApi>;
  pending: Set<(error: Error) => void>;
}

export class SimClient {
  private running: Running | null = null;
  private restarts = 0;
  private status: SimStatus = "idle";
  private readonly listeners: { [K in keyof SimClientEvents]: Set<SimClientEvents[K]> } = {
    status: new Set(),
    restarted: new Set(),
  };

  constructor(private readonly factory: WorkerFactory = defaultFactory) {}

  /** The API as widgets use it: every call starts the worker if needed. */
  readonly api: RemoteSimApi = {
    hello: () => this.call<Result<"hello">>((r) => r.hello()),
    describeSubnet: (input, options) => this.call<Result<"describeSubnet">>((r) => r.describeSubnet(input, options)),
    planSplits: (root, split, options) => this.call<Result<"planSplits">>((r) => r.planSplits(root, [...split], options)),
    planBorrow: (network, subnets) => this.call<Result<"planBorrow">>((r) => r.planBorrow(network, subnets)),
    crashForTesting: () => this.call<Result<"crashForTesting">>((r) => r.crashForTesting()),
    labOpen: (script, options) => this.call<Result<"labOpen">>((r) => r.labOpen(script, options)),
    labOpenPermalink: (permalink) => this.call<Result<"labOpenPermalink">>((r) => r.labOpenPermalink(permalink)),
    labRun: (labId, host, line, options) => this.call<Result<"labRun">>((r) => r.labRun(labId, host, line, options)),
    labResume: (labId, host, budgetMs) => this.call<Result<"labResume">>((r) => r.labResume(labId, host, budgetMs)),
    labInterrupt: (labId, host) => this.call<Result<"labInterrupt">>((r) => r.labInterrupt(labId, host)),
    labEvents: (labId, from, limit) => this.call<Result<"labEvents">>((r) => r.labEvents(labId, from, limit)),
    labSteps: (labId) => this.call<Result<"labSteps">>((r) => r.labSteps(labId)),
    labHosts: (labId) => this.call<Result<"labHosts">>((r) => r.labHosts(labId)),
    labState: (labId) => this.call<Result<"labState">>((r) => r.labState(labId)),
    labStateAt: (labId, eventIndex) => this.call<Result<"labStateAt">>((r) => r.labStateAt(labId, eventIndex)),
    labStateAfterStep: (labId, stepIndex) => this.call<Result<"labStateAfterStep">>((r) => r.labStateAfterStep(labId, stepIndex)),
    labNetfilterPass: (labId, host, eventIndex) => this.call<Result<"labNetfilterPass">>((r) => r.labNetfilterPass(labId, host, eventIndex)),
    labCheck: (labId, check) => this.call<Result<"labCheck">>((r) => r.labCheck(labId, check)),
    labComplete: (labId, host, partial) => this.call<Result<"labComplete">>((r) => r.labComplete(labId, host, partial)),
    labPermalink: (labId) => this.call<Result<"labPermalink">>((r) => r.labPermalink(labId)),
    labClose: (labId) => this.call<Result<"labClose">>((r) => r.labClose(labId)),
    decodeFrame: (bytes, format) => this.call<Result<"decodeFrame">>((r) => r.decodeFrame(bytes, format)),
    diffFrames: (a, b, formatA, formatB) => this.call<Result<"diffFrames">>((r) => r.diffFrames(a, b, formatA, formatB)),
  };

  on<K extends keyof SimClientEvents>(event: K, listener: SimClientEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  get currentStatus(): SimStatus {
    return this.status;
  }

  get restartCount(): number {
    return this.restarts;
  }

  /** Stops the worker (e.g. when the page unloads); the next call starts a new one. */
  dispose(): void {
    this.stop(new SimCrashedError("The simulator was stopped."));
    this.setStatus("idle");
  }

  private async call<T>(fn: (remote: Remote<SimApi>) => PromiseLike<T>): Promise<T> {
    const running = this.ensureRunning();
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      running.pending.add(fail);
      fn(running.remote).then(
        (value) => {
          running.pending.delete(fail);
          resolve(value);
        },
        (error: unknown) => {
          running.pending.delete(fail);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private ensureRunning(): Running {
    if (this.running) return this.running;
    this.setStatus(this.restarts > 0 ? "restarting" : "starting");
    const worker = this.factory();
    const running: Running = { worker, remote: wrap<SimApi>(worker), pending: new Set() };
    const onFailure = (reason: string) => this.crashed(running, reason);
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      onFailure(event.message || "worker error");
    });
    worker.addEventListener("messageerror", () => onFailure("a message could not be decoded"));
    this.running = running;
    void running.remote.hello().then(
      () => {
        if (this.running === running) this.setStatus("ready");
      },
      () => undefined,
    );
    return running;
  }

  private crashed(running: Running, reason: string): void {
    if (this.running !== running) return;
    this.stop(new SimCrashedError());
    this.restarts += 1;
    for (const listener of this.listeners.restarted) listener(this.restarts, reason);
    // Start the replacement at once so the next call does not pay for it.
    this.ensureRunning();
  }

  private stop(error: Error): void {
    const running = this.running;
    if (!running) return;
    this.running = null;
    for (const fail of running.pending) fail(error);
    running.pending.clear();
    running.remote[releaseProxy]();
    running.worker.terminate();
  }

  private setStatus(status: SimStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners.status) listener(status);
  }
}
