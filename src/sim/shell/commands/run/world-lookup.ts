/**
 * The parser's questions (IpLookup) answered from the world: a named
 * namespace exists when `ip netns add` made it; a device exists in the
 * namespace the command acts in (`-n NS` or the caller's).
 */
import type { IpLookup } from "../ip-lookup";
import type { CommandEnv } from "./command-env";

export function worldLookup(env: CommandEnv): IpLookup {
  return {
    netnsExists: (name) => name !== "" && env.world.namespace(name) !== undefined,
    deviceExists: (name, netns) => env.world.namespace(netns ?? env.netns)?.device(name) !== undefined,
  };
}
