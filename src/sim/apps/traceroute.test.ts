/** traceroute -n against the layout captured from traceroute 2.1.2 on Debian 12 (same topology in an unshare sandbox). */
import { describe, expect, it } from "vitest";
import { routeAdd } from "../stack";
import { runLabScript } from "../shell/exec";
import type { World } from "../world";
import { addNamespaces, cidr, ip, ns, wire } from "../world/test-helpers";

const chain = (world: World): void => {
  addNamespaces(world, "h1", "r1", "h2");
  wire(world, "h1", "h1-eth0", "r1", "r1-eth0", "10.0.1.10/24", "10.0.1.1/24");
  wire(world, "r1", "r1-eth1", "h2", "h2-eth0", "10.0.2.1/24", "10.0.2.20/24");
  routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }, "add");
  routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }, "add");
  ns(world, "r1").sysctl.set("net.ipv4.ip_forward", "1");
  routeAdd(ns(world, "r1"), { dst: cidr("10.9.0.0/16"), type: "unreachable" }, "add");
};
const step = (cmd: string) => runLabScript(cmd, { script: "t.lab", setup: chain }).transcript.steps[0]!;

describe("traceroute -n", () => {
  it("lists the router, then the target, three probes each (captured layout)", () => {
    const s = step("ip netns exec h1 traceroute -n 10.0.2.20");
    expect(s.exit).toBe(0);
    expect(s.stdout).toBe(
      "traceroute to 10.0.2.20 (10.0.2.20), 30 hops max, 60 byte packets\n" +
        " 1  10.0.1.1  0.060 ms  0.060 ms  0.060 ms\n" +
        " 2  10.0.2.20  0.120 ms  0.120 ms  0.120 ms\n",
    );
  });

  it("prints * for silence, one per probe, until -m (captured: -q 1 -m 3 -w 1 to a missing host)", () => {
    const s = step("ip netns exec h1 traceroute -n -q 1 -m 3 -w 1 10.0.2.99");
    expect(s.stdout).toBe("traceroute to 10.0.2.99 (10.0.2.99), 3 hops max, 60 byte packets\n 1  10.0.1.1  0.060 ms\n 2  *\n 3  *\n");
    expect(s.exit).toBe(0);
  });

  it("ends at a hop that answers unreachable, marked !H", () => {
    expect(step("ip netns exec h1 traceroute -n -q 1 10.9.0.1").stdout).toBe("traceroute to 10.9.0.1 (10.9.0.1), 30 hops max, 60 byte packets\n 1  10.0.1.1  0.060 ms !H\n");
  });

  it("without -n shows name (address)", () => {
    expect(step("ip netns exec h1 traceroute -q 1 10.0.1.1").stdout).toBe("traceroute to 10.0.1.1 (10.0.1.1), 30 hops max, 60 byte packets\n 1  10.0.1.1 (10.0.1.1)  0.060 ms\n");
  });

  it("refuses bad options with the real tool's words", () => {
    expect(step("traceroute -n -Z 10.0.2.20")).toMatchObject({ exit: 2, stderr: "Bad option `-Z' (argc 2)\n" });
    expect(step("traceroute -n -m 0 10.0.2.20")).toMatchObject({ exit: 2, stderr: "first hop out of range\n" });
    expect(step("traceroute -n -q 0 10.0.2.20")).toMatchObject({ exit: 2, stderr: "no more than 10 probes per hop\n" });
    expect(step("traceroute -n nope")).toMatchObject({ exit: 2, stderr: "nope: Temporary failure in name resolution\nCannot handle \"host\" cmdline arg `nope' on position 1 (argc 2)\n" });
    expect(step("ip netns exec h1 traceroute -n -i nodev 10.0.2.20")).toMatchObject({
      exit: 1, stdout: "traceroute to 10.0.2.20 (10.0.2.20), 30 hops max, 60 byte packets", stderr: "\nsetsockopt SO_BINDTODEVICE: No such device\n",
    });
    expect(step("traceroute -I 10.0.2.20")).toMatchObject({ exit: 2, stderr: "traceroute: option -I is not supported by this simulator\n" });
  });
});
