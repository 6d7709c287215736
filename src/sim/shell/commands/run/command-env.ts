/**
 * What a command runner needs from the shell: the machine and the network
 * namespace the command runs in ("" is the initial one) — and what it gives
 * back: its output, or for `ip netns exec NS cmd…` the nested command for the
 * shell's executor to run inside NS (iproute2 execs it; its status is ours).
 */
import type { NetNamespace } from "../../../stack";
import type { World } from "../../../world";
import type { CommandOutput } from "../command-output";

export interface CommandEnv {
  readonly world: World;
  /** "" = the initial (root) namespace. */
  readonly netns: string;
}

export interface NetnsExec {
  readonly kind: "netns-exec";
  readonly netns: string;
  readonly argv: readonly string[];
}

export type CommandOutcome = CommandOutput | NetnsExec;

export function isNetnsExec(outcome: CommandOutcome): outcome is NetnsExec {
  return "kind" in outcome && outcome.kind === "netns-exec";
}

/** The namespace a command runs in; the shell only ever passes one that exists. */
export function namespaceOf(env: CommandEnv): NetNamespace {
  const ns = env.world.namespace(env.netns);
  if (ns === undefined) throw new Error(`no network namespace "${env.netns}"`);
  return ns;
}
