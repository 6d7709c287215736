import { describe, expect, it } from "vitest";
import { runLabScript } from "../run-script";
import { formatKernelRecord } from "./dmesg";

const run = (source: string) => runLabScript(source, { script: "t.lab" }).transcript.steps;

describe("dmesg", () => {
  it("prints a record with util-linux's [seconds.micros] stamp", () => {
    expect(formatKernelRecord({ time: 12_345_678, level: 4, text: "hello" })).toBe("[   12.345678] hello\n");
    expect(formatKernelRecord({ time: 5, level: 4, text: "x" })).toBe("[    0.000005] x\n");
  });

  it("shows what a LOG rule in the initial namespace wrote; -c prints then clears, -C clears silently", () => {
    const steps = run([
      "dmesg",
      'iptables -A OUTPUT -p icmp -j LOG --log-prefix "out: "',
      "ping -c 1 -W 1 127.0.0.1",
      "dmesg -c",
      "dmesg",
      "ping -c 1 -W 1 127.0.0.1",
      "dmesg -C",
      "dmesg",
    ].join("\n"));
    expect(steps[0]!.stdout).toBe("");
    const lines = steps[3]!.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBe(2);
    expect(lines[0]).toMatch(/^\[ +\d+\.\d{6}\] out: IN= OUT=lo SRC=127\.0\.0\.1 DST=127\.0\.0\.1 .*PROTO=ICMP TYPE=8 CODE=0/);
    expect(steps[4]!.stdout).toBe("");
    expect(steps[6]!.stdout).toBe("");
    expect(steps[7]!.stdout).toBe("");
  });

  it("refuses options it does not model", () => {
    expect(run("dmesg -T")[0]).toMatchObject({ exit: 1, stderr: 'dmesg: option "-T" is not supported by this simulator\n' });
  });
});
