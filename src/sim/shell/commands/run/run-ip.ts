/**
 * `ip …` against the model: parse with the front end (../ip-parse), execute
 * the typed request in the namespace the command runs in (`-n NS` switches
 * first, as iproute2's netns_switch does), print with the front end's
 * formatters. `ip netns exec NS cmd…` goes back to the shell, which runs the
 * nested command inside NS.
 */

import { parseIp } from "../ip-parse";
import type { IpRequest } from "../ip-request";
import type { CommandEnv, CommandOutcome } from "./command-env";
import { runIpAddr } from "./run-ip-addr";
import { runIpLink } from "./run-ip-link";
import { runIpNeigh } from "./run-ip-neigh";
import { runIpNetns } from "./run-ip-netns";
import { runIpRoute } from "./run-ip-route";
import { worldLookup } from "./world-lookup";

/** argv without the program name: `["-n", "ns1", "addr", "show"]`. */
export function runIp(argv: readonly string[], env: CommandEnv): CommandOutcome {
  const parsed = parseIp(argv, worldLookup(env));
  if (parsed.kind === "answered") return parsed.output;
  return executeIp(parsed.request, env);
}

export function executeIp(request: IpRequest, env: CommandEnv): CommandOutcome {
  const here: CommandEnv = request.options.netns === null ? env : { world: env.world, netns: request.options.netns };
  const { command, options } = request;
  switch (command.object) {
    case "netns":
      return runIpNetns(command, here);
    case "link":
      return runIpLink(command, options, here);
    case "address":
      return runIpAddr(command, options, here);
    case "route":
      return runIpRoute(command, options, here);
    case "neighbour":
      return runIpNeigh(command, options, here);
  }
}


