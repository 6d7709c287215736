import { describe, expect, it } from "vitest";
import { createInProcessApi } from "../../../worker/local-api";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { layoutTopology } from "./topology-layout";

async function topologies() {
  const api = createInProcessApi();
  const { labId, state } = await api.labOpen(BRIDGE_LAB, {});
  await api.labRun(labId, "root", "ip netns add ns3");
  await api.labRun(labId, "root", "ip link add veth3 netns ns3 type veth peer name veth3-br");
  await api.labRun(labId, "root", "ip link set veth3-br master br0");
  return { before: state.topology, after: (await api.labState(labId)).topology };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe("layoutTopology", () => {
  it("lays out the same topology the same way every time, with nodes apart", async () => {
    const { before } = await topologies();
    const first = layoutTopology(before);
    expect(layoutTopology(before)).toEqual(first);
    const points = [...first.values()];
    for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) expect(distance(points[i]!, points[j]!)).toBeGreaterThan(60);
  });

  it("keeps known nodes where they were and puts a new namespace near the switch it is cabled to", async () => {
    const { before, after } = await topologies();
    const first = layoutTopology(before);
    const second = layoutTopology(after, first);
    for (const [id, point] of first) expect(second.get(id)).toEqual(point);
    const ns3 = second.get("ns:ns3")!;
    const toSwitch = distance(ns3, first.get("br:root/br0")!);
    expect(toSwitch).toBeLessThan(200);
    // Nearer its switch than the hosts on the other ports.
    expect(toSwitch).toBeLessThan(distance(ns3, first.get("ns:ns1")!));
    expect(toSwitch).toBeLessThan(distance(ns3, first.get("ns:ns2")!));
  });
});
