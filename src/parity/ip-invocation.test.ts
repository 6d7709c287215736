import { describe, expect, it } from "vitest";
import { isListingVerb, isRouteGet, readIpInvocation } from "./ip-invocation";

describe("readIpInvocation", () => {
  it("resolves abbreviations in iproute2's table order", () => {
    const object = (cmd: string): string | undefined => readIpInvocation(cmd.split(" "))?.object;
    expect(object("ip a")).toBe("address");
    expect(object("ip n")).toBe("neighbor");
    expect(object("ip r")).toBe("route");
    expect(object("ip l")).toBe("link");
    expect(object("ip net")).toBe("netns");
    expect(object("ip -n red -br a")).toBe("address");
    expect(object("ip maddr")).toBe("other");
  });

  it("knows listing verbs and route get", () => {
    expect(isListingVerb(readIpInvocation(["ip", "route"])!.verb)).toBe(true);
    expect(isListingVerb(readIpInvocation(["ip", "link", "sh", "dev", "x"])!.verb)).toBe(true);
    expect(isListingVerb(readIpInvocation(["ip", "link", "set", "x", "up"])!.verb)).toBe(false);
    expect(isRouteGet(readIpInvocation(["ip", "r", "g", "10.0.0.1"])!)).toBe(true);
    expect(readIpInvocation(["ping", "x"])).toBeUndefined();
  });
});
