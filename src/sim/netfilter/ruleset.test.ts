import { describe, expect, it } from "vitest";
import { unwrap } from "../core";
import { cidr, ip } from "../world/test-helpers";
import { ACCEPT, DROP, jump, spec } from "./rule-builders";
import { Ruleset } from "./ruleset";

function errorOf<T>(result: { ok: true; value: T } | { ok: false; error: { kind: string } }): string | undefined {
  return result.ok ? undefined : result.error.kind;
}

describe("iptables operations and their errors (iptables 1.8.9 nf_tables, measured)", () => {
  it("lists built-in chains whether or not they exist, then user chains by name", () => {
    const rules = new Ruleset();
    for (const name of ["zeta", "alpha", "mid"]) unwrap(rules.newChain("filter", name));
    unwrap(rules.append("filter", "INPUT", spec({ j: jump("mid") })));
    const listing = rules.list("filter").chains;
    expect(listing.map((c) => [c.name, c.builtin ? c.policy : c.references])).toEqual([
      ["INPUT", "ACCEPT"], ["FORWARD", "ACCEPT"], ["OUTPUT", "ACCEPT"], ["alpha", 0], ["mid", 1], ["zeta", 0],
    ]);
    expect(rules.list("nat").chains.map((c) => c.name)).toEqual(["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"]);
  });

  it("refuses what iptables refuses", () => {
    const rules = new Ruleset();
    unwrap(rules.newChain("filter", "alpha"));
    expect(errorOf(rules.newChain("filter", "alpha"))).toBe("chain-exists");
    expect(errorOf(rules.newChain("filter", "INPUT"))).toBe("chain-exists");
    expect(errorOf(rules.delete("filter", "INPUT", 3))).toBe("bad-rule-number");
    expect(errorOf(rules.insert("filter", "INPUT", 5, spec({ j: ACCEPT })))).toBe("bad-rule-number");
    expect(errorOf(rules.delete("filter", "INPUT", spec({ s: cidr("1.2.3.4/32"), j: DROP })))).toBe("rule-not-found");
    expect(errorOf(rules.append("filter", "nochain", spec({ j: DROP })))).toBe("no-chain");
    expect(errorOf(rules.append("filter", "INPUT", spec({ j: jump("nochain") })))).toBe("no-target-chain");
    expect(errorOf(rules.setPolicy("filter", "alpha", "DROP"))).toBe("not-builtin-chain");
    expect(errorOf(rules.renameChain("filter", "INPUT", "x"))).toBe("builtin-chain");
    expect(errorOf(rules.append("filter", "OUTPUT", spec({ i: "eth0", j: DROP })))).toBe("interface-not-allowed");
    expect(errorOf(rules.newChain("filter", "a-name-that-is-far-too-long-for-x"))).toBe("invalid-chain-name");
    // A refused rule leaves nothing behind.
    expect(rules.list("filter").chains.every((c) => c.rules.length === 0)).toBe(true);
  });

  it("a busy chain cannot be deleted; -X with no name deletes all or none", () => {
    const rules = new Ruleset();
    for (const name of ["zeta", "alpha", "mid"]) unwrap(rules.newChain("filter", name));
    unwrap(rules.append("filter", "INPUT", spec({ j: jump("mid") })));
    expect(errorOf(rules.deleteChain("filter", "mid"))).toBe("chain-in-use");
    unwrap(rules.append("filter", "mid", spec({ j: ACCEPT })));
    unwrap(rules.flush("filter", "INPUT"));
    expect(errorOf(rules.deleteChain("filter", "mid"))).toBe("chain-not-empty");
    expect(errorOf(rules.deleteChain("filter"))).toBe("chain-not-empty");
    expect(rules.list("filter").chains.map((c) => c.name)).toContain("alpha");
    unwrap(rules.flush("filter"));
    unwrap(rules.deleteChain("filter"));
    expect(rules.list("filter").chains.map((c) => c.name)).toEqual(["INPUT", "FORWARD", "OUTPUT"]);
    // An empty built-in chain can be "deleted" (nft drops the base chain; it comes back, policy ACCEPT).
    unwrap(rules.setPolicy("filter", "INPUT", "DROP"));
    unwrap(rules.deleteChain("filter", "INPUT"));
    expect(rules.list("filter").chains[0]!.policy).toBe("ACCEPT");
  });

  it("a jump loop is refused only when a built-in chain reaches it", () => {
    const rules = new Ruleset();
    unwrap(rules.newChain("filter", "a"));
    unwrap(rules.newChain("filter", "b"));
    unwrap(rules.append("filter", "a", spec({ j: jump("b") })));
    unwrap(rules.append("filter", "b", spec({ j: jump("a") })));
    expect(errorOf(rules.append("filter", "INPUT", spec({ j: jump("a") })))).toBe("loop");
    expect(rules.list("filter").chains[0]!.rules).toEqual([]);
  });

  it("targets outside their table or hooks are refused, and the kernel says why", () => {
    const log: string[] = [];
    const rules = new Ruleset((line) => log.push(line));
    const dnat = { kind: "DNAT", to: { minAddress: ip("1.2.3.4"), maxAddress: ip("1.2.3.4") } } as const;
    expect(errorOf(rules.append("filter", "INPUT", spec({ j: dnat })))).toBe("target-not-allowed");
    expect(errorOf(rules.append("nat", "POSTROUTING", spec({ j: dnat })))).toBe("target-not-allowed");
    expect(errorOf(rules.append("nat", "PREROUTING", spec({ j: { kind: "REJECT", with: "icmp-port-unreachable" } })))).toBe("target-not-allowed");
    // Through a user chain: the hooks that reach it count.
    unwrap(rules.newChain("nat", "fwd"));
    unwrap(rules.append("nat", "fwd", spec({ j: dnat })));
    expect(errorOf(rules.append("nat", "POSTROUTING", spec({ j: jump("fwd") })))).toBe("target-not-allowed");
    unwrap(rules.append("nat", "PREROUTING", spec({ j: jump("fwd") })));
    expect(log).toEqual([
      "x_tables: ip_tables: DNAT target: only valid in nat table, not filter",
      "x_tables: ip_tables: DNAT target: used from hooks POSTROUTING, but only usable from PREROUTING/OUTPUT",
      "x_tables: ip_tables: REJECT target: only valid in filter table, not nat",
      "x_tables: ip_tables: DNAT target: used from hooks POSTROUTING, but only usable from PREROUTING/OUTPUT",
    ]);
  });

  it("-D by spec removes the first equal rule, addresses compared after masking", () => {
    const rules = new Ruleset();
    unwrap(rules.append("filter", "INPUT", spec({ s: cidr("10.0.0.5/24"), j: DROP })));
    unwrap(rules.append("filter", "INPUT", spec({ s: cidr("10.0.0.0/24"), p: "tcp", j: DROP })));
    expect(rules.list("filter").chains[0]!.rules[0]!.source!.cidr).toEqual(cidr("10.0.0.0/24"));
    unwrap(rules.check("filter", "INPUT", spec({ s: cidr("10.0.0.9/24"), j: DROP })));
    unwrap(rules.delete("filter", "INPUT", spec({ s: cidr("10.0.0.1/24"), j: DROP })));
    expect(rules.list("filter").chains[0]!.rules.map((r) => r.protocol?.protocol)).toEqual([6]);
  });

  it("renaming a chain carries the jumps to it along", () => {
    const rules = new Ruleset();
    unwrap(rules.newChain("filter", "old"));
    unwrap(rules.append("filter", "INPUT", spec({ j: jump("old") })));
    unwrap(rules.renameChain("filter", "old", "new"));
    expect(rules.list("filter").chains[0]!.rules[0]!.target).toEqual(jump("new"));
    expect(rules.list("filter").chains.find((c) => c.name === "new")!.references).toBe(1);
  });

  it("-Z zeroes counters of one chain or the table", () => {
    const rules = new Ruleset();
    unwrap(rules.append("filter", "INPUT", spec({ j: ACCEPT }), { packets: 5, bytes: 500 }));
    unwrap(rules.append("filter", "OUTPUT", spec({ j: ACCEPT }), { packets: 7, bytes: 700 }));
    unwrap(rules.zero("filter", "INPUT"));
    expect(rules.list("filter").chains.map((c) => c.rules[0]?.counters.packets)).toEqual([0, undefined, 7]);
    unwrap(rules.zero("filter"));
    expect(rules.list("filter").chains[2]!.rules[0]!.counters).toEqual({ packets: 0, bytes: 0 });
  });
});
