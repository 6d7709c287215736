/** The network programs of sim/apps as shell commands. */
import { ping } from "../../../apps/ping";
import { traceroute } from "../../../apps/traceroute";
import type { Command } from "../command";

export const pingCommand: Command = { name: "ping", run: (args, ctx) => ping(args, ctx) };
export const tracerouteCommand: Command = { name: "traceroute", run: (args, ctx) => traceroute(args, ctx) };
