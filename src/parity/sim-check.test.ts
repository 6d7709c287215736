import { describe, expect, it } from "vitest";
import { CommandRegistry, defaultRegistry } from "../sim/shell/exec";
import { checkCaseInSimulator, checkCasesInSimulator, formatSimCheck } from "./sim-check";
import { listCases, selectCases } from "./cases";

describe("parity, simulator side", () => {
  // Every case, in the simulator, must give the facts the real kernel gave
  // (src/parity/kernel/*.json). This runs everywhere, root or not.
  it.each(listCases().map((c) => c.name))("%s matches the kernel's facts", (name) => {
    const result = checkCaseInSimulator(selectCases([name])[0]!);
    expect(result.problem).toBeUndefined();
    expect(result.differences).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("has at least 25 cases", () => {
    expect(listCases().length).toBeGreaterThanOrEqual(25);
  });

  it("reports what differs when the simulator disagrees", () => {
    // Without `ip`, case 024's setup fails, so its pings from namespace a differ.
    const full = defaultRegistry();
    const withoutIp = () => new CommandRegistry(full.names().filter((n) => n !== "ip").map((n) => full.get(n)!));
    const result = checkCaseInSimulator(selectCases(["024"])[0]!, withoutIp());
    expect(result.passed).toBe(false);
    expect(result.differences.some((d) => d.line === 6 && d.subject === "exit" && d.expected === "0")).toBe(true);
  });

  it("prints a line per case and the tally", () => {
    const results = checkCasesInSimulator(["024", "025"]);
    expect(formatSimCheck(results)).toBe("ok   024-ping-unreachable-net\nok   025-ping-options\n2 passed, 0 failed\n");
    const failing = formatSimCheck([{ name: "x", passed: false, differences: [{ line: 1, cmd: "ping", subject: "exit", expected: "0", actual: "1" }] }], true);
    expect(failing).toBe('FAIL x  (1 difference)\n    line 1: ping\n      exit: kernel "0", sim "1"\n0 passed, 1 failed\n');
  });
});
