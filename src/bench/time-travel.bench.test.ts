import { describe, expect, it } from "vitest";
import { pingStormReplay } from "./time-travel.bench";

describe("time-travel benchmark setup", () => {
  it("replays thousands of events, taking a state at every one, the last counting every ping's frames", () => {
    const { events, states } = pingStormReplay(true).run();
    expect(events).toBeGreaterThan(5_000);
    expect(states).toHaveLength(events);
    const last = states.at(-1)!;
    // h0 pings h11 50 times: 50 requests out of its veth and 50 replies in, besides the ARP frames.
    const h0 = last.hosts.find((h) => h.host === "h0")!.counters["if:h0/h0-v"]!;
    expect(h0.txPackets).toBeGreaterThanOrEqual(50);
    expect(h0.rxPackets).toBeGreaterThanOrEqual(50);
    expect(h0.txPackets).toBeLessThan(55);
  });

  it("the baseline runs the same action and takes no state", () => {
    const { events, states } = pingStormReplay(false).run();
    expect(events).toBeGreaterThan(5_000);
    expect(states).toHaveLength(0);
  });
});
