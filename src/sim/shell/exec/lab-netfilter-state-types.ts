/**
 * The plain records the netfilter view shows, crossing the worker boundary
 * like the rest of a LabState (lab-session-types.ts): one host's iptables
 * tables at a moment (`NetfilterSnapshot`), and the way one packet went
 * through that host's hooks (`NetfilterPass`). Rule texts are exactly what
 * `iptables -S` prints.
 */
import type { FlowTuple, NetfilterHookName } from "../../core";
import type { TableName } from "../../netfilter/hooks";

export type { FlowTuple, NetfilterHookName, TableName };

/** One rule of a chain with its counters (`iptables -L -v -x --line-numbers`). */
export interface NetfilterRuleState {
  /** 1-based, as `--line-numbers` and the trace's rule references count. */
  readonly number: number;
  /** The rule exactly as `iptables -t TABLE -S CHAIN` prints it: "-A FORWARD -p icmp -j DROP". */
  readonly text: string;
  /** Its conditions in the same notation, "" when it matches every packet: "-p icmp". */
  readonly conditions: string;
  /** The target as -L's target column names it: "DROP", "DNAT", a user chain, "" for none. */
  readonly target: string;
  readonly packets: number;
  readonly bytes: number;
}

export interface NetfilterChainState {
  readonly name: string;
  readonly builtin: boolean;
  /**
   * Does the kernel run this chain? nf_tables creates a table's base chains
   * lazily, one by one as commands write to them; one that does not exist yet
   * is shown by `iptables -S` but sees no packet. User chains: always.
   */
  readonly active: boolean;
  /** Built-in chains only. */
  readonly policy?: "ACCEPT" | "DROP";
  /** Built-in chains: packets and bytes the policy decided (nf_tables counts them only once `-P` was used). */
  readonly policyPackets: number;
  readonly policyBytes: number;
  /** The chain's own line of `iptables -S`: "-P FORWARD ACCEPT" or "-N LOGDROP". */
  readonly definition: string;
  readonly rules: readonly NetfilterRuleState[];
}

export interface NetfilterTableState {
  readonly name: TableName;
  /** Built-in chains in iptables' order, then user chains by name (as `iptables -S` lists them). */
  readonly chains: readonly NetfilterChainState[];
}

/** A table's place at one hook: tables run in priority order, lowest first (NF_IP_PRI_*). */
export interface NetfilterHookTable {
  readonly table: TableName;
  readonly priority: number;
  /** nat only: which end it may change at this hook (DNAT before routing, SNAT after). */
  readonly manip?: "source" | "destination";
}

/** One hook and the tables it runs, in order: the kernel's path (netfilter/hooks.ts), the same for every host. */
export interface NetfilterHookPath {
  readonly hook: NetfilterHookName;
  readonly tables: readonly NetfilterHookTable[];
}

/** A namespace's iptables tables: raw, mangle, nat and filter always (what `iptables -t T -S` shows), security once written to. */
export interface NetfilterSnapshot {
  /** PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING with their tables in priority order. */
  readonly hooks: readonly NetfilterHookPath[];
  readonly tables: readonly NetfilterTableState[];
}

/** One table a packet went through at one hook: a `netfilter-traversal` event. */
export interface NetfilterPassTraversal {
  /** The trace event. */
  readonly event: number;
  readonly hook: NetfilterHookName;
  readonly table: string;
  /** Where the verdict came from: a rule of `chain` (maybe a user chain jumped to), or its policy (rule null). */
  readonly chain: string;
  readonly rule: number | null;
  readonly verdict: "ACCEPT" | "DROP" | "STOLEN";
  /** Every rule that matched on the way (LOG, jumps, the deciding one). */
  readonly hits: readonly { readonly chain: string; readonly rule: number; readonly target: string }[];
}

/** A `nat-rewrite` of the packet: which end changed, at which hook, the tuples before and after. */
export interface NetfilterPassRewrite {
  readonly event: number;
  readonly hook: NetfilterHookName;
  readonly manip: "source" | "destination";
  readonly before: FlowTuple;
  readonly after: FlowTuple;
}

/** The routing decision the packet met (a `route-decision` event). */
export interface NetfilterPassRoute {
  readonly event: number;
  /** "input": a received packet (then local delivery or forwarding); "output": one this host sends. */
  readonly purpose: "input" | "output" | "forward";
  /** "local": for this host (INPUT); "forward": to another (FORWARD); "output": sent from here; "none": no route. */
  readonly decision: "local" | "forward" | "output" | "none";
  /** The matched route as `ip route` prints it, null when none matched. */
  readonly route: string | null;
}

/** How the pass ended, as far as the playhead goes. */
export type NetfilterPassOutcome =
  | { readonly kind: "travelling" }
  /** Accepted at INPUT: handed to the local stack. */
  | { readonly kind: "delivered" }
  | { readonly kind: "sent"; readonly device: string }
  | { readonly kind: "dropped"; readonly event: number; readonly reason: string; readonly hook?: NetfilterHookName; readonly table?: string; readonly chain?: string; readonly rule?: number | null };

/**
 * One packet's way through one host's netfilter hooks, as far as the trace
 * goes at the playhead: the hooks it reached, each table's decision, NAT
 * rewrites and the routing decision.
 */
export interface NetfilterPass {
  readonly host: string;
  /** "in": received from a device (PREROUTING first); "local": sent by this host (OUTPUT first). */
  readonly origin: "in" | "local";
  /** The packet as it entered this host (or left its socket). */
  readonly packet: FlowTuple;
  /** The IPv4 identification field, which stays the same through the hooks. */
  readonly ipId: number;
  /** "icmp echo-request 10.0.0.1 → 10.0.1.2", "tcp 10.0.0.1:40000 → 10.0.1.2:80". */
  readonly summary: string;
  /** Hooks reached, in order (the path to light). */
  readonly hooks: readonly NetfilterHookName[];
  readonly traversals: readonly NetfilterPassTraversal[];
  readonly rewrites: readonly NetfilterPassRewrite[];
  readonly route: NetfilterPassRoute | null;
  readonly outcome: NetfilterPassOutcome;
  /** Trace events that make up the pass, up to the playhead, in order. */
  readonly events: readonly number[];
}
