/**
 * `bridge link [show] [dev D]` and `bridge fdb [show] [br B] [dev D]`
 * against the model.
 */
import { BridgeDevice } from "../../../link";
import { parseBridge, formatBridgePorts, formatFdb, type BridgeRequest } from "../bridge-command";
import { printed, type CommandOutput } from "../command-output";
import { namespaceOf, type CommandEnv } from "./command-env";
import { bridgePortView, fdbViews } from "./views-from-model";
import { worldLookup } from "./world-lookup";

/** argv without the program name. */
export function runBridge(argv: readonly string[], env: CommandEnv): CommandOutput {
  const parsed = parseBridge(argv, worldLookup(env));
  if (parsed.kind === "answered") return parsed.output;
  return executeBridge(parsed.request, env);
}

export function executeBridge(request: BridgeRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  if (request.object === "link") {
    const ports = ns.devices
      .filter((d) => d.master?.device instanceof BridgeDevice)
      .filter((d) => request.dev === null || d.name === request.dev)
      .map((d) => bridgePortView(d, ns));
    return printed(formatBridgePorts(ports));
  }
  const { br, dev } = request;
  const entries = fdbViews(ns).filter((e) => {
    if (dev !== null && e.dev !== dev) return false;
    if (br === null) return true;
    const owner = ns.device(e.dev);
    return e.dev === br || owner?.master?.device.name === br;
  });
  return printed(formatFdb(entries, dev));
}
