/**
 * `ip netns list|add|delete|set|exec` (ip/ipnetns.c). A namespace is a file
 * under /run/netns, so its errors are file errors (exit 1); `exec` is handed
 * back to the shell once the parser has checked the namespace exists.
 */
import { printed, type CommandOutput } from "../command-output";
import { netnsAlreadyExists, netnsNotFoundForDelete } from "../ip-netns-parse";
import type { NetnsRequest } from "../ip-request";
import { cannotOpenNetns } from "../iproute-errors";
import { formatNetlinkError } from "../netlink-errors";
import { formatNetnsList } from "../netns-format";
import { namespaceOf, type CommandEnv, type CommandOutcome } from "./command-env";
import { setNsid } from "./nsid-table";
import { netnsViews } from "./views-from-model";

export function runIpNetns(request: NetnsRequest, env: CommandEnv): CommandOutcome {
  const { world } = env;
  switch (request.action) {
    case "list":
      return printed(formatNetnsList(netnsViews(world, namespaceOf(env))));
    case "add": {
      const made = world.netnsAdd(request.name);
      return made.ok ? printed("") : netnsAlreadyExists(request.name);
    }
    case "delete": {
      const gone = world.netnsDel(request.name);
      return gone.ok ? printed("") : netnsNotFoundForDelete(request.name);
    }
    case "set":
      return netnsSet(request.name, request.nsid, env);
    case "exec":
      return { kind: "netns-exec", netns: request.name, argv: request.argv };
  }
}

/** rtnl_net_newid's refusals, with their extended acks. */
function netnsSet(name: string, nsid: number | null, env: CommandEnv): CommandOutput {
  const target = env.world.namespace(name);
  if (target === undefined) return cannotOpenNetns(name);
  const result = setNsid(env.world, namespaceOf(env), target, nsid);
  if (result === "peer-has-id") return formatNetlinkError("EEXIST", "Peer netns already has a nsid assigned");
  if (result === "id-in-use") return formatNetlinkError("EEXIST", "The specified nsid is already used");
  return printed("");
}
