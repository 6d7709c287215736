import { afterEach, describe, expect, it } from "vitest";
import { BRIDGE_LAB } from "../sim/shell/exec/lab-session.fixtures";
import type { RemoteSimApi } from "./api";
import { ChannelWorker } from "./channel-worker.test-support";
import { SimClient } from "./client";
import { createInProcessApi } from "./local-api";

const PING = "ping -c 1 -W 1 192.168.1.20";

const clients: SimClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

function throughWorker(): RemoteSimApi {
  const client = new SimClient(() => new ChannelWorker() as unknown as Worker);
  clients.push(client);
  return client.api;
}

describe.each([
  ["in process", createInProcessApi],
  ["through the worker client", throughWorker],
])("lab API %s", (_, make) => {
  it("opens the bridge lab, runs a ping in ns1 and reads its events and states back", async () => {
    const api = make();
    const opened = await api.labOpen(BRIDGE_LAB, { seed: 4 });
    expect(opened.labId).toMatch(/^lab-\d+$/);
    expect(opened.hosts).toEqual(["root", "ns1", "ns2"]);
    expect(opened.steps).toHaveLength(16);
    expect(opened.state.topology.nodes.map((n) => n.id)).toEqual(["ns:root", "ns:ns1", "ns:ns2", "br:root/br0"]);

    const ran = await api.labRun(opened.labId, "ns1", PING);
    if ("incomplete" in ran) throw new Error("incomplete");
    expect(ran.step).toMatchObject({ host: "ns1", status: "done", exit: 0 });
    const batch = await api.labEvents(opened.labId, ran.events.from, 500);
    expect(batch.events).toHaveLength(ran.events.to - ran.events.from);
    const request = batch.events.find((e) => e.text.startsWith("ns1 asks who has 192.168.1.20"))!;
    expect(request.bytes).toBeInstanceOf(Uint8Array);
    const decoded = await api.decodeFrame(request.bytes!);
    expect(decoded.layers.map((l) => l.protocol)).toEqual(["ethernet", "arp"]);

    const state = await api.labStateAt(opened.labId, request.index);
    expect(state.hosts.find((h) => h.host === "ns1")!.neighbours[0]!.state).toBe("INCOMPLETE");
    expect((await api.labStateAfterStep(opened.labId, ran.step.index)).hosts.find((h) => h.host === "ns1")!.neighbours[0]!.state).toBe("REACHABLE");
    expect((await api.labComplete(opened.labId, "ns1", "ip link set v")).candidates).toEqual(["veth1"]);
    expect(await api.labHosts(opened.labId)).toEqual(["root", "ns1", "ns2"]);
    expect((await api.labSteps(opened.labId)).length).toBe(17);
    expect((await api.labState(opened.labId)).eventCount).toBe(batch.total);
  });

  it("diffs a frame before and after the bridge: nothing changes on a switch", async () => {
    const api = make();
    const { labId } = await api.labOpen(BRIDGE_LAB, {});
    await api.labRun(labId, "ns1", PING);
    const { events } = await api.labEvents(labId, 0);
    const echo = events.filter((e) => e.text.includes("ICMP echo request") && e.bytes);
    expect(await api.diffFrames(echo[0]!.bytes!, echo[echo.length - 1]!.bytes!)).toEqual([]);
  });

  it("reopens a lab from its permalink with the same events, and forgets a closed lab", async () => {
    const api = make();
    const { labId } = await api.labOpen(BRIDGE_LAB, { seed: 9, name: "seed.lab" });
    await api.labRun(labId, "ns1", "ping 192.168.1.20", { budgetMs: 1500 });
    await api.labInterrupt(labId, "ns1");
    const permalink = await api.labPermalink(labId);
    expect(permalink).toMatchObject({ version: 1, name: "seed.lab", seed: 9 });
    const copy = await api.labOpenPermalink(permalink);
    expect(copy.labId).not.toBe(labId);
    expect((await api.labEvents(copy.labId, 0)).events).toEqual((await api.labEvents(labId, 0)).events);
    expect(await api.labClose(labId)).toBe(true);
    expect(await api.labClose(labId)).toBe(false);
    await expect(api.labSteps(labId)).rejects.toThrow(/no open lab/);
    // Ctrl-C: ping catches SIGINT, prints its statistics and exits 0 (it had replies); the copy says the same.
    const last = (await api.labSteps(copy.labId)).at(-1)!;
    expect(last).toMatchObject({ status: "interrupted", exit: 0 });
    expect(last.stdout).toMatch(/2 packets transmitted, 2 received, 0% packet loss/);
  });
});
