/**
 * A throw-away Linux machine on the real kernel for one lab script (shared
 * KERNEL-PARITY-NOTES.md, "Isolation"): new network, mount, PID and UTS
 * namespaces made by unshare(1), set up by sandbox/init.sh, whose PID 1 holds
 * them until we close its stdin. Every command enters them with nsenter(1) as a
 * fresh `bash -c`, so each step's stdout, stderr and exit status are its own.
 *
 * The sandbox root has only `lo`: no interface leads outside, so no packet a
 * script sends can leave the machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SANDBOX_SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), "sandbox");

/** --uts as well as the notes' set, so `hostname NAME` cannot rename the host. */
export const UNSHARE_ARGS = ["--net", "--mount", "--propagation", "private", "--pid", "--fork", "--kill-child", "--mount-proc", "--uts"];

/** The environment every step gets: our `ip` first (sandbox/ip-wrapper.sh), messages in the C locale. */
const STEP_ENV = ["PATH=/run/.parity/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "LANG=C.UTF-8", "TERM=dumb"];

export interface ProcessResult {
  exit: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

export interface BackgroundJob {
  /** Settles when the job ends, however it ends. */
  readonly done: Promise<ProcessResult>;
  readonly finished: () => boolean;
  /** Sends SIGTERM to the job's whole process group, then SIGKILL if it lingers. */
  readonly kill: () => Promise<ProcessResult>;
}

/** bash's status for a process killed by a signal: 128 + its number (bash(1), "EXIT STATUS"). */
function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

function collect(child: ChildProcess): Promise<ProcessResult> {
  const started = performance.now();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (b: Buffer) => out.push(b));
  child.stderr?.on("data", (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const elapsedMs = Math.round(performance.now() - started);
      let settled = false;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        resolve({ exit: exitStatus(code, signal), stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), elapsedMs });
      };
      // A job the command left running (`sleep 9 & echo x`) keeps the pipes
      // open; take what was written once the command itself has ended.
      const grace = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, 200);
      child.on("close", () => {
        clearTimeout(grace);
        finish();
      });
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class KernelSandbox {
  private constructor(
    private readonly holder: ChildProcess,
    /** Host PID of the sandbox's PID 1, the target for nsenter. */
    private readonly initPid: number,
  ) {}

  static async start(): Promise<KernelSandbox> {
    const holder = spawn("unshare", [...UNSHARE_ARGS, "bash", join(SANDBOX_SCRIPTS, "init.sh"), SANDBOX_SCRIPTS], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    holder.stderr!.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    await new Promise<void>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`sandbox did not start within 10 s: ${stderr}`)), 10_000);
      holder.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      holder.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`sandbox setup failed (exit ${code}): ${stderr.trim()}`));
      });
      holder.stdout!.on("data", (b: Buffer) => {
        stdout += b.toString("utf8");
        if (stdout.includes("READY\n")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    holder.removeAllListeners("exit");
    // unshare(1) itself stays in the parent PID namespace; the init it forked is PID 1 inside.
    const children = readFileSync(`/proc/${holder.pid}/task/${holder.pid}/children`, "utf8").trim().split(/\s+/);
    const initPid = Number(children[0]);
    if (!Number.isInteger(initPid) || initPid <= 0) throw new Error("cannot find the sandbox's PID 1");
    return new KernelSandbox(holder, initPid);
  }

  private spawnInside(command: string): ChildProcess {
    const args = ["--target", String(this.initPid), "--net", "--mount", "--uts", "--pid", "--wd=/tmp", "--", "env", "-i", ...STEP_ENV, "bash", "-c", command];
    // Its own process group, so a kill reaches everything the command started.
    return spawn("nsenter", args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  }

  /** Runs a command to completion; one that outlives `timeoutMs` is killed. */
  async run(command: string, timeoutMs = 60_000): Promise<ProcessResult> {
    const child = this.spawnInside(command);
    const result = collect(child);
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs);
    try {
      return await result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts a command and returns at once. */
  startBackground(command: string): BackgroundJob {
    const child = this.spawnInside(command);
    let ended = false;
    const done = collect(child).finally(() => (ended = true));
    return {
      done,
      finished: () => ended,
      kill: async () => {
        killGroup(child, "SIGTERM");
        const late = setTimeout(() => killGroup(child, "SIGKILL"), 1000);
        try {
          return await done;
        } finally {
          clearTimeout(late);
        }
      },
    };
  }

  /** `ip -o link` of every namespace (sandbox/link-dump.sh). */
  async linkDump(): Promise<string> {
    return (await this.run("parity-link-dump", 10_000)).stdout;
  }

  /** Ends PID 1; the kernel then takes down every process, namespace and device of the sandbox. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.holder.exitCode !== null || this.holder.signalCode !== null) resolve();
      else this.holder.on("exit", () => resolve());
    });
    this.holder.stdin!.end();
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      // --kill-child: unshare's death takes its PID 1, and so the whole sandbox, with it.
      this.holder.kill("SIGKILL");
      await exited;
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
