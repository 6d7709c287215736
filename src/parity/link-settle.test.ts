import { describe, expect, it } from "vitest";
import { allSettled, hasBridge, isUnsettled, linkSignature, parseLinkDump } from "./link-settle";

// Shaped like `parity-link-dump` output: `ip -d -o link` per namespace (details trimmed).
const dump = (vethFlags: string, vethState: string): string =>
  [
    "@ns",
    "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0",
    "2: v-net-0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 5a:e5:17:8e:b0:99 brd ff:ff:ff:ff:ff:ff promiscuity 0 \\    bridge forward_delay 1500 hello_time 200",
    `3: veth-red-br@if4: <${vethFlags}> mtu 1500 qdisc noqueue master v-net-0 state ${vethState} mode DEFAULT group default qlen 1000\\    link/ether 5a:e5:17:8e:b0:99 brd ff:ff:ff:ff:ff:ff link-netns red \\    veth \\    bridge_slave state forwarding priority 32`,
    "@ns red",
    "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
    "",
  ].join("\n");

describe("parseLinkDump", () => {
  it("reads every namespace's devices with flags, operstate and master, without @ifN", () => {
    const links = parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "UP"));
    expect(links.map((l) => `${l.netns || "root"}/${l.name} ${l.state} ${l.master ?? "-"}`)).toEqual([
      "root/lo UNKNOWN -",
      "root/v-net-0 UP -",
      "root/veth-red-br UP v-net-0",
      "red/lo DOWN -",
    ]);
  });

  it("tells a bridge from a bridge port", () => {
    const links = parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "UP"));
    expect(links.filter((l) => l.bridge).map((l) => l.name)).toEqual(["v-net-0"]);
    expect(hasBridge(links)).toBe(true);
    expect(hasBridge(links.filter((l) => !l.bridge))).toBe(false);
  });
});

describe("settling", () => {
  it("waits while carrier is on but linkwatch has not raised the operstate yet", () => {
    expect(allSettled(parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "LOWERLAYERDOWN")))).toBe(false);
    expect(allSettled(parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "DOWN")))).toBe(false);
  });

  it("waits while carrier is lost but the operstate still says UP", () => {
    expect(allSettled(parseLinkDump(dump("NO-CARRIER,BROADCAST,MULTICAST,UP", "UP")))).toBe(false);
  });

  it("accepts agreeing states: up with carrier, no carrier and down, admin down, loopback UNKNOWN", () => {
    expect(allSettled(parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "UP")))).toBe(true);
    expect(allSettled(parseLinkDump(dump("NO-CARRIER,BROADCAST,MULTICAST,UP", "LOWERLAYERDOWN")))).toBe(true);
    expect(allSettled(parseLinkDump(dump("BROADCAST,MULTICAST", "DOWN")))).toBe(true);
    expect(isUnsettled({ netns: "", name: "lo", flags: ["LOOPBACK", "UP", "LOWER_UP"], state: "UNKNOWN", bridge: false })).toBe(false);
  });
});

describe("linkSignature", () => {
  it("changes when a link's state changes, not when only MACs or @ifN do", () => {
    const up = linkSignature(parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "UP")));
    const down = linkSignature(parseLinkDump(dump("BROADCAST,MULTICAST", "DOWN")));
    const renumbered = linkSignature(parseLinkDump(dump("BROADCAST,MULTICAST,UP,LOWER_UP", "UP").replace("@if4", "@if9").replaceAll("5a:e5", "aa:bb")));
    expect(up).not.toBe(down);
    expect(renumbered).toBe(up);
  });
});
