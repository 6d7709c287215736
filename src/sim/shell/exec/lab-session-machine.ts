/**
 * The machine behind a lab session: one World and its file system, the lab
 * script's shell, and one shell per terminal tab — driven by actions (a
 * script line, a typed line, more time for a running command, Ctrl-C).
 *
 * The session runs the live machine; time travel builds fresh machines on
 * replayed worlds and applies the same actions (world/timeline.ts), so this
 * class must be a pure function of the seed and the actions: no reading of
 * anything else, the same queue driving every time.
 *
 * Script lines behave as in runLabScript (a foreground command still going
 * after 60 virtual seconds is killed, 143), except that background jobs are
 * not killed at the end: the lab goes on. A typed line behaves as
 * `bash -c LINE` in the tab's namespace (lab-session-host.ts) and runs until
 * it ends or its virtual-time budget is spent; then it stays running until
 * resumed or interrupted.
 */
import type { Program } from "../../apps/process";
import { SigintChannel } from "../../apps/sigint";
import { millis, seconds } from "../../core";
import { ROOT_NETNS, type World } from "../../world";
import { FileSystem } from "../../world/filesystem";
import { netnsOfHost, ROOT_HOST } from "../../world/topology";
import type { AndOrList, CommandLine } from "../ast";
import { parseScript } from "../parser";
import { formatShellDiagnostic, type ShellSyntaxError } from "../syntax-error";
import { KILLED_BY_SIGTERM_EXIT } from "../transcript";
import { ConfigWatch } from "./lab-session-config-watch";
import { refusedRedirection, registryForNamespace } from "./lab-session-host";
import type { LabStep, TerminalAction } from "./lab-session-types";
import { TextSink } from "./output";
import type { CommandRegistry } from "./registry";
import { KERNEL_WORK_WINDOW_US } from "./run-script";
import { Process } from "./scheduler";
import { awayFromTerminal, initialVariables, runAndOr, runCommandLine, type ShellState } from "./shell";

/** Exit status of a command stopped by Ctrl-C: 128 + SIGINT (bash(1), "EXIT STATUS"). */
export const INTERRUPTED_EXIT = 130;

/** A script line still running after this long is killed, as the kernel runner does. */
const SCRIPT_STEP_LIMIT = seconds(60);

/** How long a typed command may run before the call returns when no budget is given (virtual ms). */
export const DEFAULT_BUDGET_MS = 60_000;

/** Events allowed at one virtual instant before the run is declared stuck (as run-script.ts). */
const STORM_LIMIT = 200_000;

/** What the machine can be asked to do. Script lines come from the parsed script; terminal actions from the reader. */
export type MachineAction =
  | { readonly kind: "script"; readonly source: "hidden" | "script"; readonly line: CommandLine }
  | { readonly kind: "script-error"; readonly source: "hidden" | "script"; readonly error: ShellSyntaxError }
  | TerminalAction;

interface StepRecord {
  readonly index: number;
  readonly host: string;
  readonly source: LabStep["source"];
  readonly line: number;
  readonly cmd: string;
  status: LabStep["status"];
  exit: number | null;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly startTime: number;
  endTime: number | null;
  readonly firstEvent: number;
  process?: Process;
  /** Set before a kill so the exit callback knows why. */
  stopping?: "interrupted" | "killed";
  job?: { exit?: number; readonly stdout: TextSink; readonly stderr: TextSink };
}

interface Terminal {
  readonly shell: ShellState;
  /** Ctrl-C at this terminal: the shell hands it to its foreground programs (ShellState.sigint). */
  readonly sigint: SigintChannel;
  foreground?: StepRecord;
}

/** Virtual time a program that caught Ctrl-C gets to finish (ping prints its statistics at once). */
const CAUGHT_SIGINT_BUDGET_MS = 1_000;

