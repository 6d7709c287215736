import { describe, expect, it } from "vitest";
import { buildChain, pingAcross } from "./network.bench";

describe("network benchmark topology", () => {
  it("a ping crosses the whole chain and comes back, so the benchmark measures real forwarding", () => {
    const world = buildChain(12);
    const events = pingAcross(world, 12, 2);
    // Every hop forwards the request and the reply: events grow with the chain.
    const shorter = pingAcross(buildChain(6), 6, 2);
    expect(events).toBeGreaterThan(shorter);
  });
});
