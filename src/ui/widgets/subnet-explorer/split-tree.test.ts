import { describe, expect, it } from "vitest";
import type { SplitPlan } from "../../../sim/addr/explorer-types";
import { createInProcessApi } from "../../../worker/local-api";
import { joinColumns } from "./join-columns";
import { splitAfterDividing, splitAfterJoining, splitBlocker, splitsUnder } from "./split-tree";
import { splitEvenly } from "./split-evenly";

const api = createInProcessApi();

async function plan(root: string, split: readonly string[], cloud = false): Promise<SplitPlan> {
  const answer = await api.planSplits(root, split, { cloud });
  if (!answer.ok) throw new Error(answer.problem.message);
  return answer.value;
}

describe("split tree editing", () => {
  it("dividing a leaf adds it to the divided blocks", async () => {
    const before = await plan("10.0.0.0/16", ["10.0.0.0/16"]);
    const leaf = before.leaves[1];
    if (!leaf) throw new Error("expected two leaves");
    const after = await plan("10.0.0.0/16", splitAfterDividing(before, leaf));
    expect(after.leaves.map((l) => l.cidr)).toEqual(["10.0.0.0/17", "10.0.128.0/18", "10.0.192.0/18"]);
  });

  it("joining a block removes it and everything divided inside it", async () => {
    const before = await plan("10.0.0.0/16", ["10.0.0.0/16", "10.0.0.0/17", "10.0.0.0/18", "10.0.128.0/17"]);
    const node = before.nodes.find((n) => n.cidr === "10.0.0.0/17");
    if (!node) throw new Error("expected 10.0.0.0/17 to be divided");
    const split = splitAfterJoining(before, node);
    expect(split).toEqual(["10.0.0.0/16", "10.0.128.0/17"]);
    const after = await plan("10.0.0.0/16", split);
    expect(after.leaves.map((l) => l.cidr)).toEqual(["10.0.0.0/17", "10.0.128.0/18", "10.0.192.0/18"]);
  });

  it("ignores a divided list that belongs to another root", () => {
    expect(splitsUnder("192.168.0.0/24", ["10.0.0.0/16", "10.0.0.0/17"])).toEqual([]);
    expect(splitsUnder("10.0.0.0/16", ["10.0.0.0/16", "10.0.0.0/17"])).toEqual(["10.0.0.0/16", "10.0.0.0/17"]);
  });

  it("explains why a leaf cannot be split", async () => {
    const host = await plan("10.0.0.1/32", []);
    expect(splitBlocker(host, host.leaves[0]!, false)).toMatch(/single address/);
    const cloud = await plan("10.0.0.0/28", [], true);
    expect(splitBlocker(cloud, cloud.leaves[0]!, true)).toMatch(/\/28/);
    const open = await plan("10.0.0.0/28", []);
    expect(splitBlocker(open, open.leaves[0]!, false)).toBeNull();
  });

  it("divides a block evenly into 2^n subnets through the simulator", async () => {
    const split = await splitEvenly(api, "10.0.0.0/24", 2, { cloud: false });
    if (!split.ok) throw new Error(split.problem.message);
    const even = await plan("10.0.0.0/24", split.value);
    expect(even.leaves.map((l) => l.cidr)).toEqual(["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26"]);
  });

  it("refuses an even division below AWS's /28 in cloud mode", async () => {
    const split = await splitEvenly(api, "10.0.0.0/26", 3, { cloud: true });
    expect(split.ok).toBe(false);
  });
});

describe("join columns", () => {
  it("puts the deepest level next to the leaves and spans each block over its rows", async () => {
    const layout = joinColumns(await plan("10.0.0.0/16", ["10.0.0.0/16", "10.0.128.0/17"]));
    expect(layout.map((column) => column.depth)).toEqual([1, 0]);
    const [deep, rootColumn] = layout;
    expect(deep?.cells.map((cell) => cell.kind)).toEqual(["empty", "node", "covered"]);
    expect(deep?.cells[1]).toMatchObject({ kind: "node", rowSpan: 2, node: { cidr: "10.0.128.0/17" } });
    expect(rootColumn?.cells.map((cell) => cell.kind)).toEqual(["node", "covered", "covered"]);
    expect(rootColumn?.cells[0]).toMatchObject({ rowSpan: 3, node: { cidr: "10.0.0.0/16" } });
  });

  it("has no join column when nothing is divided", async () => {
    expect(joinColumns(await plan("10.0.0.0/16", []))).toEqual([]);
  });
});