/** Parse a script's lines into actions (a syntax error becomes a last action, as bash stops there). */
export function scriptActions(source: string, kind: "hidden" | "script"): MachineAction[] {
  const { lines, error } = parseScript(source);
  const actions: MachineAction[] = lines.map((line) => ({ kind: "script", source: kind, line }));
  if (error) actions.push({ kind: "script-error", source: kind, error });
  return actions;
}

export class LabMachine {
  readonly fs = new FileSystem();
  /** Tells time travel when a command may have changed the configuration. */
  readonly watch = new ConfigWatch();
  readonly #steps: StepRecord[] = [];
  readonly #terminals = new Map<string, Terminal>();
  readonly #scripts: Record<"hidden" | "script", ShellState>;
  #storm = { time: -1, count: 0 };

  readonly #registry: CommandRegistry;

  constructor(
    readonly world: World,
    registry: CommandRegistry,
    scriptName: string,
  ) {
    registry = this.watch.watch(registry);
    this.#registry = registry;
    const scriptShell = (): ShellState => ({ world, fs: this.fs, registry, script: scriptName, variables: initialVariables(), lastExit: 0 });
    this.#scripts = { hidden: scriptShell(), script: scriptShell() };
  }

  get stepCount(): number {
    return this.#steps.length;
  }

  /** Is a foreground command running in `host`'s terminal? */
  busy(host: string): boolean {
    return this.#terminals.get(host)?.foreground !== undefined;
  }

  /** Apply one action; returns the index of the step it concerned, or null (a script line after `exit`). */
  apply(action: MachineAction): number | null {
    switch (action.kind) {
      case "script":
        return this.#scriptLine(action.source, action.line);
      case "script-error":
        return this.#scriptError(action.source, action.error);
      case "run":
        return this.#typed(action.host, action.line, action.budgetMs ?? DEFAULT_BUDGET_MS);
      case "resume":
        return this.#resume(action.host, action.budgetMs ?? DEFAULT_BUDGET_MS);
      case "interrupt":
        return this.#interrupt(action.host);
    }
  }

  /** The step as the session reports it. */
  step(index: number): LabStep {
    const r = this.#steps[index]!;
    const end = r.endTime ?? this.world.now();
    return {
      index: r.index,
      host: r.host,
      source: r.source,
      line: r.line,
      cmd: r.cmd,
      status: r.status,
      exit: r.exit,
      stdout: r.stdout.text,
      stderr: r.stderr.text,
      startTime: r.startTime,
      elapsed_ms: Math.round((end - r.startTime) / 1000),
      firstEvent: r.firstEvent,
      ...(r.job
        ? { background: true as const, ...(r.job.exit !== undefined ? { bg_exit: r.job.exit } : {}), bg_stdout: r.job.stdout.text, bg_stderr: r.job.stderr.text }
        : {}),
    };
  }

  /** Steps that may still change (a running command, a background job). */
  liveSteps(): number[] {
    return this.#steps.filter((r) => r.status === "running" || (r.job && r.job.exit === undefined)).map((r) => r.index);
  }

  // ---- script -----------------------------------------------------------

