/**
 * Editing the split table's tree. The list of divided blocks is rebuilt from
 * the plan the simulator returned (its `nodes` are exactly the blocks that
 * are divided, in canonical form), so no address arithmetic happens here.
 */
import type { SplitLeaf, SplitNode, SplitPlan } from "../../../sim/addr/explorer-types";

/** The most rows the table shows; more would be unreadable and slow to scroll. */
export const MAX_ROWS = 256;

/**
 * The divided blocks that belong to `root`. A tree is only meaningful if its
 * root is divided, so a list left over from another address (the reader
 * typed a new one) counts as empty — and comes back if they type the old one.
 */
export function splitsUnder(root: string, split: readonly string[]): readonly string[] {
  return split.includes(root) ? split : [];
}

/** The divided blocks after halving one more leaf. */
export function splitAfterDividing(plan: SplitPlan, leaf: SplitLeaf): string[] {
  return [...plan.nodes.map((node) => node.cidr), leaf.cidr];
}

/** The divided blocks after merging everything under `joined` back into one block. */
export function splitAfterJoining(plan: SplitPlan, joined: SplitNode): string[] {
  return plan.nodes.filter((node) => !isWithin(node, joined)).map((node) => node.cidr);
}

function isWithin(node: SplitNode, outer: SplitNode): boolean {
  return node.firstLeaf >= outer.firstLeaf && node.lastLeaf <= outer.lastLeaf;
}

/** The leaves a node covers, in address order. */
export function leavesOf(plan: SplitPlan, node: SplitNode): SplitLeaf[] {
  return plan.leaves.slice(node.firstLeaf, node.lastLeaf + 1);
}

/** Why a leaf's Split button does nothing, or null when it may be split. */
export function splitBlocker(plan: SplitPlan, leaf: SplitLeaf, cloud: boolean): string | null {
  if (plan.leaves.length >= MAX_ROWS) {
    return `The table stops at ${MAX_ROWS} rows; join some subnets first.`;
  }
  if (leaf.canSplit) return null;
  if (leaf.facts.totalAddresses === "1") return "A single address cannot be split.";
  if (cloud && leaf.facts.family === 6) return "AWS IPv6 subnets are always /64.";
  if (cloud) return "AWS subnets cannot be smaller than /28 (16 addresses).";
  return "This subnet cannot be split further.";
}
