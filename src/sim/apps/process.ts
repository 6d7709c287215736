/**
 * How a program runs in virtual time. A program is a generator: it does its
 * work synchronously between `yield`s, and each `yield` says what it waits
 * for — a moment on the world's clock, a wake-up from a socket, or both
 * (ping waits for a reply *or* its timeout). The shell's scheduler resumes it
 * from the world's event queue, so foreground commands, background jobs and
 * packets interleave in one deterministic order (shared ARCHITECTURE.md, "The
 * lab script": commands take virtual time).
 *
 * A generator rather than callbacks or promises: a program reads top to
 * bottom like the C it models, `yield*` composes (`timeout` runs a child,
 * the shell runs a pipeline of them), and `return()` on the generator is a
 * kill that still runs the program's `finally` blocks (sockets closed).
 */
import type { SimTime } from "../core";
import type { Ipv4Address } from "../addr";
import type { NetNamespace } from "../stack";
import type { SigintPort } from "./sigint";

/** What a program waits for. Neither field: just yield to others and resume at once. */
export interface Wait {
  /** Resume at this virtual time at the latest. */
  readonly until?: SimTime;
  /** Resume earlier when `wake` is called; returns the unsubscribe function. */
  readonly wakeOn?: (wake: () => void) => () => void;
}

/** A running program: yields what it waits for, returns its exit status. */
export type Program = Generator<Wait, number, void>;

/**
 * A program's stdout or stderr as C's stdio sees it. Writing to a pipe or a
 * file (what a transcript captures) it is fully buffered: text reaches its
 * destination on `flush()` or when the program exits, and a program killed by
 * an unhandled signal loses what was still buffered — why `timeout 1 ping …`
 * with no reply prints nothing. Writing to a lab terminal (a tty) it is line
 * buffered (shell/exec/output.ts).
 */
export interface OutputStream {
  write(text: string): void;
  flush(): void;
  /** It goes to a file (a redirection): what the program writes may change the machine (`> /proc/sys/…`). */
  readonly toFile?: boolean;
}

/** Where a program runs and what it may use: the shell builds one per command. */
export interface ProgramContext {
  /** The network namespace the process is in (`ip netns exec` changes it). */
  readonly netns: NetNamespace;
  readonly stdin: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  now(): SimTime;
  /**
   * getaddrinfo(3) for IPv4 as this machine answers it: /etc/hosts, then DNS
   * (nsswitch "files dns"). `error` carries gai_strerror's text.
   */
  resolveHost(name: string): { readonly address: Ipv4Address } | { readonly error: string };
  /** getnameinfo(3): a name for the address from /etc/hosts, if any. */
  reverseLookup(address: Ipv4Address): string | undefined;
  /** Ctrl-C at the terminal this command runs in the foreground of; absent for scripts and background jobs. */
  readonly sigint?: SigintPort;
}

/** Wait until `time` (`sleep`). */
export function* sleepUntil(time: SimTime): Program {
  yield { until: time };
  return 0;
}
