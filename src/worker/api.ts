/**
 * The one typed API the simulation worker exposes (via comlink). The UI sees
 * it only as `RemoteSimApi`: every call is asynchronous and every value is
 * structured-clone safe.
 */
import type {
  BorrowPlan,
  Checked,
  ExplorerOptions,
  SplitPlan,
  SubnetFacts,
} from "../sim/addr/explorer-types";
import type { BytesFormat } from "../sim/core/trace";
import type { DecodedFrame } from "../sim/wire/decoded-frame";
import type { FieldChange } from "../sim/wire/frame-diff";
import type {
  LabActionResult,
  LabCompletion,
  LabEventBatch,
  LabIncomplete,
  LabOpened,
  LabPermalink,
  LabState,
  LabStep,
} from "../sim/shell/exec/lab-session-types";
import type { LabCheckResult } from "../sim/shell/exec/lab-session-types";
import type { NetfilterPass } from "../sim/shell/exec/lab-netfilter-state-types";

/** A lab session open in the worker (`labOpen`); valid until `labClose` or a worker restart. */
export type LabId = string;

export interface LabOpenOptions {
  readonly seed?: number | string;
  /** Lines run before the script, shown as "hidden" steps. */
  readonly hiddenSetup?: string;
  /** The script's name in bash's messages (default "lab.lab"). */
  readonly name?: string;
}

export interface LabOpenResult extends LabOpened {
  readonly labId: LabId;
}

export interface SimApi {
  /** Round-trip check used at start-up and by health probes. */
  hello(): string;
  /** Facts about one address/prefix, e.g. "10.0.3.7/16", "192.168.1.9 255.255.255.0", "2001:db8::/48". */
  describeSubnet(input: string, options: ExplorerOptions): Checked<SubnetFacts>;
  /** A block with some of its sub-blocks split in halves (`split` lists the CIDRs that are divided). */
  planSplits(root: string, split: readonly string[], options: ExplorerOptions): Checked<SplitPlan>;
  /** "N subnets out of NETWORK": the bits to borrow and the resulting subnets. */
  planBorrow(network: string, subnets: number): Checked<BorrowPlan>;
  /** Deliberately kills the worker; lets tests and the UI prove recovery works. */
  crashForTesting(): void;

  // ---- lab sessions (src/sim/shell/exec/lab-session.ts) ----
  /** Runs the hidden setup and the script on a fresh machine; the lab's id, steps, state and hosts. */
  labOpen(script: string, options: LabOpenOptions): LabOpenResult;
  /** Rebuilds a lab from its permalink (the same steps, events and states). */
  labOpenPermalink(permalink: LabPermalink): LabOpenResult;
  /** A line typed in HOST's terminal ("root" or a namespace); runs up to `budgetMs` virtual ms (default 60 000). */
  labRun(labId: LabId, host: string, line: string, options?: { readonly budgetMs?: number }): LabActionResult | LabIncomplete;
  /** More virtual time for HOST's running command. */
  labResume(labId: LabId, host: string, budgetMs?: number): LabActionResult;
  /** Ctrl-C in HOST's terminal. */
  labInterrupt(labId: LabId, host: string): LabActionResult;
  /** Event words from `from`, at most `limit` (≤ 500, the default). */
  labEvents(labId: LabId, from: number, limit?: number): LabEventBatch;
  labSteps(labId: LabId): LabStep[];
  /** Terminal tabs: "root" then the namespaces. */
  labHosts(labId: LabId): string[];
  /** The state now. */
  labState(labId: LabId): LabState;
  /** The state right after event `eventIndex` (time travel). */
  labStateAt(labId: LabId, eventIndex: number): LabState;
  /** The state once step `stepIndex` was last driven. */
  labStateAfterStep(labId: LabId, stepIndex: number): LabState;
  /** The latest packet HOST's netfilter hooks saw at or before event `eventIndex`, as far as it had gone then (null: none yet). */
  labNetfilterPass(labId: LabId, host: string, eventIndex: number): NetfilterPass | null;
  /**
   * Runs a challenge check — lab-script commands, one a line, each with a trailing `# message` — on a copy
   * of the lab's world as it is now (sim/shell/exec/lab-session-check.ts); the session itself is untouched.
   */
  labCheck(labId: LabId, check: string): LabCheckResult;
  /** Tab completion of `partial` (the text before the cursor) in HOST's terminal. */
  labComplete(labId: LabId, host: string, partial: string): LabCompletion;
  labPermalink(labId: LabId): LabPermalink;
  /** Frees the lab; false if it was not open. */
  labClose(labId: LabId): boolean;

  // ---- packet inspector (src/sim/wire) ----
  /** A frame (or, with format "ipv4", a bare packet) as layers of fields with byte spans. */
  decodeFrame(bytes: Uint8Array, format?: BytesFormat): DecodedFrame;
  /** The fields that differ between two captures of a packet (hop to hop, before/after NAT). */
  diffFrames(a: Uint8Array, b: Uint8Array, formatA?: BytesFormat, formatB?: BytesFormat): FieldChange[];
}

/** How the UI sees the API: the same methods, each returning a promise. */
export type RemoteSimApi = {
  [K in keyof SimApi]: (...args: Parameters<SimApi[K]>) => Promise<Awaited<ReturnType<SimApi[K]>>>;
};
