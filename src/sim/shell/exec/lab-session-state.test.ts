import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../core";
import { World } from "../../world";
import { defaultRegistry } from "./default-registry";
import { LabMachine, scriptActions } from "./lab-session-machine";
import { ROUTER_LAB } from "./lab-session.fixtures";
import { followStates, StateSnapshots, TraceCounters } from "./lab-session-state";
import type { LabState } from "./lab-session-types";

/**
 * Runs `script` and takes the state at every event twice: as time travel takes it (followStates,
 * reusing what the ConfigWatch says cannot have changed, and unchanged hosts' tables), and from
 * scratch (a new StateSnapshots without a watch, reusing nothing).
 */
function statesBothWays(script: string): { reused: LabState[]; fresh: LabState[] } {
  const world = new World({ seed: 5 });
  const machine = new LabMachine(world, defaultRegistry(), "lab.lab");
  const eventAt = (seq: number): TraceEvent | undefined => world.trace.at(seq);
  const reused: LabState[] = [];
  const fresh: LabState[] = [];
  followStates(world, machine.watch, (event, state) => {
    reused.push(state);
    const own = new TraceCounters();
    own.advance(event + 1, eventAt);
    fresh.push(new StateSnapshots(world, own).take(event));
  });
  for (const action of scriptActions(script, "script")) machine.apply(action);
  return { reused, fresh };
}

describe("StateSnapshots", () => {
  it("a state that reuses parts is the state built from scratch, at every event: pings running while commands change links and routes", () => {
    const script = `${ROUTER_LAB}
ip netns exec a ping -c 6 -i 0.2 10.0.1.2 > /dev/null &
sleep 0.5
ip netns exec r ip link set r1 down
sleep 0.3
ip netns exec r ip link set r1 up
ip netns exec b ip route del default
timeout 1 ip netns exec a ping -i 0.2 10.0.1.2
ip netns exec b ip route add default via 10.0.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=0
ip netns exec a ping -c 2 -W 1 10.0.1.2
echo 1 > /proc/sys/net/ipv4/ip_forward
ip netns exec r traceroute -n -q 1 -w 1 10.0.1.2
`;
    const { reused, fresh } = statesBothWays(script);
    expect(reused.length).toBeGreaterThan(100);
    // Routes, links and forwarding did change along the way, so a stale reuse would show.
    const routesOfB = new Set(fresh.map((state) => state.hosts.find((h) => h.host === "b")!.routes.join("|")));
    expect(routesOfB.size).toBeGreaterThan(1);
    reused.forEach((state, i) => expect(state, `event ${i}`).toEqual(fresh[i]));
  });

  it("hands out the same tables object for a host no event touched, and a new one when a frame counted there", () => {
    const { reused } = statesBothWays(`${ROUTER_LAB}\nip netns exec a ping -c 1 10.0.1.2\n`);
    const hostAt = (i: number, host: string) => reused[i]!.hosts.find((h) => h.host === host)!;
    const first = reused.findIndex((_, i) => Object.keys(hostAt(i, "a").counters).length > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    // The first frame leaves a: b's tables are the ones of the state before.
    expect(hostAt(first, "b")).toBe(hostAt(first - 1, "b"));
    expect(hostAt(first, "a")).not.toBe(hostAt(first - 1, "a"));
  });
});
