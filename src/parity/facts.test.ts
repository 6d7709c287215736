import { describe, expect, it } from "vitest";
import { splitScript } from "../sim/shell/script-steps";
import type { Transcript } from "../sim/shell/transcript";
import { listCases, readCaseSource, readGolden, selectCases } from "./cases";
import { extractFacts, type Fact } from "./facts";

function golden(name: string): Transcript {
  const transcript = readGolden(selectCases([name])[0]!);
  if (!transcript) throw new Error(`no golden transcript for ${name}`);
  return transcript;
}

/** The facts of one step, found by its command, as subject → value. */
function stepFacts(facts: readonly Fact[], cmd: string, occurrence = 1): Record<string, string> {
  const lines = [...new Set(facts.filter((f) => f.cmd === cmd).map((f) => f.line))];
  const line = lines[occurrence - 1];
  if (line === undefined) throw new Error(`no step "${cmd}"`);
  return Object.fromEntries(facts.filter((f) => f.line === line).map((f) => [f.subject, f.value]));
}

describe("golden transcripts", () => {
  it("exist for every case and match its current steps (re-record after editing a case)", () => {
    const cases = listCases();
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const parityCase of cases) {
      const transcript = readGolden(parityCase);
      expect(transcript, parityCase.name).toBeDefined();
      const { steps } = splitScript(readCaseSource(parityCase));
      expect(transcript!.steps.map((s) => [s.line, s.cmd]), parityCase.name).toEqual(steps.map((s) => [s.line, s.text]));
    }
  });
});

