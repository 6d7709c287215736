import { describe, expect, it } from "vitest";
import { conntrackFacts } from "./conntrack-facts";

const context = { scriptMacs: new Set<string>() };

describe("conntrack facts", () => {
  it("drops timers, ICMP ids and listing order, keeps tuples and flags", () => {
    const kernel = [
      "icmp     1 28 src=10.0.0.2 dst=10.0.0.1 type=8 code=0 id=177 [UNREPLIED] src=10.0.0.1 dst=10.0.0.2 type=0 code=0 id=177 mark=0 use=1",
      "icmp     1 29 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=171 src=10.0.0.2 dst=10.0.0.1 type=0 code=0 id=171 mark=0 use=1",
      "",
    ].join("\n");
    const sim = [
      "icmp     1 29 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=54575 src=10.0.0.2 dst=10.0.0.1 type=0 code=0 id=54575 mark=0 use=1",
      "icmp     1 29 src=10.0.0.2 dst=10.0.0.1 type=8 code=0 id=23375 [UNREPLIED] src=10.0.0.1 dst=10.0.0.2 type=0 code=0 id=23375 mark=0 use=1",
      "",
    ].join("\n");
    expect(conntrackFacts(kernel, context)).toEqual(conntrackFacts(sim, context));
    expect(conntrackFacts(kernel, context)[0]).toEqual(["conntrack entry 1", "icmp 1 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=<id> src=10.0.0.2 dst=10.0.0.1 type=0 code=0 id=<id> mark=0 use=1"]);
    // A NAT-rewritten reply tuple is a different fact.
    expect(conntrackFacts(kernel.replace("src=10.0.0.2 dst=10.0.0.1 type=0", "src=10.0.0.2 dst=10.0.9.1 type=0"), context)).not.toEqual(conntrackFacts(kernel, context));
  });

  it("drops ephemeral ports but keeps service ports", () => {
    const line = "tcp      6 431999 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=45678 dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=45678 [ASSURED] mark=0 use=1\n";
    expect(conntrackFacts(line, context)).toEqual([["conntrack entry 1", "tcp 6 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=<ephemeral> dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=<ephemeral> [ASSURED] mark=0 use=1"]]);
  });
});
