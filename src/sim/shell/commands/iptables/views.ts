/**
 * Plain records of netfilter state that `iptables -L/-S` and
 * `iptables-save` print. The engine builds them; formatters never look
 * anywhere else.
 */
import type { TableName } from "../../../netfilter/hooks";
import type { Counters, RuleSpec } from "../../../netfilter/rule";

export interface RuleView {
  readonly spec: RuleSpec;
  readonly counters: Counters;
}

export interface ChainView {
  readonly name: string;
  readonly builtin: boolean;
  /** Built-in chains only. */
  readonly policy?: "ACCEPT" | "DROP";
  /**
   * Built-in chains only. With the nf_tables backend these stay 0 until
   * `-P` was used on the chain (KERNEL-PARITY-NOTES.md).
   */
  readonly policyCounters?: Counters;
  /** Rules in any chain of the table that jump or go to this one (user chains). */
  readonly references: number;
  readonly rules: readonly RuleView[];
}

/** A table's chains in listing order: built-ins in hook order, then user chains as iptables-nft lists them. */
export interface TableView {
  readonly name: TableName;
  readonly chains: readonly ChainView[];
}
