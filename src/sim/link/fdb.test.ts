import { describe, expect, it } from "vitest";
import { EventQueue, seconds } from "../core";
import type { MacAddress } from "../wire";
import { Fdb } from "./fdb";
import type { NetDevice } from "./device";

describe("bridge FDB", () => {
  it("forgets a learned MAC after 300 s without traffic, keeps it while refreshed", () => {
    const queue = new EventQueue();
    const fdb = new Fdb(queue.clock);
    const port = { name: "v1" } as NetDevice;
    const mac = "02:00:00:00:00:01" as MacAddress;
    fdb.learn(mac, port);
    queue.runUntil(seconds(299));
    expect(fdb.lookup(mac)).toBe(port);
    fdb.learn(mac, port);
    queue.runUntil(seconds(599));
    expect(fdb.lookup(mac)).toBe(port);
    queue.runUntil(seconds(600));
    expect(fdb.lookup(mac)).toBeUndefined();
    expect(fdb.entries()).toEqual([]);
  });
});
