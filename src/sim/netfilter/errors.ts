/**
 * Why an iptables operation failed, as data: the command words them the way
 * iptables 1.8 (nf_tables) does. The kinds follow the errno the legacy
 * backend reports (libiptc) — ENOENT, EEXIST, E2BIG, ENOTEMPTY, EMLINK,
 * ELOOP, EINVAL — so either backend's text can be produced.
 */
import type { Hook, TableName } from "./hooks";

export type NetfilterError =
  /** The chain named does not exist in the table (ENOENT). */
  | { readonly kind: "no-chain"; readonly table: TableName; readonly chain: string }
  /** -j/-g to a chain that does not exist. */
  | { readonly kind: "no-target-chain"; readonly table: TableName; readonly chain: string }
  /** -N of a name already used (EEXIST), or -E to one. */
  | { readonly kind: "chain-exists"; readonly table: TableName; readonly chain: string }
  /** A rule number outside the chain (E2BIG): "Index of deletion too big" / "Index of insertion too big" / replacement. */
  | { readonly kind: "bad-rule-number"; readonly table: TableName; readonly chain: string; readonly number: number; readonly op: "delete" | "insert" | "replace" | "list" }
  /** -D/-C with a spec no rule has. */
  | { readonly kind: "rule-not-found"; readonly table: TableName; readonly chain: string }
  /** -X of a chain that still has rules (ENOTEMPTY). */
  | { readonly kind: "chain-not-empty"; readonly table: TableName; readonly chain: string }
  /** -X of a chain other rules jump to (EMLINK, "Too many links"). */
  | { readonly kind: "chain-in-use"; readonly table: TableName; readonly chain: string; readonly references: number }
  /** -X / -E on a built-in chain, or -j to one. */
  | { readonly kind: "builtin-chain"; readonly table: TableName; readonly chain: string }
  /** -P on a user-defined chain ("Bad built-in chain name"). */
  | { readonly kind: "not-builtin-chain"; readonly table: TableName; readonly chain: string }
  /** A name iptables refuses for a chain: empty, longer than 28 characters, a target name or starting with "!"/"-". */
  | { readonly kind: "invalid-chain-name"; readonly chain: string }
  /** A jump that would make chains call each other in a loop (ELOOP). */
  | { readonly kind: "loop"; readonly table: TableName; readonly chain: string; readonly target: string }
  /**
   * A target used outside its table or hooks (EINVAL); the kernel logs
   * `x_tables: ip_tables: DNAT target: used from hooks POSTROUTING, but only usable from PREROUTING/OUTPUT`;
   * reason "protocol": REJECT --reject-with tcp-reset without -p tcp.
   */
  | { readonly kind: "target-not-allowed"; readonly table: TableName; readonly chain: string; readonly target: string; readonly reason: "table" | "hook" | "protocol"; readonly usedFrom: readonly Hook[]; readonly allowed: readonly Hook[]; readonly allowedTable?: TableName }
  /** -i in OUTPUT/POSTROUTING or -o in PREROUTING/INPUT ("Can't use -i with OUTPUT"). */
  | { readonly kind: "interface-not-allowed"; readonly table: TableName; readonly chain: string; readonly option: "-i" | "-o" };
