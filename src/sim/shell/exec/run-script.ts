/**
 * Runs a lab script on a fresh simulated machine and records its transcript
 * (shared ARCHITECTURE.md, "The transcript"): one step per command line with
 * its exit status, output and virtual elapsed time. A line ending in `&` is
 * one background job, recorded at once and completed (bg_exit, bg_stdout,
 * bg_stderr) when the job ends; jobs still running when the script ends get
 * one more virtual second, then are killed (143, bg_killed_at_end) — what the
 * kernel runner does on the real machine (src/parity/README.md).
 */
import { seconds } from "../../core";
import { World } from "../../world";
import { FileSystem } from "../../world/filesystem";
import type { AndOrList } from "../ast";
import { parseScript } from "../parser";
import { formatShellDiagnostic } from "../syntax-error";
import { KILLED_BY_SIGTERM_EXIT, type Transcript, type TranscriptStep } from "../transcript";
import { TextSink } from "./output";
import type { CommandRegistry } from "./registry";
import { defaultRegistry } from "./default-registry";
import { Process } from "./scheduler";
import { initialVariables, runAndOr, runCommandLine, type ShellState } from "./shell";

export interface RunOptions {
  /** The transcript's `script` and bash's message prefix, e.g. "name.lab". */
  readonly script: string;
  readonly seed?: number | string;
  readonly registry?: CommandRegistry;
  /** A foreground command still running after this long is killed, as the kernel runner does (60 s). */
  readonly stepLimitSeconds?: number;
  /** Builds on the fresh machine before the first line runs (tests that cannot type `ip` commands yet). */
  readonly setup?: (world: World, fs: FileSystem) => void;
}

/** The terminal's order of things: a step (its prompt line and own output) as it starts, a background job's output when the job ends. */
export type SessionEvent = { readonly kind: "step"; readonly index: number } | { readonly kind: "job-done"; readonly index: number };

export interface ScriptRun {
  readonly transcript: Transcript;
  readonly events: readonly SessionEvent[];
  readonly world: World;
  readonly fs: FileSystem;
  /** The script's own exit status (bash's: the last command's, `exit N`, or 2 after a syntax error). */
  readonly exit: number;
}