  #scriptLine(source: "hidden" | "script", line: CommandLine): number | null {
    const shell = this.#scripts[source];
    if (shell.exitRequested !== undefined) return null;
    const record = this.#newStep("root", source, line.line, line.text);
    for (const warning of line.warnings) record.stderr.write(formatShellDiagnostic(warning, { script: shell.script }));
    this.#start(shell, line, record);
    this.#drive(() => record.status !== "running", record.startTime + SCRIPT_STEP_LIMIT);
    if (record.status === "running") this.#stop(record, "killed", KILLED_BY_SIGTERM_EXIT);
    return record.index;
  }

  #scriptError(source: "hidden" | "script", error: ShellSyntaxError): number | null {
    const shell = this.#scripts[source];
    if (shell.exitRequested !== undefined) return null;
    const record = this.#newStep("root", source, error.line, error.echoLine ?? "");
    record.stderr.write(formatShellDiagnostic(error, { script: shell.script }));
    this.#finish(record, error.exitStatus);
    shell.exitRequested = error.exitStatus;
    return record.index;
  }

  // ---- terminals --------------------------------------------------------

  #terminal(host: string): Terminal {
    let terminal = this.#terminals.get(host);
    if (!terminal) {
      const registry = registryForNamespace(this.#registry, netnsOfHost(host));
      // Runtime messages read "bash: line 1: …", as `bash -c LINE` prints them.
      const sigint = new SigintChannel();
      terminal = { sigint, shell: { world: this.world, fs: this.fs, registry, script: "bash", variables: initialVariables(), lastExit: 0, sigint } };
      this.#terminals.set(host, terminal);
    }
    return terminal;
  }

  #typed(host: string, text: string, budgetMs: number): number {
    const terminal = this.#terminal(host);
    if (terminal.foreground) throw new Error(`${host}: a command is still running there; resume or interrupt it first`);
    const { lines, error } = parseScript(text);
    // Refused before anything changes, so a refused call leaves nothing to replay.
    if (!error && lines.length !== 1) throw new RangeError(lines.length === 0 ? "an empty line runs nothing" : "type one command line at a time");
    const record = this.#newStep(host, "terminal", 1, lines[0]?.text ?? text);
    if (error) {
      // An interactive shell prints "bash: syntax error near …" and stays open.
      record.stderr.write(formatShellDiagnostic(error, "interactive"));
      terminal.shell.lastExit = error.exitStatus;
      this.#finish(record, error.exitStatus);
      return record.index;
    }
    const line = lines[0]!;
    const refused = refusedRedirection(line, netnsOfHost(host), this.world, this.fs, terminal.shell.variables);
    if (refused !== undefined) {
      record.stderr.write(`bash: ${refused}\n`);
      terminal.shell.lastExit = 1;
      this.#finish(record, 1);
      return record.index;
    }
    this.#start(terminal.shell, line, record);
    if (record.status === "running") {
      terminal.foreground = record;
      this.#runForeground(terminal, budgetMs);
    }
    // `exit` in a tab: the reader's shell ends; a fresh one takes the tab (its variables are gone).
    if (terminal.shell.exitRequested !== undefined) this.#terminals.delete(host);
    return record.index;
  }

  #resume(host: string, budgetMs: number): number {
    const terminal = this.#terminals.get(host);
    const record = terminal?.foreground;
    if (!terminal || !record) throw new Error(`${host}: nothing is running there`);
    this.world.trace.setStep(record.index + 1);
    this.#runForeground(terminal, budgetMs);
    return record.index;
  }

  #interrupt(host: string): number {
    const terminal = this.#terminals.get(host);
    const record = terminal?.foreground;
    if (!terminal || !record) throw new Error(`${host}: nothing is running there`);
    this.world.trace.setStep(record.index + 1);
    // A key press lands at no special instant: let a reply already on the wire arrive first, so the slice
    // boundary (where a ping has just sent) does not turn every Ctrl-C into a lost packet.
    this.#finishKernelWork();
    if (terminal.sigint.deliver()) {
      // A program caught it (iputils ping): it finishes by itself, printing what it prints, with its own status.
      record.stopping = "interrupted";
      this.#runForeground(terminal, CAUGHT_SIGINT_BUDGET_MS);
      if (!terminal.foreground) return record.index;
    }
    // SIGINT's default action ends the process.
    this.#stop(record, "interrupted", INTERRUPTED_EXIT);
    terminal.foreground = undefined;
    return record.index;
  }

  #runForeground(terminal: Terminal, budgetMs: number): void {
    const record = terminal.foreground!;
    this.#drive(() => record.status !== "running", this.world.now() + millis(budgetMs));
    if (record.status !== "running") terminal.foreground = undefined;
  }

  // ---- running ------------------------------------------------------------

  #newStep(host: string, source: LabStep["source"], line: number, cmd: string): StepRecord {
    // What the kernel was still doing for the last command (nc's closing ACK) happens before this one starts,
    // as run-script does it, so `ss` typed right after `nc` sees what it would see on a real machine.
    this.#finishKernelWork();
    const record: StepRecord = {
      index: this.#steps.length, host, source, line, cmd, status: "running", exit: null,
      // A typed line's output goes to a terminal (a tty, line buffered); a script's is captured as a transcript is.
      stdout: new TextSink(source === "terminal"), stderr: new TextSink(source === "terminal"), startTime: this.world.now(), endTime: null, firstEvent: this.world.trace.length,
    };
    this.#steps.push(record);
    this.world.trace.setStep(record.index + 1);
    return record;
  }

  #finish(record: StepRecord, status: number): void {
    record.exit = status;
    record.status = record.stopping ?? "done";
    record.endTime = this.world.now();
  }

  #stop(record: StepRecord, why: "interrupted" | "killed", status: number): void {
    record.stopping = why;
    record.process?.kill(status);
  }

  /** Starts a command line: a line ending in `&` becomes a job and the step is done at once (as runLabScript records it). */
  #start(shell: ShellState, line: CommandLine, record: StepRecord): void {
    const io = { stdin: "", stdout: record.stdout, stderr: record.stderr };
    const last = line.items[line.items.length - 1]!;
    if (last.background) {
      const job = { stdout: new TextSink(), stderr: new TextSink() } as NonNullable<StepRecord["job"]>;
      record.job = job;
      const jobShell: ShellState = { ...awayFromTerminal(shell), variables: new Map(shell.variables) };
      const items = line.items.map((item) => ({ ...item, background: false }));
      const program = runCommandLine(jobShell, { ...line, items }, { stdin: "", stdout: job.stdout, stderr: job.stderr }, () => undefined);
      new Process(this.world.queue, program, `job ${record.index}`, (status) => (job.exit = status)).start();
      shell.lastExit = 0;
      this.#finish(record, 0);
      return;
    }
    const background = (list: AndOrList): void => {
      // `a & b`: `a` runs on, unrecorded, its output going to the terminal like b's.
      const subshell: ShellState = { ...awayFromTerminal(shell), variables: new Map(shell.variables) };
      new Process(this.world.queue, runAndOr(subshell, list, io), `bg ${record.index}`, () => undefined).start();
    };
    const program: Program = runCommandLine(shell, line, io, background);
    record.process = new Process(this.world.queue, program, `step ${record.index}`, (status) => {
      shell.lastExit = status;
      this.#finish(record, status);
    });
    record.process.start();
  }

  /** Runs the queue until `done` or the clock would pass `deadline` (then the clock stops at the deadline). */
  #drive(done: () => boolean, deadline: number): void {
    const queue = this.world.queue;
    while (!done()) {
      const next = queue.peekTime();
      if (next === undefined || next > deadline) {
        queue.runUntil(Math.max(queue.now(), deadline));
        return;
      }
      this.#stepQueue();
    }
  }

  /** Runs what falls due within the next millisecond (KERNEL_WORK_WINDOW_US in run-script); the clock moves only if something is in flight. */
  #finishKernelWork(): void {
    const queue = this.world.queue;
    const until = queue.now() + KERNEL_WORK_WINDOW_US;
    for (let next = queue.peekTime(); next !== undefined && next <= until; next = queue.peekTime()) this.#stepQueue();
  }

  /** One queue event, refusing a model that keeps re-arming itself at the same microsecond. */
  #stepQueue(): void {
    const queue = this.world.queue;
    const time = queue.peekTime() ?? -1;
    this.#storm = { time, count: this.#storm.time === time ? this.#storm.count + 1 : 0 };
    if (this.#storm.count > STORM_LIMIT) {
      const label = queue.pendingEvents()[0]?.label ?? "?";
      throw new Error(`simulator stuck: more than ${STORM_LIMIT} events at ${time} µs (next: "${label}")`);
    }
    queue.step();
  }
}

/** The namespaces a lab's terminals can be in: "root" then `ip netns` names in creation order. */
export function hostsOf(world: World): string[] {
  return [ROOT_HOST, ...world.netnsList().filter((n) => n !== ROOT_NETNS)];
}
