/**
 * What the diagram lights for one packet's pass (sim's NetfilterPass): the
 * places it went through in order, the arrows between them, each table's
 * decision, and which decision to single out as "the rule that decided it".
 * Pure functions of the pass, so the drawing holds no networking logic.
 */
import type {
  NetfilterChainState,
  NetfilterPass,
  NetfilterPassRewrite,
  NetfilterPassTraversal,
  NetfilterRuleState,
  NetfilterSnapshot,
} from "../../../sim/shell/exec/lab-netfilter-state-types";
import { edgeId, type NodeName } from "./diagram-layout";

/** The places the packet went through, in order, as far as it got. */
export function litNodes(pass: NetfilterPass): NodeName[] {
  const reached = new Set(pass.hooks);
  if (pass.origin === "local") {
    const nodes: NodeName[] = ["local"];
    if (reached.has("OUTPUT")) nodes.push("OUTPUT");
    // The classic diagram draws the output routing decision between OUTPUT and POSTROUTING.
    if (reached.has("POSTROUTING")) nodes.push("route-out", "POSTROUTING");
    if (pass.outcome.kind === "sent") nodes.push("out");
    return nodes;
  }
  const nodes: NodeName[] = ["in"];
  if (reached.has("PREROUTING")) nodes.push("PREROUTING");
  if (pass.route !== null) nodes.push("route-in");
  if (reached.has("INPUT")) nodes.push("INPUT");
  if (pass.outcome.kind === "delivered") nodes.push("local");
  if (reached.has("FORWARD")) nodes.push("FORWARD");
  if (reached.has("POSTROUTING")) nodes.push("POSTROUTING");
  if (pass.outcome.kind === "sent") nodes.push("out");
  return nodes;
}

/** The arrows between consecutive places. */
export function litEdges(pass: NetfilterPass): Set<string> {
  const nodes = litNodes(pass);
  return new Set(nodes.slice(1).map((node, index) => edgeId(nodes[index]!, node)));
}

/** What happened to the packet in one table at one hook. */
export interface ChipMark {
  readonly traversal?: NetfilterPassTraversal;
  /** NAT changed the packet here (a reply of a NATed connection is rewritten without the nat chain being asked). */
  readonly rewrite?: NetfilterPassRewrite;
  /** The packet was dropped here. */
  readonly dropped: boolean;
}

export function chipKey(hook: string, table: string): string {
  return `${hook}/${table}`;
}

export function chipMarks(pass: NetfilterPass): Map<string, ChipMark> {
  const marks = new Map<string, ChipMark>();
  const mark = (hook: string, table: string, change: Partial<ChipMark>) => {
    const key = chipKey(hook, table);
    marks.set(key, { dropped: false, ...marks.get(key), ...change });
  };
  for (const traversal of pass.traversals) mark(traversal.hook, traversal.table, { traversal, dropped: traversal.verdict === "DROP" });
  for (const rewrite of pass.rewrites) mark(rewrite.hook, "nat", { rewrite });
  return marks;
}

/**
 * The decision to single out: the one that dropped the packet; else the
 * last filter table it passed (the firewall's word); else the last rule that
 * matched (a NAT rule); else the last table.
 */
export function decidingTraversal(pass: NetfilterPass): NetfilterPassTraversal | null {
  const all = pass.traversals;
  return (
    all.find((t) => t.verdict !== "ACCEPT") ??
    all.findLast((t) => t.table === "filter") ??
    all.findLast((t) => t.rule !== null) ??
    all.at(-1) ??
    null
  );
}

export function findChain(snapshot: NetfilterSnapshot, table: string, chain: string): NetfilterChainState | undefined {
  return snapshot.tables.find((t) => t.name === table)?.chains.find((c) => c.name === chain);
}

/** The deciding rule as the snapshot has it (null for a policy, or a rule since deleted). */
export function decidingRule(snapshot: NetfilterSnapshot, traversal: NetfilterPassTraversal): NetfilterRuleState | null {
  if (traversal.rule === null) return null;
  return findChain(snapshot, traversal.table, traversal.chain)?.rules[traversal.rule - 1] ?? null;
}

/** Packets a chain's rules and policy counted, for the chip's badge. */
export function chainPackets(chain: NetfilterChainState): number {
  return chain.rules.reduce((sum, rule) => sum + rule.packets, chain.policyPackets);
}
