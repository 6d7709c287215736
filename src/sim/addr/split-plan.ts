/**
 * A block divided by repeated halving, as visual subnet calculators show it:
 * the leaves are the subnets in address order; every split block is a node
 * spanning the leaves it would merge back into, so a UI can draw "join"
 * cells beside them.
 */
import type { Checked, ExplorerOptions, SplitLeaf, SplitNode, SplitPlan } from "./explorer-types";
import { parseAddressInput } from "./address-input";
import { type BlockOps, withBlock } from "./block-ops";
import { AWS_SUBNET_PREFIXES, AWS_VPC_PREFIXES } from "./cloud-reservations";
import { type Failed, fail, ok, quote } from "./problem";

/**
 * `split` lists the blocks that are divided into halves. An entry whose
 * parent is neither the root nor itself split is ignored, as is one outside
 * the root, of the other family, or too small to split in this mode — so a
 * stale URL still opens. Text that is not an address block at all is
 * rejected.
 */
export function planSplits(root: string, split: readonly string[], options: ExplorerOptions): Checked<SplitPlan> {
  const parsed = parseAddressInput(root);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return withBlock(input, (ops, block) => {
    const rootBlock = ops.canonical(block);
    if (options.cloud) {
      const { shortest, longest } = AWS_VPC_PREFIXES[ops.family];
      if (rootBlock.prefix < shortest || rootBlock.prefix > longest) {
        return fail(
          `An AWS VPC block is /${shortest} to /${longest}; ${ops.format(rootBlock)} is a /${rootBlock.prefix}.`,
          input.prefixAt,
          "Turn off cloud mode to plan any block.",
        );
      }
    }
    const wanted = splitSet(ops, split);
    if (!(wanted instanceof Set)) return wanted;
    const limit = options.cloud ? AWS_SUBNET_PREFIXES[ops.family].longest : ops.bits;
    return ok(buildPlan(ops, rootBlock, wanted, limit, options.cloud));
  });
}

/** Canonical text of every entry of this family; a problem for an entry that is not an address. */
function splitSet<C extends { prefix: number }>(ops: BlockOps<C>, split: readonly string[]): Set<string> | Failed {
  const wanted = new Set<string>();
  for (const [index, entry] of split.entries()) {
    if (typeof entry !== "string") return fail(`Split entry ${index + 1} is not text.`);
    const parsed = parseAddressInput(entry);
    if (!parsed.ok) {
      return fail(`Split entry ${index + 1} (${quote(entry)}) is not an address block: ${parsed.problem.message}`, undefined, parsed.problem.hint);
    }
    const block = ops.fromInput(parsed.value);
    if (block) wanted.add(ops.format(ops.canonical(block)));
  }
  return wanted;
}

function buildPlan<C extends { prefix: number }>(
  ops: BlockOps<C>,
  root: C,
  wanted: ReadonlySet<string>,
  limit: number,
  cloud: boolean,
): SplitPlan {
  const leaves: SplitLeaf[] = [];
  const nodes: SplitNode[] = [];
  // Depth-first, low half first: leaves come out in address order, nodes parent-first.
  const walk = (block: C, depth: number): void => {
    const cidr = ops.format(block);
    const halves = wanted.has(cidr) && block.prefix < limit ? ops.halves(block) : null;
    if (!halves) {
      leaves.push({ cidr, depth, facts: ops.facts(block, cloud), canSplit: block.prefix < limit });
      return;
    }
    const node: SplitNode = { cidr, depth, firstLeaf: leaves.length, lastLeaf: leaves.length };
    nodes.push(node);
    walk(halves[0], depth + 1);
    walk(halves[1], depth + 1);
    node.lastLeaf = leaves.length - 1;
  };
  walk(root, 0);
  const deepest = Math.max(...leaves.map((leaf) => leaf.facts.prefix));
  return { root: ops.format(root), leaves, nodes, maxPrefix: Math.max(0, limit - deepest) };
}
