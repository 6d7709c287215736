import { describe, expect, it } from "vitest";
import { type BenchCase, CIDR_BENCH_CASES, runCidrBench } from "./cidr.bench";

const cases = CIDR_BENCH_CASES as unknown as readonly BenchCase<unknown>[];

describe("the CIDR benchmark", () => {
  it.each(cases.map((c) => [c.name, c] as const))("compares equal work: every library agrees on %s", (_name, c) => {
    for (const input of c.inputs) {
      const ours = c.ours.summarize(input);
      for (const theirs of Object.values(c.theirs)) expect(theirs.summarize(input)).toBe(ours);
    }
  });

  it("uses varied inputs, not one answer over and over", () => {
    for (const c of cases) expect(new Set(c.inputs.map((input) => c.ours.summarize(input))).size).toBeGreaterThan(1);
  });

  it("reports ops/s for us and each library, per case", async () => {
    const report = await runCidrBench({ timeMs: 5 });
    expect(report.rows.map((row) => row.case)).toEqual(cases.map((c) => c.name));
    for (const row of report.rows) {
      expect(row.ours).toBeGreaterThan(0);
      for (const ops of Object.values(row.theirs)) expect(ops).toBeGreaterThan(0);
    }
    expect(Object.keys(report.rows[0]?.theirs ?? {})).toEqual(["ipaddr.js", "netmask"]);
  });
});
