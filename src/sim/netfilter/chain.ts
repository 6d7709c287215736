/**
 * A chain: built-in (bound to a hook, with a policy) or user-defined, and
 * its rules in order. Each stored rule keeps its counters and the private
 * state of its matches (a limit's token bucket, a statistic's packet
 * counter), which a replaced rule starts afresh, as a new kernel match
 * instance does.
 *
 * iptables-nft detail (KERNEL-PARITY-NOTES; measured on 1.8.9): a built-in
 * chain's policy counters stay 0 until `-P` has been used on it — the nft
 * base chain iptables creates lazily has no counter on its policy; `-P`
 * recreates it with one.
 */
import type { Hook } from "./hooks";
import type { Counters, RuleSpec } from "./rule";

export type Policy = "ACCEPT" | "DROP";

export interface StoredRule {
  readonly spec: RuleSpec;
  packets: number;
  bytes: number;
  /** One slot per match in spec.matches, for matches with state. */
  readonly matchState: unknown[];
}

export class Chain {
  readonly rules: StoredRule[] = [];
  policy: Policy = "ACCEPT";
  /** True once `-P` was used: only then does the policy count. */
  policyCounted = false;
  policyPackets = 0;
  policyBytes = 0;

  constructor(
    public name: string,
    /** The hook of a built-in chain; null for a user-defined one. */
    readonly hook: Hook | null,
  ) {}

  get builtin(): boolean {
    return this.hook !== null;
  }

  policyCounters(): Counters {
    return { packets: this.policyPackets, bytes: this.policyBytes };
  }

  zero(): void {
    this.policyPackets = 0;
    this.policyBytes = 0;
    for (const rule of this.rules) {
      rule.packets = 0;
      rule.bytes = 0;
    }
  }
}

export function storedRule(spec: RuleSpec, counters?: Counters): StoredRule {
  return { spec, packets: counters?.packets ?? 0, bytes: counters?.bytes ?? 0, matchState: spec.matches.map(() => undefined) };
}
