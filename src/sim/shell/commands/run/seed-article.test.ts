/**
 * The seed article's namespace-and-bridge section (shared/seeds/004), command
 * by command on a fresh machine, with what Debian 12 prints (parity cases 001
 * and 003; MACs — random on both sides — are compared by shape, and IPv6
 * link-local addresses, which the model does not have, are left out).
 */
import { describe, expect, it } from "vitest";
import { World } from "../../../world";
import { runArgv } from "./replay-steps";

function machine() {
  const world = new World({ seed: 1 });
  const run = (line: string) => runArgv(line.split(" "), { world, netns: "" })!;
  return { world, run };
}

const MAC = "[0-9a-f]{2}(:[0-9a-f]{2}){5}";

const TWO_NAMESPACES = [
  "ip netns add ns1", "ip netns add ns2", "ip link add br0 type bridge",
  "ip link add veth1 type veth peer name veth1-br", "ip link add veth2 type veth peer name veth2-br",
  "ip link set veth1 netns ns1", "ip link set veth2 netns ns2",
  "ip link set veth1-br master br0", "ip link set veth2-br master br0",
  "ip netns exec ns1 ip addr add 192.168.1.10/24 dev veth1", "ip netns exec ns1 ip link set veth1 up",
  "ip netns exec ns2 ip addr add 192.168.1.20/24 dev veth2", "ip netns exec ns2 ip link set veth2 up",
  "ip link set veth1-br up", "ip link set veth2-br up", "ip link set br0 up",
];

describe("seed article: two namespaces on a bridge", () => {
  it("every setup command succeeds silently", () => {
    const { run } = machine();
    for (const line of TWO_NAMESPACES) expect(run(line), line).toEqual({ stdout: "", stderr: "", exit: 0 });
  });

  it("ip -o link: the bridge takes its lowest port MAC; ports show @ifN and link-netns", () => {
    const { run } = machine();
    TWO_NAMESPACES.forEach(run);
    const out = run("ip -o link").stdout;
    const lines = out.split("\n");
    expect(lines[0]).toBe("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
    expect(lines[1]).toMatch(new RegExp(`^2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\\\    link/ether ${MAC} brd ff:ff:ff:ff:ff:ff$`));
    expect(lines[2]).toMatch(new RegExp(`^3: veth1-br@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP .* link-netns ns1$`));
    expect(lines[3]).toMatch(new RegExp(`^5: veth2-br@if6: .* master br0 state UP .* link-netns ns2$`));
    const brMac = /link\/ether (\S+)/.exec(lines[1]!)![1];
    const portMacs = [lines[2], lines[3]].map((l) => /link\/ether (\S+)/.exec(l!)![1]!);
    expect(brMac).toBe([...portMacs].sort()[0]);
  });

  it("ip netns exec ns1 ip -br addr / ns2 ip route", () => {
    const { run } = machine();
    TWO_NAMESPACES.forEach(run);
    expect(run("ip netns exec ns1 ip -br addr").stdout).toBe("lo               DOWN           \nveth1@if3        UP             192.168.1.10/24 \n");
    expect(run("ip netns exec ns2 ip route").stdout).toBe("192.168.1.0/24 dev veth2 proto kernel scope link src 192.168.1.20 \n");
  });

  it("running the setup twice fails as iproute2 does", () => {
    const { run } = machine();
    TWO_NAMESPACES.forEach(run);
    expect(run("ip netns add ns1")).toEqual({ stdout: "", stderr: 'Cannot create namespace file "/run/netns/ns1": File exists\n', exit: 1 });
    expect(run("ip link add br0 type bridge")).toEqual({ stdout: "", stderr: "RTNETLINK answers: File exists\n", exit: 2 });
    expect(run("ip link set veth1 netns ns1")).toEqual({ stdout: "", stderr: 'Cannot find device "veth1"\n', exit: 1 });
    expect(run("ip netns exec ns3 ip route")).toEqual({ stdout: "", stderr: 'Cannot open network namespace "ns3": No such file or directory\n', exit: 255 });
  });
});

describe("seed article: the host on the bridge", () => {
  const HOST = [
    "ip netns add ns1", "ip link add br0 type bridge", "ip link add veth1 type veth peer name veth1-br",
    "ip link set veth1 netns ns1", "ip link set veth1-br master br0",
    "ip netns exec ns1 ip addr add 192.168.1.10/24 dev veth1", "ip netns exec ns1 ip link set veth1 up",
    "ip addr add 192.168.1.11/24 dev br0", "ip link set veth1-br up", "ip link set br0 up",
    "ip netns exec ns1 ip route add default via 192.168.1.11",
  ];
  it("routes, route get and -br addr as on Debian 12", () => {
    const { run } = machine();
    for (const line of HOST) expect(run(line).exit, line).toBe(0);
    expect(run("ip route").stdout).toBe("192.168.1.0/24 dev br0 proto kernel scope link src 192.168.1.11 \n");
    expect(run("ip route get 192.168.1.10").stdout).toBe("192.168.1.10 dev br0 src 192.168.1.11 uid 0 \n    cache \n");
    expect(run("ip -br addr").stdout).toBe("lo               UNKNOWN        127.0.0.1/8 ::1/128 \nbr0              UP             192.168.1.11/24 \nveth1-br@if4     UP             \n");
    expect(run("ip netns exec ns1 ip route").stdout).toBe("default via 192.168.1.11 dev veth1 \n192.168.1.0/24 dev veth1 proto kernel scope link src 192.168.1.10 \n");
    expect(run("ip netns exec ns1 ip route get 10.9.9.9").stdout).toBe("10.9.9.9 via 192.168.1.11 dev veth1 src 192.168.1.10 uid 0 \n    cache \n");
    expect(run("ip netns list").stdout).toBe("ns1 (id: 0)\n");
  });
});
