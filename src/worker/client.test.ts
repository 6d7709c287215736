import { afterEach, describe, expect, it } from "vitest";
import { SimClient, SimCrashedError } from "./client";
import type { SimStatus } from "./client";
import { ChannelWorker } from "./channel-worker.test-support";

describe("SimClient", () => {
  const clients: SimClient[] = [];
  const made: ChannelWorker[] = [];
  afterEach(() => {
    clients.splice(0).forEach((c) => c.dispose());
    made.splice(0);
  });

  function client(options: ConstructorParameters<typeof ChannelWorker>[0] = {}) {
    const c = new SimClient(() => {
      const worker = new ChannelWorker(options);
      made.push(worker);
      return worker as unknown as Worker;
    });
    clients.push(c);
    return c;
  }

  it("starts the worker only when first used", async () => {
    const c = client();
    expect(made).toHaveLength(0);
    expect(c.currentStatus).toBe("idle");
    const facts = await c.api.describeSubnet("10.1.2.3/16", { cloud: false });
    expect(made).toHaveLength(1);
    expect(facts.ok && facts.value.network).toBe("10.1.0.0");
  });

  it("reports ready once the worker answers", async () => {
    const c = client();
    const statuses: SimStatus[] = [];
    c.on("status", (s) => statuses.push(s));
    await c.api.hello();
    await new Promise((r) => setTimeout(r, 0));
    expect(statuses).toEqual(["starting", "ready"]);
  });

  it("rejects in-flight calls when the worker crashes, restarts it, and keeps working", async () => {
    const c = client({ hangOn: "planBorrow" });
    const restarts: number[] = [];
    c.on("restarted", (n) => restarts.push(n));
    const inFlight = c.api.planBorrow("211.168.83.0", 5);
    await c.api.hello();
    made[0]!.fail("boom");
    await expect(inFlight).rejects.toBeInstanceOf(SimCrashedError);
    expect(made[0]!.terminated).toBe(true);
    expect(restarts).toEqual([1]);
    const after = await c.api.describeSubnet("192.168.1.9/24", { cloud: false });
    expect(after.ok && after.value.broadcast).toBe("192.168.1.255");
    expect(made).toHaveLength(2);
  });

  it("survives the simulator's own crash request", async () => {
    const c = client();
    await c.api.crashForTesting().catch(() => undefined);
    expect(c.restartCount).toBe(1);
    expect((await c.api.hello())).toBe("wirebook-sim");
  });
});
