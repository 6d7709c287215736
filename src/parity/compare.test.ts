import { describe, expect, it } from "vitest";
import type { Transcript, TranscriptStep } from "../sim/shell/transcript";
import { listCases, readGolden, selectCases } from "./cases";
import { compareFacts, formatDifferences } from "./compare";
import { extractFacts } from "./facts";

function golden(name: string): Transcript {
  return readGolden(selectCases([name])[0]!)!;
}

/** A copy of a transcript with one step's fields rewritten. */
function withStep(transcript: Transcript, cmd: string, change: (step: TranscriptStep) => Partial<TranscriptStep>): Transcript {
  let found = false;
  const steps = transcript.steps.map((step) => {
    if (step.cmd !== cmd) return step;
    found = true;
    return { ...step, ...change(step) };
  });
  if (!found) throw new Error(`no step "${cmd}"`);
  return { ...transcript, steps };
}

/** What a second run on the same kernel changes: times, random MACs, interface indexes, hash order. */
function rerun(transcript: Transcript): Transcript {
  const scriptText = transcript.steps.map((s) => s.cmd).join(" ");
  const jitter = (text: string): string =>
    text
      .replace(/time=[\d.]+ ms/g, "time=9.99 ms")
      .replace(/time \d+ms/g, "time 999ms")
      .replace(/rtt min\/avg\/max\/mdev = \S+/g, "rtt min/avg/max/mdev = 1/2/3/4")
      .replace(/\b([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2})\b/g, (mac, first: string) =>
        parseInt(first, 16) & 1 || mac === "00:00:00:00:00:00" || scriptText.includes(mac) ? mac : "12:34:56:78:9a:bc",
      )
      .replace(/@if(\d+)/g, "@if77")
      .replace(/fe80::[0-9a-f:]+/g, "fe80::1234:56ff:fe78:9abc");
  return {
    ...transcript,
    steps: transcript.steps.map((step) => ({
      ...step,
      elapsed_ms: step.elapsed_ms + 17,
      // Neighbour and FDB listings follow a hash: a rerun may list them in another order.
      stdout: jitter(/ip neigh|bridge fdb/.test(step.cmd) ? step.stdout.split("\n").reverse().join("\n") : step.stdout),
      stderr: jitter(step.stderr),
      ...(step.bg_stdout === undefined ? {} : { bg_stdout: jitter(step.bg_stdout) }),
    })),
  };
}

describe("compareFacts", () => {
  it("finds no difference between a golden transcript and itself", () => {
    for (const parityCase of listCases()) {
      const facts = extractFacts(readGolden(parityCase)!);
      expect(compareFacts(facts, facts), parityCase.name).toEqual([]);
    }
  });

  it("ignores what differs between two runs on the same kernel", () => {
    for (const parityCase of listCases()) {
      const transcript = readGolden(parityCase)!;
      expect(compareFacts(extractFacts(transcript), extractFacts(rerun(transcript))), parityCase.name).toEqual([]);
    }
  });

  it("reports a lost ping reply at its step", () => {
    const kernel = golden("002");
    const cmd = "ip netns exec red ping -c 3 -i 0.2 -W 1 192.168.15.2";
    const sim = withStep(kernel, cmd, (s) => ({ exit: 1, stdout: s.stdout.replace("3 received", "2 received").replace(/^64 bytes.*icmp_seq=3.*\n/m, "") }));
    const differences = compareFacts(extractFacts(kernel), extractFacts(sim));
    expect(differences.map((d) => [d.cmd, d.subject, d.expected, d.actual])).toEqual([
      [cmd, "exit", "0", "1"],
      [cmd, "reply icmp_seq=3", "64 bytes from 192.168.15.2 ttl=64", undefined],
      [cmd, "ping received", "3", "2"],
    ]);
  });

  it("reports a route through the wrong gateway", () => {
    const kernel = golden("006");
    const cmd = "ip netns exec a ip route get 10.1.2.130";
    const sim = withStep(kernel, cmd, (s) => ({ stdout: s.stdout.replace("via 10.0.0.5", "via 10.0.0.4") }));
    const differences = compareFacts(extractFacts(kernel), extractFacts(sim));
    expect(differences).toEqual([{ line: differences[0]!.line, cmd, subject: "route get via", expected: "10.0.0.5", actual: "10.0.0.4" }]);
  });

  it("reports different error text, a wrong neighbour state and a missing step", () => {
    const kernel = golden("010");
    let sim = withStep(golden("010"), "ip netns exec a ip neigh", (s) => ({ stdout: s.stdout.replace("INCOMPLETE", "FAILED") }));
    sim = { ...sim, steps: sim.steps.filter((s) => s.cmd !== "ip netns exec a ping -c 1 -W 4 10.0.0.98") };
    const differences = compareFacts(extractFacts(kernel), extractFacts(sim));
    expect(differences.find((d) => d.subject === "neigh 10.0.0.99 dev a-eth0")).toMatchObject({ expected: "INCOMPLETE", actual: "FAILED" });
    expect(differences.filter((d) => d.cmd === "ip netns exec a ping -c 1 -W 4 10.0.0.98" && d.actual === undefined).length).toBeGreaterThan(3);

    const errors = golden("020");
    const reworded = withStep(errors, "ip link set nope up", () => ({ stderr: 'Device "nope" does not exist.\n' }));
    expect(compareFacts(extractFacts(errors), extractFacts(reworded))).toMatchObject([
      { subject: "stderr line 1", expected: 'Cannot find device "nope"', actual: 'Device "nope" does not exist.' },
    ]);
  });

  it("reports a fact only the actual run has", () => {
    const kernel = golden("012");
    const cmd = "ip netns exec lonely ip -br addr";
    const sim = withStep(kernel, cmd, (s) => ({ stdout: s.stdout.replace("DOWN", "DOWN           127.0.0.1/8") }));
    expect(compareFacts(extractFacts(kernel), extractFacts(sim))).toMatchObject([{ cmd, subject: "addr lo", expected: "DOWN", actual: "DOWN 127.0.0.1/8" }]);
  });
});

describe("formatDifferences", () => {
  it("names the step's line and command, then each fact with both values", () => {
    const kernel = golden("007");
    const sim = withStep(kernel, "ping -c 1 -W 1 10.2.0.1", () => ({ exit: 1, stderr: "" }));
    const text = formatDifferences(compareFacts(extractFacts(kernel), extractFacts(sim)));
    const line = kernel.steps.find((s) => s.cmd === "ping -c 1 -W 1 10.2.0.1")!.line;
    expect(text).toBe([`line ${line}: ping -c 1 -W 1 10.2.0.1`, '  exit: expected "2", got "1"', '  stderr line 1: expected "ping: connect: Invalid argument", got (nothing)'].join("\n"));
  });
});
