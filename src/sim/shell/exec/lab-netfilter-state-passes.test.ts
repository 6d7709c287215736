import { describe, expect, it } from "vitest";
import { netfilterPassAt } from "./lab-netfilter-state-passes";
import { LabSession } from "./lab-session";
import { BRIDGE_LAB, ROUTER_LAB } from "./lab-session.fixtures";
import type { LabActionResult, LabIncomplete } from "./lab-session-types";

function ran(result: LabActionResult | LabIncomplete): LabActionResult {
  if ("incomplete" in result) throw new Error("unexpectedly incomplete");
  return result;
}

/** The lab with `extra` appended, and the events [from, to) of `ping` typed at a. */
function pinged(extra: string, ping: string) {
  const session = LabSession.create({ script: ROUTER_LAB + extra });
  const result = ran(session.runCommand("a", ping));
  return { session, world: session.world, from: result.events.from, to: result.events.to, stdout: result.step.stdout };
}

/** The first event of `kind` in r from `from` on. */
function firstInR(world: LabSession["world"], from: number, kind: string): number {
  for (let seq = from; seq < world.trace.length; seq++) {
    const event = world.trace.at(seq)!;
    if (event.namespace === "r" && event.kind === kind) return seq;
  }
  throw new Error(`no ${kind} in r`);
}

describe("netfilterPassAt: one packet's way through a host's hooks", () => {
  it("follows an echo request that r's FORWARD chain drops, hook by hook as the playhead moves", () => {
    const { world, from, to, stdout } = pinged("ip netns exec r iptables -A FORWARD -p icmp -j DROP\n", "ping -c 1 -W 1 10.0.1.2");
    expect(stdout).toContain("0 received");
    // Before the request reaches r there is nothing to show.
    expect(netfilterPassAt(world, "r", from)).toBeNull();

    const received = firstInR(world, from, "netfilter-traversal") - 2;
    const arrived = netfilterPassAt(world, "r", received);
    expect(arrived).toMatchObject({ origin: "in", summary: "icmp echo-request 10.0.0.1 → 10.0.1.2", hooks: [], outcome: { kind: "travelling" } });

    const routed = netfilterPassAt(world, "r", received + 1);
    expect(routed).toMatchObject({ hooks: ["PREROUTING"], route: { decision: "forward" } });

    const end = netfilterPassAt(world, "r", to - 1)!;
    expect(end.hooks).toEqual(["PREROUTING", "FORWARD"]);
    expect(end.traversals).toEqual([expect.objectContaining({ hook: "FORWARD", table: "filter", chain: "FORWARD", rule: 1, verdict: "DROP" })]);
    expect(end.outcome).toMatchObject({ kind: "dropped", reason: "NETFILTER_DROP", hook: "FORWARD", table: "filter", rule: 1 });
    // Nothing of the packet reaches b.
    expect(netfilterPassAt(world, "b", to - 1)).toBeNull();
  });

  it("shows DNAT and MASQUERADE as before/after tuples, and the reply un-NATed on its own way back", () => {
    const { world, to, stdout } = pinged(
      `ip netns exec r iptables -t nat -A PREROUTING -d 10.0.0.254 -p icmp -j DNAT --to-destination 10.0.1.2
ip netns exec r iptables -t nat -A POSTROUTING -o r1 -j MASQUERADE
`,
      "ping -c 1 -W 1 10.0.0.254",
    );
    expect(stdout).toContain("1 received");
    const sentOn = (device: string) => {
      for (let seq = 0; seq < to; seq++) {
        const pass = netfilterPassAt(world, "r", seq);
        if (pass?.outcome.kind === "sent" && pass.outcome.device === device) return pass;
      }
      throw new Error(`nothing sent on ${device}`);
    };
    const request = sentOn("r1");
    expect(request.hooks).toEqual(["PREROUTING", "FORWARD", "POSTROUTING"]);
    expect(request.traversals.map((t) => `${t.hook} ${t.table} rule ${t.rule} ${t.hits.map((h) => h.target).join()}`)).toEqual([
      "PREROUTING nat rule 1 DNAT",
      "POSTROUTING nat rule 1 MASQUERADE",
    ]);
    expect(request.rewrites.map((r) => [r.hook, r.manip, r.before.src, r.before.dst, r.after.src, r.after.dst])).toEqual([
      ["PREROUTING", "destination", "10.0.0.1", "10.0.0.254", "10.0.0.1", "10.0.1.2"],
      ["POSTROUTING", "source", "10.0.0.1", "10.0.1.2", "10.0.1.254", "10.0.1.2"],
    ]);

    // The reply meets no nat chain (conntrack already knows the mapping) but is rewritten back all the same.
    const reply = sentOn("r0");
    expect(reply.summary).toBe("icmp echo-reply 10.0.1.2 → 10.0.1.254");
    expect(reply.traversals).toEqual([]);
    expect(reply.hooks).toEqual(["PREROUTING", "FORWARD", "POSTROUTING"]);
    expect(reply.rewrites.map((r) => `${r.manip} ${r.before.src} → ${r.before.dst} as ${r.after.src} → ${r.after.dst}`)).toEqual([
      "destination 10.0.1.2 → 10.0.1.254 as 10.0.1.2 → 10.0.0.1",
      "source 10.0.1.2 → 10.0.0.1 as 10.0.0.254 → 10.0.0.1",
    ]);
  });

  it("tells a packet for the host itself (INPUT) from the reply it sends (OUTPUT, POSTROUTING)", () => {
    const { world, from, to } = pinged("ip netns exec r iptables -A INPUT -p icmp -j ACCEPT\nip netns exec r iptables -A OUTPUT -j ACCEPT\n", "ping -c 1 -W 1 10.0.0.254");
    const passes = Array.from({ length: to - from }, (_, i) => netfilterPassAt(world, "r", from + i)).filter((p) => p !== null);
    // The last picture of the request, once it went as far as it goes.
    const delivered = passes.filter((p) => p.origin === "in").at(-1)!;
    expect(delivered).toMatchObject({ summary: "icmp echo-request 10.0.0.1 → 10.0.0.254", route: { decision: "local" } });
    expect(delivered.hooks).toEqual(["PREROUTING", "INPUT"]);
    expect(delivered.traversals.map((t) => `${t.hook} ${t.table} ${t.rule} ${t.verdict}`)).toEqual(["INPUT filter 1 ACCEPT"]);
    expect(delivered.outcome).toEqual({ kind: "delivered" });

    const answer = netfilterPassAt(world, "r", to - 1)!;
    expect(answer).toMatchObject({ origin: "local", summary: "icmp echo-reply 10.0.0.254 → 10.0.0.1", hooks: ["OUTPUT", "POSTROUTING"], outcome: { kind: "sent", device: "r0" } });
    expect(answer.traversals.map((t) => `${t.hook} ${t.table} ${t.rule}`)).toEqual(["OUTPUT filter 1"]);
  });

  it("sees no pass where frames are only bridged, and none for a host no packet reached", () => {
    const session = LabSession.create({ script: BRIDGE_LAB });
    ran(session.runCommand("ns1", "ping -c 1 -W 1 192.168.1.20"));
    const last = session.world.trace.length - 1;
    expect(netfilterPassAt(session.world, "root", last)).toBeNull();
    expect(netfilterPassAt(session.world, "ns2", last)).toMatchObject({ origin: "local", summary: "icmp echo-reply 192.168.1.20 → 192.168.1.10" });
    expect(netfilterPassAt(session.world, "nowhere", last)).toBeNull();
  });
});
