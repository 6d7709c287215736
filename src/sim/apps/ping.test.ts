/**
 * ping's output against text captured from iputils 20221126 on Debian 12 in
 * an unshare sandbox (the same topologies built there with ip). Times are the
 * model's veth/loopback latencies, deterministic, so asserted exactly.
 */
import { describe, expect, it } from "vitest";
import { seconds } from "../core";
import { routeAdd } from "../stack";
import { runLabScript } from "../shell/exec";
import type { World } from "../world";
import { addNamespaces, cidr, ip, ns, wire } from "../world/test-helpers";
import { formatRtt } from "./ping";
import { formatG, formatPingStatistics, PingStatistics } from "./ping-statistics";

const pair = (world: World): void => {
  addNamespaces(world, "a", "b");
  wire(world, "a", "a-eth0", "b", "b-eth0", "10.0.0.1/24", "10.0.0.2/24");
};
const chain = (world: World): void => {
  addNamespaces(world, "h1", "r1", "h2");
  wire(world, "h1", "h1-eth0", "r1", "r1-eth0", "10.0.1.10/24", "10.0.1.1/24");
  wire(world, "r1", "r1-eth1", "h2", "h2-eth0", "10.0.2.1/24", "10.0.2.20/24");
  routeAdd(ns(world, "h1"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.1.1") }, "add");
  routeAdd(ns(world, "h2"), { dst: cidr("0.0.0.0/0"), via: ip("10.0.2.1") }, "add");
  ns(world, "r1").sysctl.set("net.ipv4.ip_forward", "1");
  routeAdd(ns(world, "r1"), { dst: cidr("10.9.0.0/16"), type: "unreachable" }, "add");
};
function step(cmd: string, setup?: (world: World) => void) {
  return runLabScript(cmd, { script: "t.lab", ...(setup ? { setup } : {}) }).transcript.steps[0]!;
}

describe("ping", () => {
  it("prints each reply and the statistics (virtual veth round trip 30 µs after the first ARP)", () => {
    const s = step("ip netns exec a ping -c 3 -i 0.2 10.0.0.2", pair);
    expect(s.exit).toBe(0);
    expect(s.stdout).toBe(
      "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n" +
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.060 ms\n" +
        "64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.030 ms\n" +
        "64 bytes from 10.0.0.2: icmp_seq=3 ttl=64 time=0.030 ms\n\n" +
        "--- 10.0.0.2 ping statistics ---\n" +
        "3 packets transmitted, 3 received, 0% packet loss, time 400ms\n" +
        "rtt min/avg/max/mdev = 0.030/0.040/0.060/0.014 ms\n",
    );
    expect(s.elapsed_ms).toBe(400);
  });

  it("-q keeps only the header and the summary; -s changes the sizes", () => {
    expect(step("ip netns exec a ping -c 1 -q 10.0.0.2", pair).stdout).toMatch(/^PING 10\.0\.0\.2 \(10\.0\.0\.2\) 56\(84\) bytes of data\.\n\n--- 10\.0\.0\.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt /);
    expect(step("ip netns exec a ping -c 1 -s 100 10.0.0.2", pair).stdout).toMatch(/100\(128\) bytes of data\.\n108 bytes from 10\.0\.0\.2: icmp_seq=1/);
  });

  it("-I names the source in the header, with the device or a blank (captured)", () => {
    expect(step("ip netns exec a ping -c 1 -I a-eth0 10.0.0.2", pair).stdout.split("\n")[0]).toBe("PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 a-eth0: 56(84) bytes of data.");
    expect(step("ip netns exec a ping -c 1 -I 10.0.0.1 10.0.0.2", pair).stdout.split("\n")[0]).toBe("PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 : 56(84) bytes of data.");
    expect(step("ip netns exec a ping -c 1 -I nodev 10.0.0.2", pair)).toMatchObject({ exit: 2, stdout: "", stderr: "ping: SO_BINDTODEVICE nodev: No such device\n" });
    expect(step("ip netns exec a ping -c 1 -I 10.0.0.9 10.0.0.2", pair)).toMatchObject({ exit: 2, stderr: "ping: bind: Cannot assign requested address\n" });
  });

  it("with no answer waits -W after the last request and exits 1 (case 025)", () => {
    const s = step("ip netns exec a ping -c 2 -i 0.2 -W 1 -q 10.0.0.3", pair);
    expect(s).toMatchObject({ exit: 1, elapsed_ms: 1200 });
    expect(s.stdout).toBe("PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.\n\n--- 10.0.0.3 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 200ms\n\n");
  });

  it("fails in connect() with exit 2 where no route leads, and refuses broadcast without -b", () => {
    expect(step("ping -c 1 -W 1 203.0.113.1")).toMatchObject({ exit: 2, stdout: "", stderr: "ping: connect: Network is unreachable\n" });
    const prohibit = (w: World): void => void routeAdd(w.root, { dst: cidr("10.7.0.0/16"), type: "prohibit" }, "add");
    expect(step("ping -c 1 10.7.0.1", prohibit)).toMatchObject({ exit: 2, stderr: "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n" });
    const blackhole = (w: World): void => void routeAdd(w.root, { dst: cidr("10.8.0.0/16"), type: "blackhole" }, "add");
    expect(step("ping -c 1 10.8.0.1", blackhole)).toMatchObject({ exit: 2, stderr: "ping: connect: Invalid argument\n" });
    expect(step("ip netns exec a ping -c 1 10.0.0.255", pair)).toMatchObject({ exit: 2, stderr: "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n" });
  });

  it("prints a router's ICMP errors and counts them (captured: Time to live exceeded, Destination Host Unreachable)", () => {
    const ttl = step("ip netns exec h1 ping -c 1 -t 1 -W 1 10.0.2.20", chain);
    expect(ttl.exit).toBe(1);
    expect(ttl.stdout).toBe(
      "PING 10.0.2.20 (10.0.2.20) 56(84) bytes of data.\nFrom 10.0.1.1 icmp_seq=1 Time to live exceeded\n\n--- 10.0.2.20 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n",
    );
    expect(step("ip netns exec h1 ping -c 1 10.9.0.1", chain).stdout).toContain("From 10.0.1.1 icmp_seq=1 Destination Host Unreachable\n");
    expect(step("ip netns exec h1 ping -c 1 -t 3 10.0.2.20", chain).stdout).toContain("64 bytes from 10.0.2.20: icmp_seq=1 ttl=63 time=");
  });

  it("names a host from /etc/hosts, and fails for an unknown one with exit 2", () => {
    expect(step("ping -c 1 localhost").stdout).toMatch(/^PING localhost \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1 ttl=64 time=/);
    expect(step("ping -c 1 nope")).toMatchObject({ exit: 2, stderr: "ping: nope: Temporary failure in name resolution\n" });
  });

  it("checks its options with iputils' words and statuses", () => {
    expect(step("ping -c 0 127.0.0.1")).toMatchObject({ exit: 1, stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n" });
    expect(step("ping -c 1 -t 256 127.0.0.1")).toMatchObject({ exit: 1, stderr: "ping: invalid argument: '256': out of range: 0 <= value <= 255\n" });
    expect(step("ping -c 1 -t 0 127.0.0.1")).toMatchObject({ exit: 2, stderr: "ping: cannot set unicast time-to-live: Invalid argument\n" });
    expect(step("ping -c x 127.0.0.1")).toMatchObject({ exit: 1, stderr: "ping: invalid argument: 'x'\n" });
    expect(step("ping -W -1 -c 1 127.0.0.1")).toMatchObject({ exit: 2, stderr: "ping: bad linger time: -1\n" });
    expect(step("ping")).toMatchObject({ exit: 1, stderr: "ping: usage error: Destination address required\n" });
    const bad = step("ping -Z 127.0.0.1");
    expect(bad.exit).toBe(2);
    expect(bad.stderr).toMatch(/^ping: invalid option -- 'Z'\n\nUsage\n {2}ping \[options\] <destination>\n/);
    expect(step("ping -f 127.0.0.1")).toMatchObject({ exit: 2, stderr: "ping: option -f is not supported by this simulator\n" });
  });

  it("-w stops at the deadline however many were sent", () => {
    const s = step("ip netns exec a ping -w 1 -i 0.2 10.0.0.2", pair);
    expect(s.stdout).toContain("5 packets transmitted, 5 received, 0% packet loss, time 800ms");
    expect(s.exit).toBe(0);
  });

  it("a killed ping keeps only what it flushed: the header after a reply, nothing before (cases 026, 028)", () => {
    const killed = runLabScript("ip netns exec a ping -c 100 -i 0.2 -q 10.0.0.2 &\nsleep 1", { script: "t.lab", setup: pair }).transcript.steps[0]!;
    expect(killed).toMatchObject({ bg_exit: 143, bg_killed_at_end: true, bg_stdout: "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n" });
    expect(step("timeout 1 ip netns exec a ping 10.0.0.99", pair)).toMatchObject({ exit: 124, stdout: "", elapsed_ms: 1000 });
  });

  it("formats times and statistics as iputils does", () => {
    expect([formatRtt(45), formatRtt(2451), formatRtt(12345), formatRtt(123456)]).toEqual(["0.045 ms", "2.45 ms", "12.3 ms", "123 ms"]);
    // Captured in case 024: "time=2.45 ms" with "rtt min/avg/max/mdev = 2.451/…".
    expect([formatG(100), formatG(100 / 3), formatG(0)]).toEqual(["100", "33.3333", "0"]);
    const s = new PingStatistics();
    for (const [seq, rtt] of [[1, 201], [2, 49], [3, 46]] as const) {
      s.transmit(seconds(0.2) * (seq - 1));
      s.reply(seq, rtt);
    }
    // Captured: 0.201, 0.049, 0.046 ms → "rtt min/avg/max/mdev = 0.046/0.098/0.201/0.072 ms".
    expect(formatPingStatistics("x", s)).toBe("\n--- x ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 400ms\nrtt min/avg/max/mdev = 0.046/0.098/0.201/0.072 ms\n");
  });
});
