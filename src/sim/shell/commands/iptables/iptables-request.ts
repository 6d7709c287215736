/**
 * What `iptables`, `iptables-save` and `iptables-restore` ask of the netfilter
 * engine once their command line is read. Rules are the engine's own
 * `RuleSpec` (sim/netfilter/rule.ts) so a request is executed without any
 * translation; this file adds the commands around them.
 */
import type { Counters, RuleSpec } from "../../../netfilter/rule";
import type { TableName } from "../../../netfilter/hooks";

export type { Counters, RuleSpec, TableName };
export type {
  AddressMatch,
  CtState,
  InterfaceMatch,
  LimitRate,
  Match,
  NatRange,
  PortMatch,
  PortRange,
  ProtocolMatch,
  RejectWith,
  Target,
} from "../../../netfilter/rule";

/** How `-L` prints (iptables(8) "OTHER OPTIONS"). */
export interface ListOptions {
  /** -v: counters, in/out columns, policy counters. */
  readonly verbose: boolean;
  /** -n: no name lookups (addresses, ports, protocols printed as numbers). */
  readonly numeric: boolean;
  /** -x: exact counters instead of K/M/G/T. */
  readonly exact: boolean;
  /** --line-numbers */
  readonly lineNumbers: boolean;
}

/**
 * One iptables command. `specs` holds every rule the command line denotes:
 * `-s a,b -d c,d` is four rules, in the order iptables adds them (each
 * source with each destination). `echo` is -v on a rule command: iptables
 * prints each rule as it sends it (see formatRuleEcho).
 */
export type IptablesCommand =
  | { readonly op: "append"; readonly chain: string; readonly specs: readonly RuleSpec[]; readonly counters?: Counters; readonly echo: boolean }
  /** -I CHAIN [N]: N is 1-based, 1 when absent. */
  | { readonly op: "insert"; readonly chain: string; readonly position: number; readonly specs: readonly RuleSpec[]; readonly counters?: Counters; readonly echo: boolean }
  | { readonly op: "replace"; readonly chain: string; readonly position: number; readonly spec: RuleSpec; readonly counters?: Counters; readonly echo: boolean }
  /** -D CHAIN spec: delete the first rule equal to each spec. */
  | { readonly op: "delete"; readonly chain: string; readonly specs: readonly RuleSpec[]; readonly echo: boolean }
  | { readonly op: "delete-number"; readonly chain: string; readonly position: number }
  /** -C: exit 0 when a rule equal to each spec exists. */
  | { readonly op: "check"; readonly chain: string; readonly specs: readonly RuleSpec[]; readonly echo: boolean }
  /** -F [CHAIN]: null flushes every chain of the table. */
  | { readonly op: "flush"; readonly chain: string | null }
  /** -Z [CHAIN [N]] */
  | { readonly op: "zero"; readonly chain: string | null; readonly position: number | null }
  | { readonly op: "new-chain"; readonly chain: string }
  /** -X [CHAIN]: null deletes every user chain (those still referenced fail). */
  | { readonly op: "delete-chain"; readonly chain: string | null }
  | { readonly op: "rename-chain"; readonly chain: string; readonly newName: string }
  | { readonly op: "policy"; readonly chain: string; readonly policy: "ACCEPT" | "DROP"; readonly counters?: Counters }
  /** -L [CHAIN [N]]; `zero` is -L -Z (list, then zero). */
  | { readonly op: "list"; readonly chain: string | null; readonly position: number | null; readonly options: ListOptions; readonly zero: boolean }
  /** -S [CHAIN [N]]; -v adds `-c PKTS BYTES`. */
  | { readonly op: "list-rules"; readonly chain: string | null; readonly position: number | null; readonly counters: boolean };

export interface IptablesRequest {
  readonly table: TableName;
  readonly command: IptablesCommand;
}

/** `iptables-save [-c] [-t TABLE]` */
export interface SaveRequest {
  readonly counters: boolean;
  /** null: every table that exists. */
  readonly table: TableName | null;
}

/** One chain line of a restore file: `:NAME POLICY [PKTS:BYTES]`, policy "-" for a user chain. */
export interface RestoreChain {
  readonly line: number;
  readonly name: string;
  readonly policy: "ACCEPT" | "DROP" | null;
  readonly counters: Counters;
}

/** A command line inside a restore file, with its line number for error messages. */
export interface RestoreCommand {
  readonly line: number;
  readonly command: IptablesCommand;
}

/** One `*table … COMMIT` block. */
export interface RestoreTable {
  readonly table: TableName;
  /** The `*table` line. */
  readonly line: number;
  /** The COMMIT line: the table's changes are applied atomically there. */
  readonly commitLine: number;
  readonly chains: readonly RestoreChain[];
  readonly commands: readonly RestoreCommand[];
}

/**
 * `iptables-restore [-n] [-c] [-t] [FILE]`. Without `noflush` each table
 * named is flushed and its user chains deleted first (policies back to
 * ACCEPT unless a chain line sets them). `test` parses only.
 */
export interface RestoreRequest {
  readonly noflush: boolean;
  readonly counters: boolean;
  readonly test: boolean;
  /** The file to read; null reads standard input. */
  readonly file: string | null;
}
