/**
 * The plain records a lab session hands out — what crosses the worker
 * boundary to the lab widget. All structured-clone safe: strings, numbers,
 * arrays, plain objects and the frames' Uint8Arrays; no class instances, no
 * functions. Times are virtual µs unless the name says ms.
 */
import type { Topology } from "../../world/topology";
import type { EventWords } from "./event-words";
import type { NetfilterSnapshot } from "./lab-netfilter-state-types";

/** A command typed into a host's terminal, or a key pressed there: what a permalink records, in order. */
export type TerminalAction =
  /** Run a line as if typed at HOST's prompt; `budgetMs` caps the virtual time it may take before the call returns. */
  | { readonly kind: "run"; readonly host: string; readonly line: string; readonly budgetMs?: number }
  /** Let HOST's still-running command go on for up to `budgetMs` more. */
  | { readonly kind: "resume"; readonly host: string; readonly budgetMs?: number }
  /** Ctrl-C at HOST's terminal. */
  | { readonly kind: "interrupt"; readonly host: string };

/** One command line and what it did: the transcript step of ARCHITECTURE.md plus what the lab needs. */
export interface LabStep {
  /** Position in `steps()`, from 0. Trace events of this step carry `step = index + 1`. */
  readonly index: number;
  /** "root" or a namespace name: the terminal (or, for the script, the shell) it ran in. */
  readonly host: string;
  /** "hidden": the lesson's unseen setup; "script": the lab script; "terminal": typed by the reader. */
  readonly source: "hidden" | "script" | "terminal";
  /** 1-based line in the script or hidden setup (terminal lines: 1). */
  readonly line: number;
  readonly cmd: string;
  /** "running": still going (budget used up); "done": exited by itself; "interrupted": Ctrl-C; "killed": the 60 s script limit. */
  readonly status: "running" | "done" | "interrupted" | "killed";
  /** `$?`; null while running. */
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Virtual time at the start, and the elapsed ms so far (or in total). */
  readonly startTime: number;
  readonly elapsed_ms: number;
  /** The trace length when the step started: its first event, if it has any. */
  readonly firstEvent: number;
  /** A line ending in `&`: recorded at once, the job's result below once it ends. */
  readonly background?: true;
  readonly bg_exit?: number;
  readonly bg_stdout?: string;
  readonly bg_stderr?: string;
}

/** What one call that drives the session (run, resume, interrupt) did. */
export interface LabActionResult {
  /** The step the call concerned, as it is now. */
  readonly step: LabStep;
  /** Trace events emitted during the call: [from, to). Fetch their words with `events(from, …)`. */
  readonly events: { readonly from: number; readonly to: number };
  /** Other steps whose output or status changed meanwhile (background jobs, another terminal's command). */
  readonly changed: readonly LabStep[];
  /** Virtual time after the call. */
  readonly time: number;
}

/** A typed line bash would not run yet: it needs more input (open quote, trailing `|`, heredoc…). */
export interface LabIncomplete {
  readonly incomplete: true;
}

/** A batch of event words; ask again from `next` for more. */
export interface LabEventBatch {
  readonly events: readonly EventWords[];
  readonly next: number;
  /** Events so far in the session. */
  readonly total: number;
}

export interface NeighbourRow {
  readonly ip: string;
  readonly dev: string;
  readonly mac: string | null;
  /** NUD state as `ip neigh` prints it: INCOMPLETE, REACHABLE, STALE, DELAY, PROBE, FAILED, PERMANENT, NOARP. */
  readonly state: string;
}

/** A learned entry of a bridge's forwarding database. */
export interface FdbRow {
  readonly bridge: string;
  readonly mac: string;
  readonly port: string;
  /** Virtual ms since the address was last seen on that port. */
  readonly ageMs: number;
}

/** Frames the trace saw on one interface up to this moment (the model keeps no `ip -s link` counters of its own). */
export interface InterfaceCounters {
  readonly rxPackets: number;
  readonly rxBytes: number;
  readonly txPackets: number;
  readonly txBytes: number;
  /** frame-dropped events naming the device. */
  readonly dropped: number;
}

/** One namespace's tables, as the lab's side panel shows them. */
export interface HostTables {
  readonly host: string;
  /** net.ipv4.ip_forward. */
  readonly forwarding: boolean;
  /** The main table, one line per route exactly as `ip route` prints it. */
  readonly routes: readonly string[];
  /** `ip neigh` lines. */
  readonly neighbourLines: readonly string[];
  readonly neighbours: readonly NeighbourRow[];
  /** Learned entries of every bridge in this namespace. */
  readonly fdb: readonly FdbRow[];
  /** By interface id (`if:ns1/veth1`). */
  readonly counters: Readonly<Record<string, InterfaceCounters>>;
  /** iptables tables, chains, rules (as `iptables -S` prints them) and counters, for the netfilter view. */
  readonly netfilter: NetfilterSnapshot;
}

/** What the lab shows at one moment. */
export interface LabState {
  /** Virtual time, µs. */
  readonly time: number;
  /** The last trace event included (the moment is right after it was emitted); null for "after a step" or "now". */
  readonly event: number | null;
  /** Events emitted up to this moment. */
  readonly eventCount: number;
  readonly topology: Topology;
  /** The root first, then namespaces in creation order. */
  readonly hosts: readonly HostTables[];
}

/** Tab completion for a partly typed line. */
export interface LabCompletion {
  /** Where the word being completed starts in the line: replace `line.slice(from)` with a candidate. */
  readonly from: number;
  /** Full replacement words, sorted. */
  readonly candidates: readonly string[];
  /** The longest prefix all candidates share (what one Tab press inserts). */
  readonly common: string;
}

/** Everything needed to rebuild a session exactly: the lab and what the reader typed. */
export interface LabPermalink {
  readonly version: 1;
  /** The script's name for bash's messages ("lab.lab"). */
  readonly name: string;
  readonly seed: number | string;
  readonly script: string;
  readonly hiddenSetup?: string;
  readonly actions: readonly TerminalAction[];
}

/** What opening a lab returns. */
export interface LabOpened {
  readonly steps: readonly LabStep[];
  readonly state: LabState;
  /** Terminal tabs: "root" then the namespaces. */
  readonly hosts: readonly string[];
  readonly eventCount: number;
}

/** One line of a challenge check and how it ended on the copy of the student's world. */
export interface LabCheckLine {
  /** 1-based line in the check text. */
  readonly line: number;
  /** The command as run, without its `# message`. */
  readonly cmd: string;
  /** `$?`: the line passes on 0. */
  readonly exit: number;
  /** What the student is told when this line fails (the trailing `# message`), or null when the author wrote none. */
  readonly message: string | null;
}

/** What a challenge check found (lab-session-check.ts): passed when every line exited 0. */
export interface LabCheckResult {
  readonly passed: boolean;
  readonly lines: readonly LabCheckLine[];
}
