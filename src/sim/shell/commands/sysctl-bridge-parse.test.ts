/** sysctl and bridge front ends against their captured answers (fixtures/sysctl.json, fixtures/bridge.json). */
import { describe, expect, it } from "vitest";
import { parseBridge } from "./bridge-command";
import type { IpLookup } from "./ip-lookup";
import { parseSysctl, sysctlInvalidValue, sysctlUnknownKey } from "./sysctl-command";
import { captured, type CapturedRun } from "./fixtures/captures.test-support";


function answerOf(run: CapturedRun) {
  return { stdout: run.stdout, stderr: run.stderr, exit: run.exit };
}

describe("sysctl", () => {
  it("reads and writes, with dots or slashes", () => {
    expect(parseSysctl(["net/ipv4/ip_forward"])).toEqual({ kind: "request", request: { valuesOnly: false, quiet: false, items: [{ op: "read", key: "net.ipv4.ip_forward" }] } });
    expect(parseSysctl(["-w", "net/ipv4/ip_forward=0"])).toMatchObject({ request: { items: [{ op: "write", key: "net.ipv4.ip_forward", value: "0" }] } });
    expect(parseSysctl(["net.ipv4.ip_forward=1"])).toMatchObject({ request: { items: [{ op: "write" }] } });
    expect(parseSysctl(["-nw", "net.ipv4.ip_forward=1"])).toMatchObject({ request: { valuesOnly: true } });
  });

  it.each(["sysctl -w net.ipv4.ip_forward", "sysctl -w net.ipv4.ip_forward = 1", "sysctl -x", "sysctl -w", "sysctl"])("%s answers as procps does", (cmd) => {
    expect(parseSysctl(cmd.split(" ").slice(1))).toEqual({ kind: "answered", output: answerOf(captured("sysctl", cmd)) });
  });

  it("words the model's refusals as procps does", () => {
    expect(sysctlUnknownKey("net.ipv4.nope")).toEqual(answerOf(captured("sysctl", "sysctl net.ipv4.nope")));
    expect(sysctlInvalidValue("net.ipv4.ip_forward")).toEqual(answerOf(captured("sysctl", "sysctl -w net.ipv4.ip_forward=abc")));
  });

  it("says plainly that -a and -p are not modelled", () => {
    expect(parseSysctl(["-a"])).toMatchObject({ output: { stderr: 'sysctl: option "-a" is not supported by this simulator\n', exit: 2 } });
  });
});

const LOOKUP: IpLookup = { netnsExists: () => false, deviceExists: (name) => ["lo", "br0", "v0", "v2", "v3"].includes(name) };

describe("bridge", () => {
  it.each(["bridge fdb show br nope", "bridge fdb show dev nope", "bridge foo", "bridge link foo", "bridge fdb foo", "bridge -x link", "bridge"])("%s answers as iproute2 does", (cmd) => {
    expect(parseBridge(cmd.split(" ").slice(1), LOOKUP)).toEqual({ kind: "answered", output: answerOf(captured("bridge", cmd)) });
  });

  it("parses show requests", () => {
    expect(parseBridge(["fdb", "show", "br", "br0"], LOOKUP)).toEqual({ kind: "request", request: { object: "fdb", br: "br0", dev: null } });
    expect(parseBridge(["fdb"], LOOKUP)).toEqual({ kind: "request", request: { object: "fdb", br: null, dev: null } });
    expect(parseBridge(["link", "show"], LOOKUP)).toEqual({ kind: "request", request: { object: "link", dev: null } });
  });

  it("refuses fdb add (not modelled yet)", () => {
    expect(parseBridge(["fdb", "add", "02:00:00:00:00:99", "dev", "v0"], LOOKUP)).toMatchObject({ output: { exit: 2 } });
  });
});
