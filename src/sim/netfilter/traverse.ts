/**
 * Walking one table's chains for one packet (ipt_do_table in
 * net/ipv4/netfilter/ip_tables.c): rules in order; a matching rule's
 * counters grow (packets, and bytes by the IP total length) before its
 * target runs; -j CHAIN pushes a return point, -g CHAIN does not (a RETURN
 * there goes back past the chain that did the goto); the end of a user
 * chain or RETURN pops; the end of the built-in chain, or RETURN in it,
 * applies the policy. Targets that do not decide (LOG, no target) go on
 * to the next rule.
 */
import type { NetfilterRuleHit } from "../core";
import type { Chain } from "./chain";
import { ruleMatches, type MatchContext } from "./match";
import type { Table } from "./ruleset";
import type { Target } from "./rule";

export type TargetOutcome = "continue" | "ACCEPT" | "DROP" | "STOLEN";

/** Runs the extension targets (LOG, REJECT, NAT); the walk handles the built-in verdicts and jumps. */
export type TargetRunner = (target: Target, where: { readonly chain: string; readonly rule: number }) => TargetOutcome;

export interface TableVerdict {
  readonly verdict: "ACCEPT" | "DROP" | "STOLEN";
  /** Where it was decided: a rule, or (rule null) the base chain's policy. */
  readonly chain: string;
  readonly rule: number | null;
  readonly hits: readonly NetfilterRuleHit[];
}

export function traverseTable(table: Table, base: Chain, ctx: MatchContext, length: number, run: TargetRunner): TableVerdict {
  const stack: { chain: Chain; next: number }[] = [];
  const hits: NetfilterRuleHit[] = [];
  let chain = base;
  let i = 0;
  const policy = (): TableVerdict => {
    if (base.policyCounted) {
      base.policyPackets++;
      base.policyBytes += length;
    }
    return { verdict: base.policy, chain: base.name, rule: null, hits };
  };
  for (;;) {
    const rule = chain.rules[i];
    if (!rule) {
      const back = stack.pop();
      if (!back) return policy();
      chain = back.chain;
      i = back.next;
      continue;
    }
    if (!ruleMatches(rule.spec, rule.matchState, ctx)) {
      i++;
      continue;
    }
    rule.packets++;
    rule.bytes += length;
    const target = rule.spec.target;
    const number = i + 1;
    hits.push({ chain: chain.name, rule: number, target: hitLabel(target) });
    switch (target.kind) {
      case "ACCEPT":
      case "DROP":
        return { verdict: target.kind, chain: chain.name, rule: number, hits };
      case "RETURN": {
        const back = stack.pop();
        if (!back) return policy();
        chain = back.chain;
        i = back.next;
        continue;
      }
      case "jump":
      case "goto": {
        const next = table.chains.get(target.chain);
        if (!next) {
          i++;
          continue;
        }
        if (target.kind === "jump") stack.push({ chain, next: i + 1 });
        chain = next;
        i = 0;
        continue;
      }
      case "none":
        i++;
        continue;
      default: {
        const outcome = run(target, { chain: chain.name, rule: number });
        if (outcome === "continue") {
          i++;
          continue;
        }
        return { verdict: outcome, chain: chain.name, rule: number, hits };
      }
    }
  }
}

function hitLabel(target: Target): string {
  if (target.kind === "jump") return `jump:${target.chain}`;
  if (target.kind === "goto") return `goto:${target.chain}`;
  return target.kind;
}
