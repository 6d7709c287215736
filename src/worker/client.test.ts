import { afterEach, describe, expect, it } from "vitest";
import { expose } from "comlink";
import { SimClient, SimCrashedError } from "./client";
import type { SimStatus } from "./client";
import { createSimApi } from "./local-api";

/**
 * A stand-in for a browser Worker in Node: the real simulator API served over
 * a real MessageChannel with comlink, which can be made to fail the way a
 * worker does (an `error` event, then silence).
 */
class ChannelWorker extends EventTarget {
  readonly port: MessagePort;
  terminated = false;
  private readonly inner: MessagePort;

  constructor(options: { hangOn?: string } = {}) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    const api = createSimApi(() => this.fail("crashForTesting"));
    const served = options.hangOn ? { ...api, [options.hangOn]: () => new Promise(() => undefined) } : api;
    expose(served, port2);
    port1.addEventListener("message", (event) => this.dispatchEvent(new MessageEvent("message", { data: (event as MessageEvent).data })));
    port1.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.port.postMessage(message, transfer);
  }

  terminate() {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }

  fail(message: string) {
    const event = new Event("error", { cancelable: true }) as Event & { message: string };
    Object.defineProperty(event, "message", { value: message });
    this.dispatchEvent(event);
  }
}

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
