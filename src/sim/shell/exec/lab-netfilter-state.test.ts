import { describe, expect, it } from "vitest";
import { LabSession } from "./lab-session";
import { ROUTER_LAB } from "./lab-session.fixtures";
import type { LabActionResult, LabIncomplete, LabState } from "./lab-session-types";

function ran(result: LabActionResult | LabIncomplete): LabActionResult {
  if ("incomplete" in result) throw new Error("unexpectedly incomplete");
  return result;
}

function netfilterOf(state: LabState, host: string) {
  return state.hosts.find((h) => h.host === host)!.netfilter;
}

function chainOf(state: LabState, host: string, table: string, chain: string) {
  return netfilterOf(state, host).tables.find((t) => t.name === table)!.chains.find((c) => c.name === chain)!;
}

/** `iptables -t TABLE -S CHAIN` typed in HOST's terminal, as lines. */
function printed(session: LabSession, host: string, table: string, chain: string): string[] {
  return ran(session.runCommand(host, `iptables -t ${table} -S ${chain}`)).step.stdout.split("\n").filter((line) => line !== "");
}

const FIREWALL = `${ROUTER_LAB}ip netns exec r iptables -A FORWARD -s 10.0.0.0/24 -p icmp -m icmp --icmp-type echo-request -m comment --comment "no pings, please" -j DROP
ip netns exec r iptables -t nat -A POSTROUTING -o r1 -j MASQUERADE
`;

describe("the netfilter snapshot of a lab state", () => {
  it("prints each chain and rule exactly as iptables -S does in the terminal", () => {
    const session = LabSession.create({ script: FIREWALL });
    const state = session.state();
    for (const [table, chain] of [["filter", "FORWARD"], ["nat", "POSTROUTING"], ["nat", "PREROUTING"], ["raw", "OUTPUT"]] as const) {
      const shown = chainOf(state, "r", table, chain);
      expect([shown.definition, ...shown.rules.map((rule) => rule.text)]).toEqual(printed(session, "r", table, chain));
    }
    expect(chainOf(state, "r", "filter", "FORWARD").rules[0]).toMatchObject({
      number: 1,
      conditions: '-s 10.0.0.0/24 -p icmp -m icmp --icmp-type 8 -m comment --comment "no pings, please"',
      target: "DROP",
    });
  });

  it("draws the kernel's path: each hook's tables in priority order", () => {
    const { hooks } = netfilterOf(LabSession.create({ script: ROUTER_LAB }).state(), "r");
    expect(hooks.map((h) => `${h.hook}: ${h.tables.map((t) => `${t.table}${t.manip ? ` (${t.manip === "source" ? "SNAT" : "DNAT"})` : ""} ${t.priority}`).join(", ")}`)).toEqual([
      "PREROUTING: raw -300, mangle -150, nat (DNAT) -100",
      "INPUT: mangle -150, filter 0, security 50, nat (SNAT) 100",
      "FORWARD: mangle -150, filter 0, security 50",
      "OUTPUT: raw -300, mangle -150, nat (DNAT) -100, filter 0, security 50",
      "POSTROUTING: mangle -150, nat (SNAT) 100",
    ]);
  });

  it("lists raw, mangle, nat and filter for every host, and marks only the base chains a command created as running", () => {
    const state = LabSession.create({ script: FIREWALL }).state();
    const r = netfilterOf(state, "r");
    expect(r.tables.map((t) => t.name)).toEqual(["filter", "nat", "mangle", "raw"]);
    const active = r.tables.flatMap((t) => t.chains.filter((c) => c.active).map((c) => `${t.name} ${c.name}`));
    expect(active).toEqual(["filter FORWARD", "nat POSTROUTING"]);
    // A host nothing wrote to: every built-in chain listed with policy ACCEPT, none running, no rules.
    const a = netfilterOf(state, "a");
    expect(a.tables.flatMap((t) => t.chains.map((c) => `${t.name} ${c.definition}`))).toContain("mangle -P FORWARD ACCEPT");
    expect(a.tables.every((t) => t.chains.every((c) => !c.active && c.rules.length === 0 && c.policy === "ACCEPT"))).toBe(true);
  });

  it("counts packets as of the moment asked: nothing before the ping, one dropped echo request after", () => {
    const session = LabSession.create({ script: FIREWALL });
    const ping = ran(session.runCommand("a", "ping -c 1 -W 1 10.0.1.2"));
    expect(ping.step.stdout).toContain("1 packets transmitted, 0 received");
    const first = session.stateAt(ping.events.from);
    expect(chainOf(first, "r", "filter", "FORWARD").rules[0]).toMatchObject({ packets: 0, bytes: 0 });
    const after = session.state();
    expect(chainOf(after, "r", "filter", "FORWARD").rules[0]).toMatchObject({ packets: 1, bytes: 84 });
    expect(ran(session.runCommand("r", "iptables -L FORWARD -v -x -n")).step.stdout).toMatch(/^ +1 +84 DROP /m);
  });

  it("follows the rules as commands change them: zeroed counters, a renamed chain, a new policy, the security table", () => {
    const session = LabSession.create({ script: FIREWALL });
    session.runCommand("a", "ping -c 1 -W 1 10.0.1.2");
    session.runCommand("r", "iptables -Z FORWARD");
    expect(chainOf(session.state(), "r", "filter", "FORWARD").rules[0]).toMatchObject({ packets: 0 });
    session.runCommand("r", "iptables -N pings");
    session.runCommand("r", "iptables -A pings -j DROP");
    session.runCommand("r", "iptables -E pings icmp-in");
    session.runCommand("r", "iptables -P INPUT DROP");
    session.runCommand("r", "iptables -t security -A INPUT -j ACCEPT");
    const state = session.state();
    expect(chainOf(state, "r", "filter", "icmp-in")).toMatchObject({ builtin: false, active: true, definition: "-N icmp-in" });
    expect(chainOf(state, "r", "filter", "icmp-in").rules.map((rule) => rule.text)).toEqual(["-A icmp-in -j DROP"]);
    expect(chainOf(state, "r", "filter", "INPUT")).toMatchObject({ policy: "DROP", definition: "-P INPUT DROP", active: true });
    expect(netfilterOf(state, "r").tables.map((t) => t.name)).toEqual(["filter", "nat", "mangle", "raw", "security"]);
  });
});
