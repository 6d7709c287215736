import { describe, expect, it } from "vitest";
import { formatIpv4 } from "../addr";
import { unwrap } from "../core";
import { EtherType, IcmpType, parseEthernet, parseIcmp, parseIpv4 } from "../wire";
import type { BridgeDevice } from "../link";
import { World } from "./world";
import { addNamespaces, cidr, ns, ping } from "./test-helpers";

/** Two namespaces whose veths plug into br0 in the root namespace, as `ip link set vethX master br0` does. */
function bridged(seed = 7): World {
  const world = new World({ seed });
  addNamespaces(world, "ns1", "ns2");
  const root = world.root;
  unwrap(root.linkAdd({ kind: "bridge", name: "br0" }));
  unwrap(root.linkSet("br0", { up: true }));
  for (const [n, host, addr] of [["ns1", "v1", "10.0.0.1/24"], ["ns2", "v2", "10.0.0.2/24"]] as const) {
    unwrap(root.linkAdd({ kind: "veth", name: host, peer: { name: "eth0", netns: ns(world, n) } }));
    unwrap(root.linkSet(host, { master: "br0", up: true }));
    unwrap(ns(world, n).addrAdd("eth0", { cidr: cidr(addr) }));
    unwrap(ns(world, n).linkSet("eth0", { up: true }));
  }
  return world;
}

describe("two namespaces on a bridge", () => {
  it("ping each other: one ARP exchange, correct echo bytes, neighbours and FDB learned", () => {
    const world = bridged();
    const result = ping(world, "ns1", "10.0.0.2");
    expect(result.sendErrors).toEqual([]);
    const replies = result.events.filter((e) => e.kind === "echo-reply");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ sequence: 1, identifier: 0x1234, ttl: 64 });
    expect(formatIpv4(replies[0]!.from)).toBe("10.0.0.2");

    const sentOnNs1 = world.trace.since(0).events.filter((e) => e.kind === "frame-sent" && e.namespace === "ns1");
    const frames = sentOnNs1.map((e) => unwrap(parseEthernet((e as { bytes: Uint8Array }).bytes)));
    const arp = frames.filter((f) => f.ethertype === EtherType.ARP);
    expect(arp).toHaveLength(1);
    expect(arp[0]!.dst).toBe("ff:ff:ff:ff:ff:ff");
    const echo = frames.find((f) => f.ethertype === EtherType.IPV4)!;
    const packet = unwrap(parseIpv4(echo.payload));
    expect(formatIpv4(packet.src)).toBe("10.0.0.1");
    expect(packet.dontFragment).toBe(true);
    const icmp = unwrap(parseIcmp(packet.payload));
    expect(icmp).toMatchObject({ kind: "echo-request", identifier: 0x1234, sequence: 1 });
    expect(echo.dst).toBe(ns(world, "ns2").device("eth0")!.mac);

    // The echo reply bytes received in ns1: type 0, same id/seq/payload, from 10.0.0.2, no DF (icmp_reply).
    const reply = unwrap(parseIpv4(replies[0]!.bytes));
    expect(reply.dontFragment).toBe(false);
    const replyIcmp = unwrap(parseIcmp(reply.payload));
    expect(replyIcmp.kind).toBe("echo-reply");
    expect(replyIcmp.kind === "echo-reply" && replyIcmp.data).toEqual(icmp.kind === "echo-request" && icmp.data);
    expect(unwrap(parseIcmp(reply.payload)).kind === "echo-reply" && reply.payload[0]).toBe(IcmpType.ECHO_REPLY);

    // Requester confirmed by the reply; the responder only heard the request (STALE) and then used it (DELAY).
    const n1 = ns(world, "ns1").neigh.visible().map((e) => [formatIpv4(e.ip), e.state, e.mac]);
    expect(n1).toEqual([["10.0.0.2", "REACHABLE", ns(world, "ns2").device("eth0")!.mac]]);
    expect(ns(world, "ns2").neigh.visible().map((e) => e.state)).toEqual(["DELAY"]);

    const br = world.root.device("br0") as BridgeDevice;
    const learned = new Map(br.fdb.entries().map((e) => [e.mac, e.port.name]));
    expect(learned.get(ns(world, "ns1").device("eth0")!.mac)).toBe("v1");
    expect(learned.get(ns(world, "ns2").device("eth0")!.mac)).toBe("v2");
  });

  it("the responder's DELAY entry is probed by unicast after 5 s and becomes REACHABLE", () => {
    const world = bridged();
    ping(world, "ns1", "10.0.0.2", { wait: 7 });
    const ns2 = ns(world, "ns2");
    expect(ns2.neigh.visible().map((e) => e.state)).toEqual(["REACHABLE"]);
    const probes = world.trace.since(0).events.filter((e) => e.kind === "frame-sent" && e.namespace === "ns2" && e.device === "eth0")
      .map((e) => unwrap(parseEthernet((e as { bytes: Uint8Array }).bytes)))
      .filter((f) => f.ethertype === EtherType.ARP && f.payload[7] === 1);
    expect(probes).toHaveLength(1);
    expect(probes[0]!.dst).toBe(ns(world, "ns1").device("eth0")!.mac);
  });

  it("reaches the host through an address on the bridge", () => {
    const world = bridged();
    unwrap(world.root.addrAdd("br0", { cidr: cidr("10.0.0.254/24") }));
    const fromNs = ping(world, "ns1", "10.0.0.254");
    expect(fromNs.events.map((e) => e.kind)).toEqual(["echo-reply"]);
    const fromHost = ping(world, "", "10.0.0.2");
    expect(fromHost.events.map((e) => e.kind)).toEqual(["echo-reply"]);
  });

  it("a bridge with no port up shows NO-CARRIER and DOWN; one that never had a port is UNKNOWN", () => {
    const world = new World();
    unwrap(world.root.linkAdd({ kind: "bridge", name: "br0" }));
    unwrap(world.root.linkSet("br0", { up: true }));
    const br = world.root.device("br0")!;
    expect(br.operState()).toBe("UNKNOWN");
    expect(br.flags()).toEqual(["BROADCAST", "MULTICAST", "UP", "LOWER_UP"]);
    unwrap(world.root.linkAdd({ kind: "veth", name: "v0", peer: { name: "v1" } }));
    unwrap(world.root.linkSet("v1", { master: "br0" }));
    expect(br.operState()).toBe("DOWN");
    expect(br.flags()).toEqual(["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]);
    expect(br.mac).toBe(world.root.device("v1")!.mac);
  });
});
