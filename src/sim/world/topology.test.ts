import { describe, expect, it } from "vitest";
import { unwrap } from "../core";
import { World } from "./world";
import { addNamespaces, cidr, ns, wire } from "./test-helpers";
import { locateDevice, topologyOf, type Topology } from "./topology";

/** The seed article's lab: ns1 and ns2 plugged into br0 in the root namespace. */
function bridged(): World {
  const world = new World({ seed: 3 });
  addNamespaces(world, "ns1", "ns2");
  const root = world.root;
  unwrap(root.linkAdd({ kind: "bridge", name: "br0" }));
  for (const [name, port, dev, addr] of [["ns1", "veth1-br", "veth1", "192.168.1.10/24"], ["ns2", "veth2-br", "veth2", "192.168.1.20/24"]] as const) {
    unwrap(root.linkAdd({ kind: "veth", name: dev, peer: { name: port } }));
    unwrap(root.linkSet(dev, { netns: ns(world, name) }));
    unwrap(root.linkSet(port, { master: "br0", up: true }));
    unwrap(ns(world, name).addrAdd(dev, { cidr: cidr(addr) }));
    unwrap(ns(world, name).linkSet(dev, { up: true }));
  }
  unwrap(root.linkSet("br0", { up: true }));
  return world;
}

const node = (t: Topology, id: string) => t.nodes.find((n) => n.id === id)!;

describe("topologyOf", () => {
  it("starts with the machine alone, holding only lo", () => {
    const t = topologyOf(new World({ seed: 1 }));
    expect(t.nodes.map((n) => [n.id, n.role])).toEqual([["ns:root", "machine"]]);
    expect(t.nodes[0]!.interfaces.map((i) => [i.id, i.state, i.addresses])).toEqual([["if:root/lo", "UNKNOWN", ["127.0.0.1/8"]]]);
    expect(t.links).toEqual([]);
  });

  it("draws namespaces and the bridge as a switch holding its ports, cabled by the veth pairs", () => {
    const t = topologyOf(bridged());
    expect(t.nodes.map((n) => `${n.id} ${n.role}`)).toEqual(["ns:root machine", "ns:ns1 host", "ns:ns2 host", "br:root/br0 switch"]);
    expect(node(t, "br:root/br0").interfaces.map((i) => i.name)).toEqual(["veth1-br", "veth2-br"]);
    // The ports are not drawn on the root namespace: only lo and the bridge's own device are.
    expect(node(t, "ns:root").interfaces.map((i) => i.name)).toEqual(["lo", "br0"]);
    const veth1 = node(t, "ns:ns1").interfaces.find((i) => i.name === "veth1")!;
    expect(veth1).toMatchObject({ id: "if:ns1/veth1", addresses: ["192.168.1.10/24"], state: "UP", peer: "if:root/veth1-br", node: "ns:ns1" });
    expect(node(t, "br:root/br0").interfaces[0]).toMatchObject({ master: "br:root/br0", host: "root", peer: "if:ns1/veth1" });
    expect(t.links.map((l) => [l.id, l.a.node, l.b.node, l.up])).toEqual([
      ["host:br:root/br0", "ns:root", "br:root/br0", true],
      ["veth:if:ns1/veth1~if:root/veth1-br", "ns:ns1", "br:root/br0", true],
      ["veth:if:ns2/veth2~if:root/veth2-br", "ns:ns2", "br:root/br0", true],
    ]);
  });

  it("calls a namespace a router once it forwards, and marks a link down when one end is", () => {
    const world = new World({ seed: 1 });
    addNamespaces(world, "a", "r");
    wire(world, "a", "eth0", "r", "eth0", "10.0.0.1/24", "10.0.0.254/24");
    unwrap(ns(world, "r").sysctl.set("net.ipv4.ip_forward", "1"));
    unwrap(ns(world, "a").linkSet("eth0", { up: false }));
    const t = topologyOf(world);
    expect(node(t, "ns:r")).toMatchObject({ role: "router", forwarding: true });
    expect(node(t, "ns:a")).toMatchObject({ role: "host", forwarding: false });
    expect(t.links).toHaveLength(1);
    expect(t.links[0]!.up).toBe(false);
  });

  it("is plain data, the same for the same world", () => {
    const a = topologyOf(bridged());
    const b = topologyOf(bridged());
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a).toEqual(b);
  });

  it("locates a device: the link a frame on it crosses and the node at the other end", () => {
    const world = bridged();
    expect(locateDevice(world, "ns1", "veth1")).toEqual({
      interface: "if:ns1/veth1", node: "ns:ns1", link: { id: "veth:if:ns1/veth1~if:root/veth1-br", otherNode: "br:root/br0" },
    });
    expect(locateDevice(world, "", "veth2-br")).toEqual({
      interface: "if:root/veth2-br", node: "br:root/br0", link: { id: "veth:if:ns2/veth2~if:root/veth2-br", otherNode: "ns:ns2" },
    });
    expect(locateDevice(world, "", "br0")).toEqual({ interface: "if:root/br0", node: "ns:root", link: { id: "host:br:root/br0", otherNode: "br:root/br0" } });
    expect(locateDevice(world, "ns1", "lo")).toEqual({ interface: "if:ns1/lo", node: "ns:ns1" });
    expect(locateDevice(world, "ns1", "nope")).toBeUndefined();
  });
});
