/**
 * The runners against the real kernel: every parity case's `ip`, `bridge`
 * and `sysctl` steps replayed on a fresh World and compared, after the
 * parity harness's normalisation (src/parity/facts.ts), with the golden
 * transcript recorded on Debian 12.
 */
import { describe, expect, it } from "vitest";
import { listCases, readGolden } from "../../../../parity/cases";
import { compareFacts } from "../../../../parity/compare";
import { extractFacts } from "../../../../parity/facts";
import type { Transcript, TranscriptStep } from "../../transcript";
import { replaySteps } from "./replay-steps";

export interface GoldenStepResult {
  readonly caseName: string;
  readonly step: TranscriptStep;
  readonly matched: boolean;
  readonly sim: { stdout: string; stderr: string; exit: number };
}

/** Every replayed step of every case with its verdict (skipped steps left out). */
export function goldenIpSteps(): GoldenStepResult[] {
  const results: GoldenStepResult[] = [];
  for (const parityCase of listCases()) {
    const golden = readGolden(parityCase);
    if (!golden) continue;
    const replayed = replaySteps(golden.steps.map((s) => s.cmd));
    golden.steps.forEach((step, i) => {
      const r = replayed[i]!;
      if (r.kind !== "ran") return;
      const one = (s: TranscriptStep): Transcript => ({ ...golden, steps: [s] });
      const simStep: TranscriptStep = { ...step, stdout: r.output.stdout, stderr: r.output.stderr, exit: r.output.exit };
      const matched = compareFacts(extractFacts(one(step)), extractFacts(one(simStep))).length === 0;
      results.push({ caseName: parityCase.name, step, matched, sim: r.output });
    });
  }
  return results;
}

describe("golden kernel transcripts", () => {
  const results = goldenIpSteps();
  it("reproduces the ip/bridge/sysctl steps of the parity cases", () => {
    const matched = results.filter((r) => r.matched).length;
    const misses = results.filter((r) => !r.matched);
    if (process.env.GOLDEN_VERBOSE) {
      for (const m of misses) {
        console.log(`--- ${m.caseName} line ${m.step.line}: ${m.step.cmd}\n  kernel exit ${m.step.exit}: ${JSON.stringify(m.step.stdout + m.step.stderr)}\n  sim    exit ${m.sim.exit}: ${JSON.stringify(m.sim.stdout + m.sim.stderr)}`);
      }
    }
    expect(matched).toBeGreaterThan(400);
    // The misses follow `echo N > /proc/sys/net/ipv4/ip_forward`, a shell redirection
    // this shell-free replay skips (the full shell gets them right: src/parity/sim-check.test.ts).
    expect(misses.map((m) => `${m.caseName}:${m.step.line}`)).toEqual([
      "017-sysctl-inside-namespace:13",
      "031-seed-forwarding-and-netns-resolv-conf:19",
    ]);
  });
});
