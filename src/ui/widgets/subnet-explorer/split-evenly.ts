/**
 * "Use these subnets": divides a block into 2^bits equal subnets by asking
 * the simulator to halve every leaf, one level at a time — the UI never
 * computes an address itself.
 */
import type { Checked, ExplorerOptions } from "../../../sim/addr/explorer-types";
import type { RemoteSimApi } from "../../../worker/api";

/** The divided blocks that turn `root` into 2^levels equal subnets. */
export async function splitEvenly(
  api: Pick<RemoteSimApi, "planSplits">,
  root: string,
  levels: number,
  options: ExplorerOptions,
): Promise<Checked<string[]>> {
  let split: string[] = [];
  for (let level = 0; level < levels; level++) {
    const plan = await api.planSplits(root, split, options);
    if (!plan.ok) return plan;
    const blocked = plan.value.leaves.find((leaf) => !leaf.canSplit);
    if (blocked) {
      return {
        ok: false,
        problem: {
          message: `${blocked.cidr} cannot be divided further${options.cloud ? " in cloud mode" : ""}.`,
          hint: options.cloud ? "AWS subnets stop at /28; ask for fewer subnets or turn cloud mode off." : "Ask for fewer subnets.",
        },
      };
    }
    split = [...split, ...plan.value.leaves.map((leaf) => leaf.cidr)];
  }
  return { ok: true, value: split };
}
