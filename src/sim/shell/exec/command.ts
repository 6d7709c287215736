/**
 * The contract between the shell and the commands it runs. Every program —
 * userland tools here, `ip`/`bridge`/`sysctl`/`ipcalc` from
 * shell/commands, daemons later — is a `Command` in a `CommandRegistry`.
 *
 * A command that finishes at once (most of `ip`) returns its exit status; one
 * that takes virtual time (ping, sleep, timeout) returns a `Program`, a
 * generator that yields what it waits for (apps/process.ts). Either way it
 * writes to `ctx.stdout`/`ctx.stderr` and never prints the shell's own
 * messages (command not found, redirection errors): the shell does.
 */
import type { Program, ProgramContext } from "../../apps/process";
import type { NetNamespace } from "../../stack";
import type { World } from "../../world";
import type { FileSystem, FsView } from "../../world/filesystem";

export type CommandRun = number | Program;

export interface Command {
  /** The name a script calls it by (`ping`). */
  readonly name: string;
  /** `args` are the words after the name: for `ping -c 1 x`, ["-c", "1", "x"]. */
  run(args: readonly string[], ctx: CommandContext): CommandRun;
  /**
   * True when this use of the command changes no configuration (devices, addresses, routes,
   * sysctls) itself: ping only sends, `timeout` only runs a child that is a command of its own.
   * Left out, the command may change anything (time travel then rebuilds the topology at every
   * event while it runs: lab-session-config-watch.ts).
   */
  readonly onlyObserves?: (args: readonly string[]) => boolean;
}

/** A child started by `timeout` or `ip netns exec`. */
export interface ChildProcess {
  /** Drive it with `yield*`, or step it yourself (timeout) to kill it at a deadline. */
  readonly program: Program;
  /** SIGTERM with no handler: `finally` blocks run, output still buffered is lost. */
  kill(): void;
}

export interface SpawnOptions {
  /** Run in another network namespace (`ip netns exec`). */
  readonly netns?: NetNamespace;
  /** The `ip netns exec` name whose /etc/netns/NAME files the child sees over /etc. */
  readonly netnsName?: string;
  /**
   * execvp(3) rather than fork: the child replaces the caller and shares its
   * stdio buffers (`ip netns exec` execs; `timeout` forks).
   */
  readonly exec?: boolean;
}

export interface CommandContext extends ProgramContext {
  readonly world: World;
  readonly fs: FileSystem;
  /** What this process sees of the file system (its namespace, its /etc/netns overlay). */
  readonly view: FsView;
  /** The exported environment (HOME, PATH, …) plus the command's own `NAME=value` prefixes. */
  readonly env: ReadonlyMap<string, string>;
  /** Start `argv` (name first) as a child, or undefined when no such program exists. */
  spawn(argv: readonly string[], options?: SpawnOptions): ChildProcess | undefined;
}
