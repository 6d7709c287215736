/**
 * `ip`, `bridge`, `sysctl` and `ipcalc` as shell commands: the runners in
 * shell/commands do the work against the network model; this adapts their
 * output to the process's streams and runs `ip netns exec` forms the runner
 * hands back (an abbreviated `ip netns e NS cmd`, say) as a child.
 */
import type { Command, CommandContext } from "../command";
import { runBridge, runIp, runSysctl, isNetnsExec } from "../../commands/run";
import type { CommandEnv, CommandOutcome } from "../../commands/run";
import { runIpcalc } from "../../commands/ipcalc";
import { netnsExec } from "./netns-exec";

type Runner = (args: readonly string[], env: CommandEnv) => CommandOutcome;

function fromRunner(name: string, runner: Runner): Command {
  return {
    name,
    run(args, ctx: CommandContext) {
      const outcome = runner(args, { world: ctx.world, netns: ctx.netns.name });
      if (isNetnsExec(outcome)) return netnsExec([outcome.netns, ...outcome.argv], ctx);
      ctx.stdout.write(outcome.stdout);
      ctx.stderr.write(outcome.stderr);
      return outcome.exit;
    },
  };
}

export const ipCommand = fromRunner("ip", runIp);
export const bridgeCommand = fromRunner("bridge", runBridge);
export const sysctlCommand = fromRunner("sysctl", runSysctl);
export const ipcalcCommand = fromRunner("ipcalc", (args) => runIpcalc(args));