interface Job {
  readonly index: number;
  readonly process: Process;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

const GRACE_AT_END = seconds(1);

export function runLabScript(source: string, options: RunOptions): ScriptRun {
  const world = new World({ seed: options.seed ?? 1 });
  const fs = new FileSystem();
  options.setup?.(world, fs);
  const shell: ShellState = { world, fs, registry: options.registry ?? defaultRegistry(), script: options.script, variables: initialVariables(), lastExit: 0 };
  const steps: TranscriptStep[] = [];
  const events: SessionEvent[] = [];
  const jobs: Job[] = [];
  const limit = seconds(options.stepLimitSeconds ?? 60);
  const origin = { script: options.script };
  const { lines, error } = parseScript(source);

  const finishJob = (job: Job, status: number, killed: boolean): void => {
    const step = steps[job.index]!;
    step.bg_exit = status;
    step.bg_stdout = job.stdout.text;
    step.bg_stderr = job.stderr.text;
    if (killed) step.bg_killed_at_end = true;
    events.push({ kind: "job-done", index: job.index });
  };
  const startJob = (index: number, program: ReturnType<typeof runAndOr>, stdout: TextSink, stderr: TextSink): void => {
    const process = new Process(world.queue, program, `job ${index}`, (status, killed) => finishJob(job, status, killed));
    const job: Job = { index, stdout, stderr, process };
    jobs.push(job);
    process.start();
  };

  for (const line of lines) {
    finishKernelWork(world);
    const started = world.now();
    const step: TranscriptStep = { line: line.line, cmd: line.text, exit: 0, stdout: "", stderr: "", elapsed_ms: 0 };
    steps.push(step);
    const index = steps.length - 1;
    // The terminal shows `$ cmd` when the command starts: output of jobs ending while it runs comes after it.
    events.push({ kind: "step", index });
    const stdout = new TextSink();
    const stderr = new TextSink();
    for (const warning of line.warnings) stderr.write(formatShellDiagnostic(warning, origin));
    const last = line.items[line.items.length - 1]!;
    if (last.background) {
      // The kernel runner runs a line ending in `&` as one job (src/parity/README.md), so the whole line is the job here too.
      step.background = true;
      const jobShell: ShellState = { ...shell, variables: new Map(shell.variables) };
      const items = line.items.map((item) => ({ ...item, background: false }));
      // The step's own stderr is the shell's (warnings above); what the job writes, even before its first wait, is its bg_stderr.
      const shellMessages = stderr.text;
      startJob(index, runCommandLine(jobShell, { ...line, items }, { stdin: "", stdout, stderr }, () => undefined), stdout, stderr);
      step.stderr = shellMessages;
      shell.lastExit = 0;
    } else {
      const background = (list: AndOrList): void => {
        // `a & b`: `a` runs on, unrecorded, its output going to the terminal like b's.
        const subshell: ShellState = { ...shell, variables: new Map(shell.variables) };
        new Process(world.queue, runAndOr(subshell, list, { stdin: "", stdout, stderr }), `bg ${index}`, () => undefined).start();
      };
      const status = runForeground(world, runCommandLine(shell, line, { stdin: "", stdout, stderr }, background), `step ${index}`, limit);
      step.exit = status;
      shell.lastExit = status;
      step.stdout = stdout.text;
      step.stderr = stderr.text;
    }
    step.elapsed_ms = Math.round((world.now() - started) / 1000);
    if (shell.exitRequested !== undefined) break;
  }

  let exit = shell.exitRequested ?? shell.lastExit;
  if (error && shell.exitRequested === undefined) {
    const stderr = formatShellDiagnostic(error, origin);
    steps.push({ line: error.line, cmd: error.echoLine ?? "", exit: error.exitStatus, stdout: "", stderr, elapsed_ms: 0 });
    events.push({ kind: "step", index: steps.length - 1 });
    exit = error.exitStatus;
  }
  endJobs(world, jobs);
  const transcript: Transcript = { script: options.script, iptables_backend: "nf_tables", steps };
  return { transcript, events, world, fs, exit };
}

/** Drives the world until the foreground command ends (or has run `limit`, when it is killed). */
function runForeground(world: World, program: ReturnType<typeof runCommandLine>, label: string, limit: number): number {
  let status: number | undefined;
  const process = new Process(world.queue, program, label, (s) => (status = s)).start();
  const killAt = world.now() + limit;
  while (status === undefined) {
    const next = world.queue.peekTime();
    if (next === undefined || next > killAt) {
      // Nothing left that could wake it, or past the limit: the runner's kill.
      world.queue.runUntil(Math.max(world.now(), Math.min(killAt, next ?? killAt)));
      process.kill(KILLED_BY_SIGTERM_EXIT);
      break;
    }
    stepQueue(world);
  }
  return status ?? KILLED_BY_SIGTERM_EXIT;
}

/**
 * Between two commands a real machine finishes what the kernel was doing:
 * a veth delivers in the sending call itself, while the model's links take
 * microseconds. So before the next command starts, run what falls due within
 * the next millisecond (the time it takes to start a process) — the last ACK
 * of a connection nc just closed, say — without letting the clock jump when
 * nothing is in flight.
 */
export const KERNEL_WORK_WINDOW_US = 1000;

function finishKernelWork(world: World): void {
  const until = world.now() + KERNEL_WORK_WINDOW_US;
  for (let next = world.queue.peekTime(); next !== undefined && next <= until; next = world.queue.peekTime()) stepQueue(world);
}

/** Events allowed at one virtual instant before the run is declared stuck. */
const STORM_LIMIT = 200_000;
const storms = new WeakMap<World, { time: number; count: number }>();

/**
 * Runs one event, refusing a model that keeps re-arming itself at the same
 * microsecond (time would never move on and the run would never end).
 */
function stepQueue(world: World): void {
  const time = world.queue.peekTime() ?? -1;
  const storm = storms.get(world) ?? { time: -1, count: 0 };
  storms.set(world, storm);
  storm.count = storm.time === time ? storm.count + 1 : 0;
  storm.time = time;
  if (storm.count > STORM_LIMIT) {
    const label = world.queue.pendingEvents()[0]?.label ?? "?";
    throw new Error(`simulator stuck: more than ${STORM_LIMIT} events at ${time} µs (next: "${label}")`);
  }
  world.queue.step();
}

/** One more virtual second for jobs still running, then SIGTERM. */
function endJobs(world: World, jobs: readonly Job[]): void {
  const running = (): Job[] => jobs.filter((j) => j.process.state === "running");
  if (running().length === 0) return;
  const end = world.now() + GRACE_AT_END;
  while (running().length > 0) {
    const next = world.queue.peekTime();
    if (next === undefined || next > end) break;
    stepQueue(world);
  }
  if (running().length > 0) world.queue.runUntil(Math.max(world.now(), end));
  for (const job of running()) job.process.kill(KILLED_BY_SIGTERM_EXIT);
}
