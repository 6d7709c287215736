/**
 * Lays out the "join" columns of the split table, the way visual subnet
 * calculators draw them: one column per tree depth, deepest next to the
 * leaves, root at the far right; each divided block is one cell spanning the
 * rows of the leaves it covers.
 */
import type { SplitNode, SplitPlan } from "../../../sim/addr/explorer-types";

/** What one row shows in one join column. */
export type JoinCell =
  | { kind: "node"; node: SplitNode; rowSpan: number }
  /** The row is inside a node cell that started on an earlier row. */
  | { kind: "covered" }
  /** No divided block at this depth covers the row (its leaf is shallower). */
  | { kind: "empty" };

export interface JoinColumn {
  depth: number;
  /** One entry per leaf row. */
  cells: JoinCell[];
}

export function joinColumns(plan: SplitPlan): JoinColumn[] {
  const depths = [...new Set(plan.nodes.map((node) => node.depth))].sort((a, b) => b - a);
  return depths.map((depth) => ({ depth, cells: cellsAtDepth(plan, depth) }));
}

function cellsAtDepth(plan: SplitPlan, depth: number): JoinCell[] {
  const cells: JoinCell[] = plan.leaves.map(() => ({ kind: "empty" }));
  for (const node of plan.nodes) {
    if (node.depth !== depth) continue;
    cells[node.firstLeaf] = { kind: "node", node, rowSpan: node.lastLeaf - node.firstLeaf + 1 };
    for (let row = node.firstLeaf + 1; row <= node.lastLeaf; row++) cells[row] = { kind: "covered" };
  }
  return cells;
}
