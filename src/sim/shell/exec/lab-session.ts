/**
 * A lab session: what the lab widget drives through the worker. It runs the
 * lesson's setup and lab script on a fresh machine, then the lines the
 * reader types into each host's terminal, and answers what the widget
 * shows: steps, the event log in words, the state at any event (time
 * travel), completions, and a permalink that rebuilds the session exactly.
 *
 * Time travel replays from the seed (world/timeline.ts explains why): a
 * Timeline of the session's actions; the state at event E is read while
 * replaying the action that emitted E, at the moment E is emitted. Replaying
 * one action yields the states at all of its events, which are kept (for a
 * few actions), so scrubbing within a step replays once.
 *
 * Every answer is plain data (lab-session-types.ts).
 */
import { Timeline, World } from "../../world";
import { netnsOfHost, ROOT_HOST } from "../../world/topology";
import { isIncomplete } from "../incomplete";
import { defaultRegistry } from "./default-registry";
import { eventWords, type EventWords } from "./event-words";
import { runCheck } from "./lab-session-check";
import { complete } from "./lab-session-completions";
import { hostsOf, LabMachine, scriptActions, type MachineAction } from "./lab-session-machine";
import { followStates, StateSnapshots, TraceCounters } from "./lab-session-state";
import type {
  LabActionResult, LabCompletion, LabEventBatch, LabIncomplete, LabOpened, LabPermalink, LabState, LabStep, TerminalAction,
} from "./lab-session-types";
import type { LabCheckResult } from "./lab-session-types";
import type { CommandRegistry } from "./registry";

export interface LabOptions {
  /** The lab script: its lines run at once, shown as steps. */
  readonly script: string;
  readonly seed?: number | string;
  /** Lines run before the script and shown as "hidden" steps (a lesson's unseen preparation). */
  readonly hiddenSetup?: string;
  /** The script's name in bash's messages (default "lab.lab"). */
  readonly name?: string;
  /** The commands (tests); the default registry otherwise. Not part of a permalink. */
  readonly registry?: CommandRegistry;
}

/** Most events one `events` call returns. */
export const EVENT_BATCH_LIMIT = 500;

/** Actions whose per-event states are kept for scrubbing. */
const STATE_MEMO_ACTIONS = 8;

interface ActionRecord {
  readonly action: MachineAction;
  readonly step: number | null;
  readonly from: number;
  readonly to: number;
}

interface Memo {
  readonly byEvent: Map<number, LabState>;
  readonly after: LabState;
}

export class LabSession {
  readonly #options: LabOptions & { readonly seed: number | string; readonly name: string };
  readonly #registry: CommandRegistry;
  readonly #machine: LabMachine;
  readonly #actions: ActionRecord[] = [];
  readonly #typed: TerminalAction[] = [];
  readonly #words: EventWords[] = [];
  readonly #memo = new Map<number, Memo>();
  readonly #counters = new TraceCounters();
  #timeline: Timeline | null = null;
  readonly #replayMachines = new WeakMap<World, LabMachine>();

