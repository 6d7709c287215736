import { describe, expect, it } from "vitest";
import { seconds, toHex, unwrap } from "../core";
import { World } from "./world";
import { Timeline } from "./timeline";
import { addNamespaces, ns, ping, wire } from "./test-helpers";
import type { VethDevice } from "../link";

describe("namespaces and veth ends", () => {
  it("deleting a namespace destroys its veth end and the peer in another namespace", () => {
    const world = new World();
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1");
    unwrap(world.netnsDel("b"));
    expect(world.netnsList()).toEqual(["a"]);
    expect(ns(world, "a").devices.map((d) => d.name)).toEqual(["lo"]);
  });

  it("a moved veth end goes down, loses its addresses and keeps its ifindex when free (measured)", () => {
    const world = new World();
    addNamespaces(world, "a", "b");
    const a = ns(world, "a");
    unwrap(a.linkAdd({ kind: "veth", name: "v0", peer: { name: "v1" } }));
    expect(a.devices.map((d) => [d.ifindex, d.name])).toEqual([[1, "lo"], [2, "v1"], [3, "v0"]]);
    unwrap(a.addrAdd("v0", { cidr: { address: 0x0a000001 as never, prefix: 24 } }));
    unwrap(a.linkSet("v0", { up: true }));
    unwrap(a.linkSet("v1", { up: true }));
    unwrap(a.linkSet("v0", { netns: ns(world, "b") }));
    const moved = ns(world, "b").device("v0") as VethDevice;
    expect([moved.ifindex, moved.adminUp, moved.flags()]).toEqual([3, false, ["BROADCAST", "MULTICAST"]]);
    expect(ns(world, "b").addrs.filter((x) => x.dev === moved)).toEqual([]);
    const v1 = a.device("v1")!;
    expect([v1.operState(), v1.flags()]).toEqual(["LOWERLAYERDOWN", ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]]);
    expect(moved.peer?.owner).toBe(a);
  });

  it("veth ends have distinct locally administered MACs that do not depend on other namespaces", () => {
    const one = new World({ seed: 11 });
    addNamespaces(one, "a");
    unwrap(ns(one, "a").linkAdd({ kind: "veth", name: "x", peer: { name: "y" } }));
    const two = new World({ seed: 11 });
    addNamespaces(two, "zzz", "a");
    unwrap(ns(two, "zzz").linkAdd({ kind: "bridge", name: "br0" }));
    unwrap(ns(two, "a").linkAdd({ kind: "veth", name: "x", peer: { name: "y" } }));
    const macs = (w: World) => ["x", "y"].map((n) => ns(w, "a").device(n)!.mac);
    expect(macs(one)).toEqual(macs(two));
    expect(macs(one)[0]).not.toBe(macs(one)[1]);
    expect(parseInt(macs(one)[0]!.slice(0, 2), 16) & 0x03).toBe(0x02);
  });
});

describe("determinism and time travel", () => {
  function scenario(world: World): void {
    addNamespaces(world, "a", "b");
    wire(world, "a", "a1", "b", "b1", "10.0.0.1/24", "10.0.0.2/24");
    ping(world, "a", "10.0.0.2", { count: 3 });
    world.runFor(seconds(40));
  }

  const fingerprint = (world: World) =>
    world.trace.since(0).events.map((e) => JSON.stringify({ ...e, bytes: "bytes" in e && e.bytes ? toHex(e.bytes) : undefined }));

  it("the same scenario twice gives byte-identical traces", () => {
    const first = new World({ seed: 42 });
    const second = new World({ seed: 42 });
    scenario(first);
    scenario(second);
    expect(fingerprint(first)).toEqual(fingerprint(second));
    expect(fingerprint(first).length).toBeGreaterThan(10);
  });

  it("a different seed changes the MACs in the trace", () => {
    const first = new World({ seed: 1 });
    const second = new World({ seed: 2 });
    scenario(first);
    scenario(second);
    expect(fingerprint(first)).not.toEqual(fingerprint(second));
  });

  it("a timeline steps back by replaying from the seed", () => {
    const timeline = new Timeline({ seed: 9 });
    timeline.push((w) => addNamespaces(w, "a", "b"));
    timeline.push((w) => wire(w, "a", "a1", "b", "b1", "10.0.0.1/24", "10.0.0.2/24"));
    timeline.push((w) => void ping(w, "a", "10.0.0.2"));
    const atEnd = fingerprint(timeline.at(3));
    const back = timeline.at(1);
    expect(back.namespace("a")?.device("a1")).toBeUndefined();
    expect(fingerprint(timeline.at(3))).toEqual(atEnd);
  });
});
