import { describe, expect, it } from "vitest";
import { type BenchReport, formatReport } from "./report";

const report: BenchReport = {
  name: "cidr",
  rows: [
    { case: "parse", ours: 2_000_000, theirs: { "ipaddr.js": 1_000_000, netmask: 4_000_000 } },
    { case: "split in halves", ours: 1234.4, theirs: { netmask: 617.2 } },
  ],
};

describe("formatReport", () => {
  const lines = formatReport(report).split("\n");
  const table = lines.slice(1);

  it("names the benchmark and how to read the ratio", () => {
    expect(lines[0]).toContain("cidr");
    expect(lines[0]).toContain("ratio above 1 means ours is faster");
  });

  it("has a column per library and a ratio ours/theirs beside it", () => {
    expect(table[0]?.split(/\s{2,}/)).toEqual(["case", "ours ops/s", "ipaddr.js ops/s", "ours/ipaddr.js", "netmask ops/s", "ours/netmask"]);
    expect(table[2]?.split(/\s{2,}/)).toEqual(["parse", "2,000,000", "1,000,000", "2.00×", "4,000,000", "0.50×"]);
  });

  it("marks a library with no equivalent operation", () => {
    expect(table[3]?.split(/\s{2,}/)).toEqual(["split in halves", "1,234", "—", "—", "617", "2.00×"]);
  });

  it("aligns the columns", () => {
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    const end = (table[0] ?? "").indexOf("ours/ipaddr.js") + "ours/ipaddr.js".length;
    expect(table[2]?.slice(0, end).endsWith("2.00×")).toBe(true);
    expect(table[3]?.slice(0, end).endsWith("—")).toBe(true);
  });
});