  private constructor(options: LabOptions) {
    this.#options = { ...options, seed: options.seed ?? 1, name: options.name ?? "lab.lab" };
    this.#registry = options.registry ?? defaultRegistry();
    const world = new World({ seed: this.#options.seed });
    this.#machine = new LabMachine(world, this.#registry, this.#options.name);
    // Words are made as events happen, against the machine as it is then.
    world.trace.subscribe((event) => this.#words.push(eventWords(event, world)));
    const setup = [...scriptActions(options.hiddenSetup ?? "", "hidden"), ...scriptActions(options.script, "script")];
    for (const action of setup) this.#apply(action);
  }

  /** Runs the hidden setup and the script on a fresh machine. */
  static create(options: LabOptions): LabSession {
    return new LabSession(options);
  }

  /** Rebuilds a session from its permalink: the same steps, events and states, by construction. */
  static fromPermalink(permalink: LabPermalink, options: { registry?: CommandRegistry } = {}): LabSession {
    if (permalink.version !== 1) throw new RangeError(`unknown lab permalink version ${String(permalink.version)}`);
    const session = new LabSession({
      script: permalink.script, seed: permalink.seed, name: permalink.name,
      ...(permalink.hiddenSetup !== undefined ? { hiddenSetup: permalink.hiddenSetup } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
    });
    for (const action of permalink.actions) session.#terminalAction(action);
    return session;
  }

  get world(): World {
    return this.#machine.world;
  }

  /** Terminal tabs: "root" then the namespaces, in creation order. */
  hosts(): string[] {
    return hostsOf(this.world);
  }

  /** What the widget needs when it opens. */
  opened(): LabOpened {
    return { steps: this.steps(), state: this.state(), hosts: this.hosts(), eventCount: this.world.trace.length };
  }

  /**
   * A line typed at `host`'s prompt, run as `ip netns exec HOST bash -c LINE` would (root: as is). It
   * runs until it ends or `budgetMs` of virtual time (default 60 s) pass; then its step stays "running".
   * A line bash would wait for more input on returns `{ incomplete: true }` and runs nothing.
   */
  runCommand(host: string, line: string, options: { budgetMs?: number } = {}): LabActionResult | LabIncomplete {
    if (isIncomplete(line)) return { incomplete: true };
    return this.#terminalAction({ kind: "run", host, line, ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}) });
  }

  /** Lets `host`'s running command go on for up to `budgetMs` more virtual ms. */
  resume(host: string, budgetMs?: number): LabActionResult {
    return this.#terminalAction({ kind: "resume", host, ...(budgetMs !== undefined ? { budgetMs } : {}) });
  }

  /** Ctrl-C in `host`'s terminal: the running command ends with 130. */
  interrupt(host: string): LabActionResult {
    return this.#terminalAction({ kind: "interrupt", host });
  }

  /** Is a command running in `host`'s terminal? */
  busy(host: string): boolean {
    return this.#machine.busy(host);
  }

  /** Event words from index `from`, at most `limit` (≤ 500). */
  events(from: number, limit: number = EVENT_BATCH_LIMIT): LabEventBatch {
    const start = Math.max(0, Math.floor(from));
    const count = Math.max(0, Math.min(EVENT_BATCH_LIMIT, Math.floor(limit)));
    const events = this.#words.slice(start, start + count);
    return { events, next: start + events.length, total: this.#words.length };
  }

  steps(): LabStep[] {
    return Array.from({ length: this.#machine.stepCount }, (_, i) => this.#machine.step(i));
  }

  /** The state now. */
  state(): LabState {
    this.#counters.advance(this.world.trace.length, (seq) => this.world.trace.at(seq));
    return new StateSnapshots(this.world, this.#counters).take(null);
  }

  /** The state right after event `eventIndex` was emitted. */
  stateAt(eventIndex: number): LabState {
    if (!Number.isInteger(eventIndex) || eventIndex < 0 || eventIndex >= this.#words.length) {
      throw new RangeError(`no event ${eventIndex} (have ${this.#words.length})`);
    }
    const action = this.#actionOfEvent(eventIndex);
    return this.#replayed(action).byEvent.get(eventIndex)!;
  }

  /** The state once step `stepIndex` was last driven (created, resumed or interrupted). */
  stateAfterStep(stepIndex: number): LabState {
    let action = -1;
    this.#actions.forEach((record, i) => {
      if (record.step === stepIndex) action = i;
    });
    if (action < 0) throw new RangeError(`no step ${stepIndex}`);
    return this.#replayed(action).after;
  }

  /**
   * Runs a challenge check (one lab-script command a line, each with its `# message`) on a copy of the
   * world as it is now; this session — its trace, steps and terminals — is left exactly as it was.
   */
  check(check: string): LabCheckResult {
    const { seed, name } = this.#options;
    return runCheck({ seed, name, registry: this.#registry, actions: this.#actions.map((record) => record.action) }, check);
  }

  /** Completions for `partial` (the text before the cursor) in `host`'s terminal. */
  completions(host: string, partial: string): LabCompletion {
    return complete(partial, this.world, [...this.#registry.names(), "exit"], netnsOfHost(host));
  }

  /** The lab and everything typed: `LabSession.fromPermalink` rebuilds this session from it. */
  permalink(): LabPermalink {
    const { name, seed, script, hiddenSetup } = this.#options;
    return { version: 1, name, seed, script, ...(hiddenSetup !== undefined ? { hiddenSetup } : {}), actions: [...this.#typed] };
  }

  // ---- driving ------------------------------------------------------------

  #terminalAction(action: TerminalAction): LabActionResult {
    if (action.host !== ROOT_HOST && !this.world.namespace(action.host) && !this.#machine.busy(action.host)) {
      // Checked here, not in the machine, so a refused action is never recorded.
      throw new Error(`Cannot open network namespace "${action.host}": No such file or directory`);
    }
    if (action.kind !== "run" && !this.#machine.busy(action.host)) throw new Error(`${action.host}: nothing is running there`);
    if (action.kind === "run" && this.#machine.busy(action.host)) throw new Error(`${action.host}: a command is still running there; resume or interrupt it first`);
    const live = this.#machine.liveSteps();
    const before = new Map(live.map((i) => [i, JSON.stringify(this.#machine.step(i))]));
    const record = this.#apply(action);
    this.#remember(action);
    const changed = [...before]
      .filter(([i, text]) => i !== record.step && JSON.stringify(this.#machine.step(i)) !== text)
      .map(([i]) => this.#machine.step(i));
    return { step: this.#machine.step(record.step!), events: { from: record.from, to: record.to }, changed, time: this.world.now() };
  }

  /**
   * Keeps what the reader did for the permalink. A terminal streams a long
   * command as many short resumes; back to back on one host they are one
   * resume of their summed budget (each runs until the clock reaches its
   * deadline), so a minute of ping costs the link one action, not sixty.
   */
  #remember(action: TerminalAction): void {
    const last = this.#typed[this.#typed.length - 1];
    if (action.kind === "resume" && last?.kind === "resume" && last.host === action.host && last.budgetMs !== undefined && action.budgetMs !== undefined) {
      this.#typed[this.#typed.length - 1] = { ...last, budgetMs: last.budgetMs + action.budgetMs };
      return;
    }
    this.#typed.push(action);
  }

  #apply(action: MachineAction): ActionRecord {
    const from = this.world.trace.length;
    const step = this.#machine.apply(action);
    const record = { action, step, from, to: this.world.trace.length };
    this.#actions.push(record);
    return record;
  }

  #actionOfEvent(event: number): number {
    let low = 0;
    let high = this.#actions.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#actions[mid]!.to <= event) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  // ---- time travel ----------------------------------------------------------

  #replayMachine(world: World): LabMachine {
    let machine = this.#replayMachines.get(world);
    if (!machine) {
      machine = new LabMachine(world, this.#registry, this.#options.name);
      this.#replayMachines.set(world, machine);
    }
    return machine;
  }

  /** The states at each event of action `index` and after it, replaying once and keeping the result. */
  #replayed(index: number): Memo {
    const kept = this.#memo.get(index);
    if (kept) {
      // Most recently used last.
      this.#memo.delete(index);
      this.#memo.set(index, kept);
      return kept;
    }
    const timeline = this.#timelineThrough(index);
    const world = timeline.at(index);
    const byEvent = new Map<number, LabState>();
    const states = followStates(world, this.#replayMachine(world).watch, (event, state) => byEvent.set(event, state));
    try {
      if (timeline.length === index) this.#record(timeline, index);
      else timeline.at(index + 1);
    } finally {
      states.stop();
    }
    const memo = { byEvent, after: states.now() };
    this.#memo.set(index, memo);
    if (this.#memo.size > STATE_MEMO_ACTIONS) this.#memo.delete(this.#memo.keys().next().value!);
    return memo;
  }

  /**
   * The replay timeline, holding at least the first `count` actions. Recording an
   * action also applies it to the timeline's latest world, so actions are
   * recorded only as far as asked: the one to watch is recorded (and run) last.
   */
  #timelineThrough(count: number): Timeline {
    this.#timeline ??= new Timeline({ seed: this.#options.seed });
    while (this.#timeline.length < count) this.#record(this.#timeline, this.#timeline.length);
    return this.#timeline;
  }

  #record(timeline: Timeline, index: number): void {
    const { action } = this.#actions[index]!;
    timeline.push((world) => void this.#replayMachine(world).apply(action));
  }
}