describe("extractFacts on golden transcripts", () => {
  it("keeps ping counts and replies, never times", () => {
    const facts = stepFacts(extractFacts(golden("002")), "ip netns exec red ping -c 3 -i 0.2 -W 1 192.168.15.2");
    expect(facts).toMatchObject({ exit: "0", "ping transmitted": "3", "ping received": "3", "ping errors": "0", "reply icmp_seq=2": "64 bytes from 192.168.15.2 ttl=64" });
    expect(Object.values(facts).join(" ")).not.toMatch(/time|ms\b|rtt/);
  });

  it("keeps neighbour states keyed by address and drops the random MAC", () => {
    const facts = extractFacts(golden("002"));
    expect(stepFacts(facts, "ip netns exec red ip neigh")).toMatchObject({ "neigh 192.168.15.2 dev veth-red": "lladdr <mac> REACHABLE" });
    expect(stepFacts(facts, "ip netns exec blue ip neigh")).toMatchObject({ "neigh 192.168.15.1 dev veth-blue": "lladdr <mac> DELAY" });
  });

  it("reads ip -br addr without @ifN suffixes or IPv6 link-local addresses", () => {
    const facts = stepFacts(extractFacts(golden("002")), "ip netns exec red ip -br addr");
    expect(facts).toEqual({ exit: "0", "addr lo": "DOWN", "addr veth-red": "UP 192.168.15.1/24" });
  });

  it("answers longest-prefix match through ip route get's via, dev and src", () => {
    const facts = extractFacts(golden("006"));
    const via = (address: string): string | undefined => stepFacts(facts, `ip netns exec a ip route get ${address}`)["route get via"];
    expect(via("10.9.9.9")).toBe("10.0.0.2");
    expect(via("10.1.9.9")).toBe("10.0.0.3");
    expect(via("10.1.2.5")).toBe("10.0.0.4");
    expect(via("10.1.2.130")).toBe("10.0.0.5");
    expect(via("10.1.2.200")).toBe("10.0.0.6");
    expect(via("10.1.2.201")).toBe("10.0.0.5");
    expect(stepFacts(facts, "ip netns exec a ip route get 10.0.0.77")).toMatchObject({ "route get dev": "a-eth0", "route get src": "10.0.0.1" });
    expect(via("10.0.0.77")).toBeUndefined();
    expect(stepFacts(facts, "ip netns exec a ip route get 192.0.2.1")).toEqual({ exit: "2", "stderr line 1": "RTNETLINK answers: Network is unreachable" });
  });

  it("keeps each special route type's error text and exit code", () => {
    const facts = extractFacts(golden("007"));
    expect(stepFacts(facts, "ping -c 1 -W 1 10.1.0.1")).toEqual({ exit: "2", "stderr line 1": "ping: connect: No route to host" });
    expect(stepFacts(facts, "ping -c 1 -W 1 10.2.0.1")).toEqual({ exit: "2", "stderr line 1": "ping: connect: Invalid argument" });
    expect(stepFacts(facts, "ip route get 10.3.0.1")).toEqual({ exit: "2", "stderr line 1": "RTNETLINK answers: Permission denied" });
  });

  it("keeps ICMP errors with their source, and traceroute hops without times", () => {
    const router = extractFacts(golden("008"));
    expect(stepFacts(router, "ip netns exec h1 ping -c 1 -W 1 10.0.8.1")).toMatchObject({ "error icmp_seq=1": "From 10.0.1.1: Packet filtered", "ping errors": "1", exit: "1" });
    const chain = extractFacts(golden("009"));
    expect(stepFacts(chain, "ip netns exec h1 traceroute -n 10.0.2.20")).toMatchObject({
      "hop 1": "10.0.1.1, 10.0.1.1, 10.0.1.1",
      "hop 2": "10.0.12.2, 10.0.12.2, 10.0.12.2",
      "hop 3": "10.0.2.20, 10.0.2.20, 10.0.2.20",
    });
    expect(stepFacts(chain, "ip netns exec h1 ping -c 1 -t 2 -W 1 10.0.2.20")).toMatchObject({ "error icmp_seq=1": "From 10.0.12.2: Time to live exceeded" });
  });

  it("keeps INCOMPLETE and FAILED neighbours and the local Destination Host Unreachable", () => {
    const facts = extractFacts(golden("010"));
    expect(stepFacts(facts, "ip netns exec a ip neigh")).toMatchObject({ "neigh 10.0.0.99 dev a-eth0": "INCOMPLETE" });
    expect(stepFacts(facts, "ip netns exec a ping -c 1 -W 4 10.0.0.98")).toMatchObject({ "error icmp_seq=1": "From 10.0.0.1: Destination Host Unreachable" });
    expect(stepFacts(facts, "ip netns exec a ip neigh show dev a-eth0")).toMatchObject({ "neigh 10.0.0.98": "FAILED", "neigh 10.0.0.99": "FAILED" });
  });

  it("keeps MAC addresses the script itself wrote", () => {
    const facts = stepFacts(extractFacts(golden("015")), "ip netns exec a ip neigh show dev a-eth0");
    expect(facts).toMatchObject({ "neigh 10.0.0.9": "lladdr 02:00:00:00:00:0a PERMANENT", "neigh 10.0.0.2": "lladdr 02:00:00:00:00:02 PERMANENT" });
  });

  it("records a background job's exit and its killing at the end", () => {
    const facts = extractFacts(golden("026"));
    expect(stepFacts(facts, "ip netns exec a ping -c 2 -i 0.2 10.0.0.2 &")).toMatchObject({ exit: "0", "bg exit": "0", "bg ping received": "2" });
    expect(stepFacts(facts, "ip netns exec a ping -c 100 -i 0.2 -q 10.0.0.2 &")).toMatchObject({ "bg exit": "143", "bg killed at end": "yes" });
  });

  it("reads filtered output with the producer's extractor, and wc's count as it is", () => {
    const facts = extractFacts(golden("027"));
    expect(stepFacts(facts, "ip -br link | grep veth")).toEqual({ exit: "0", "link veth-red-br": "DOWN <mac> <BROADCAST,MULTICAST>" });
    expect(stepFacts(facts, "ip -br link | grep nothing-like-this")).toEqual({ exit: "1" });
    expect(stepFacts(facts, "ip -o link | wc -l")).toEqual({ exit: "0", "stdout line 1": "2" });
    expect(stepFacts(facts, "hostname")).toEqual({ exit: "0", "stdout line 1": "lab" });
  });

  it("never keeps a volatile detail in any golden transcript's facts", () => {
    for (const parityCase of listCases()) {
      const transcript = readGolden(parityCase)!;
      const scriptMacs = transcript.steps.map((s) => s.cmd).join(" ");
      for (const fact of extractFacts(transcript)) {
        const where = `${parityCase.name} line ${fact.line} ${fact.subject}`;
        expect(`${fact.subject} ${fact.value}`, where).not.toMatch(/@if\d|fe80::|time=|\d ms\b|rtt |link-netnsid/);
        for (const mac of `${fact.subject} ${fact.value}`.match(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/gi) ?? []) {
          const fixed = /^(00:00:00:00:00:00|ff:ff:ff:ff:ff:ff|01:00:5e:)/i.test(mac) || scriptMacs.includes(mac);
          expect(fixed, `${where}: ${mac}`).toBe(true);
        }
      }
    }
  });

  it("gives every fact of a step its own subject", () => {
    for (const parityCase of listCases()) {
      const keys = extractFacts(readGolden(parityCase)!).map((f) => `${f.line} ${f.subject}`);
      expect(new Set(keys).size, parityCase.name).toBe(keys.length);
    }
  });
});

describe("where bash says a message came from", () => {
  it("is not a fact: a script's `NAME.lab: line N:` and bash -c's `bash: line 1:` compare equal", async () => {
    const { dropShellOrigin } = await import("./facts/verbatim-facts");
    expect(dropShellOrigin("031-x.lab: line 13: /etc/a: No such file or directory")).toBe("bash: /etc/a: No such file or directory");
    expect(dropShellOrigin("bash: line 1: /etc/a: No such file or directory")).toBe("bash: /etc/a: No such file or directory");
    expect(dropShellOrigin("ping: connect: Network is unreachable")).toBe("ping: connect: Network is unreachable");
  });
});
