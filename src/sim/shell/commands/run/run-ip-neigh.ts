/**
 * `ip neighbour add|replace|change|delete|show|flush` against the model.
 */
import { readIproute2Ipv4 } from "../iproute-address";
import type { NeighbourState } from "../../../core";
import { printed, type CommandOutput } from "../command-output";
import type { IpGlobalOptions, NeighModifyRequest, NeighRequest, NeighShowRequest } from "../ip-request";
import { formatNeighs, selectNeighs } from "../neigh-format";
import { KERNEL_REFUSALS } from "../netlink-errors";
import { unsupportedWord } from "../unsupported";
import { namespaceOf, type CommandEnv } from "./command-env";
import { kernelErrorOutput } from "./kernel-error-output";
import { neighView } from "./views-from-model";

export function runIpNeigh(request: NeighRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  switch (request.action) {
    case "add":
    case "replace":
    case "change":
    case "delete":
      return neighModify(request, env);
    case "show":
      return options.family === "inet6" ? printed("") : printed(formatNeighs(views(env), request, options));
    case "flush":
      return neighFlush(request, env);
  }
}

function views(env: CommandEnv) {
  return namespaceOf(env).neigh.visible().map(neighView);
}

function neighModify(request: NeighModifyRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  if (request.action === "delete") {
    const deleted = ns.neighDel(request.dev, request.dst);
    return deleted.ok ? printed("") : kernelErrorOutput(deleted.error);
  }
  if (request.nud === "none") return unsupportedWord("ip neighbour", "nud none");
  const state = request.nud.toUpperCase() as NeighbourState;
  const dev = ns.device(request.dev)!;
  const exists = ns.neigh.get(dev, request.dst) !== undefined;
  // NLM_F_REPLACE without NLM_F_CREATE: the entry must exist.
  if (request.action === "change" && !exists) return KERNEL_REFUSALS.neighMissing;
  const set = ns.neighSet(request.dev, request.dst, request.lladdr, state, request.action === "add" ? "add" : "replace");
  return set.ok ? printed("") : kernelErrorOutput(set.error);
}

/** iproute2 lists what the filter covers and deletes each entry. */
function neighFlush(request: NeighShowRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  for (const view of selectNeighs(views(env), request)) {
    const ip = readIproute2Ipv4(view.dst);
    if (ip !== null) ns.neighDel(view.dev, ip);
  }
  return printed("");
}
