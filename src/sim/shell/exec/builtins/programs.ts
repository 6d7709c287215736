/** The network programs of sim/apps as shell commands. */
import { nc } from "../../../apps/nc";
import { ping } from "../../../apps/ping";
import { traceroute } from "../../../apps/traceroute";
import type { World } from "../../../world";
import type { Command } from "../command";

const always = () => true;

export const pingCommand: Command = { name: "ping", run: (args, ctx) => ping(args, ctx), onlyObserves: always };
export const tracerouteCommand: Command = { name: "traceroute", run: (args, ctx) => traceroute(args, ctx), onlyObserves: always };

/**
 * Process ids for programs whose sockets `ss -p` / `netstat -p` name: the
 * shell has no process table, so each machine numbers them from a fixed
 * start, in the order they start (a rerun gives the same pids; the parity
 * facts normalise them anyway).
 */
const nextPid = new WeakMap<World, number>();
const FIRST_PID = 100;

export function allocatePid(world: World): number {
  const pid = nextPid.get(world) ?? FIRST_PID;
  nextPid.set(world, pid + 1);
  return pid;
}

export const ncCommand: Command = { name: "nc", run: (args, ctx) => nc(args, ctx, { pid: allocatePid(ctx.world) }), onlyObserves: always };
