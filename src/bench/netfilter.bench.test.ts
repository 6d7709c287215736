import { describe, expect, it } from "vitest";
import { evaluateInput, firewallWithRules, natRouter, natTcpRouter } from "./netfilter.bench";

describe("netfilter benchmark setups", () => {
  it("the benchmark packet tries every rule and the policy accepts it, so each rule is really evaluated", () => {
    const fw = firewallWithRules(50);
    expect(evaluateInput(fw)).toBe(true);
    expect(evaluateInput(fw)).toBe(true);
    const input = fw.ns.netfilter.rules.list("filter").chains.find((c) => c.name === "INPUT")!;
    expect(input.rules).toHaveLength(50);
    expect(input.rules.every((rule) => rule.counters.packets === 0)).toBe(true);
  });

  it("every flow crosses the MASQUERADE router as a new connection with its own conntrack entry", () => {
    const router = natRouter(true);
    const before = router.arrivedAtWan();
    router.flows(30);
    expect(router.arrivedAtWan() - before).toBe(30);
    // The warm-up flow and the 30 measured ones.
    expect(router.conntrackEntries()).toBe(31);
  });

  it("without a NAT rule the router forwards the same flows and tracks nothing", () => {
    const router = natRouter(false);
    router.flows(30);
    expect(router.arrivedAtWan()).toBe(31);
    expect(router.conntrackEntries()).toBe(0);
  });

  it("every TCP connection completes its handshake through the MASQUERADE router and is tracked there", () => {
    const router = natTcpRouter(true);
    router.connections(20);
    expect(router.accepted()).toBe(20);
    expect(router.conntrackEntries()).toBe(20);
    const plain = natTcpRouter(false);
    plain.connections(20);
    expect(plain.accepted()).toBe(20);
    expect(plain.conntrackEntries()).toBe(0);
  });
});
