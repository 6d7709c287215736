import { describe, expect, it } from "vitest";
import { unwrap } from "../core";
import { Sysctl } from "./sysctl";

describe("sysctl", () => {
  it("ip_forward and conf.all.forwarding are one switch that reaches every device", () => {
    const s = new Sysctl();
    s.addDevice("eth0");
    unwrap(s.set("net/ipv4/conf/all/forwarding", "1"));
    expect(unwrap(s.get("net.ipv4.ip_forward"))).toBe("1");
    expect(s.conf("eth0", "forwarding")).toBe(1);
    unwrap(s.set("net.ipv4.conf.eth0.forwarding", "0"));
    expect(unwrap(s.get("net.ipv4.ip_forward"))).toBe("1");
  });

  it("rejects unknown names and malformed values like the kernel (ENOENT / EINVAL)", () => {
    const s = new Sysctl();
    expect(s.get("net.ipv4.nope")).toEqual({ ok: false, error: { errno: "ENOENT" } });
    expect(s.set("net.ipv4.ip_forward", "yes")).toEqual({ ok: false, error: { errno: "EINVAL" } });
    unwrap(s.set("net.ipv4.ip_local_port_range", "1024 2048"));
    expect(unwrap(s.get("net.ipv4.ip_local_port_range"))).toBe("1024\t2048");
  });
});
