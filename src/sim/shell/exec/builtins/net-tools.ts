/**
 * `ip`, `bridge`, `sysctl`, `ipcalc` and the iptables tools as shell commands: the runners in
 * shell/commands do the work against the network model; this adapts their
 * output to the process's streams and runs `ip netns exec` forms the runner
 * hands back (an abbreviated `ip netns e NS cmd`, say) as a child.
 */
import type { Command, CommandContext } from "../command";
import { runBridge, runIp, runSysctl, isNetnsExec } from "../../commands/run";
import type { CommandEnv, CommandOutcome } from "../../commands/run";
import { runIpcalc } from "../../commands/ipcalc";
import { runNetstat } from "../../commands/netstat-command";
import { runSs } from "../../commands/ss-command";
import { runIptables, type IptablesNames } from "../../commands/run/run-iptables";
import { runIptablesRestore } from "../../commands/run/run-iptables-restore";
import { runIptablesSave } from "../../commands/run/run-iptables-save";
import type { AddressNames } from "../../commands/iptables";
import { ipv4FromOctets } from "../../../addr";
import { resolveHost, reverseLookup } from "../hosts-lookup";
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

/**
 * Debian's /etc/networks (getnetbyaddr), which `iptables -L` without -n
 * consults after /etc/hosts: "loopback" for 127.0.0.0, "link-local" for
 * 169.254.0.0.
 */
const NETWORKS: ReadonlyMap<number, string> = new Map([
  [ipv4FromOctets(127, 0, 0, 0), "loopback"],
  [ipv4FromOctets(169, 254, 0, 0), "link-local"],
]);

/** gethostbyaddr through the process's /etc/hosts, then getnetbyaddr; getaddrinfo through /etc/hosts (no name server answers). */
function iptablesNames(ctx: CommandContext): IptablesNames {
  const names: AddressNames = { addressName: (address) => reverseLookup(ctx.fs, ctx.view, address) ?? NETWORKS.get(address) ?? null };
  return {
    names,
    resolveHost: (name) => {
      const found = resolveHost(ctx.fs, ctx.view, name);
      return "address" in found ? [found.address] : [];
    },
  };
}

function written(ctx: CommandContext, outcome: { stdout: string; stderr: string; exit: number }): number {
  ctx.stdout.write(outcome.stdout);
  ctx.stderr.write(outcome.stderr);
  return outcome.exit;
}

export const iptablesCommand: Command = {
  name: "iptables",
  run: (args, ctx) => written(ctx, runIptables(args, { world: ctx.world, netns: ctx.netns.name }, iptablesNames(ctx))),
};

export const iptablesSaveCommand = fromRunner("iptables-save", runIptablesSave);

/** `iptables-restore < FILE`, a heredoc, or `iptables-restore FILE` read as this process sees the file system. */
export const iptablesRestoreCommand: Command = {
  name: "iptables-restore",
  run(args, ctx) {
    const input = {
      stdin: ctx.stdin,
      readFile: (path: string) => {
        const text = ctx.fs.read(path, ctx.view);
        return text.ok ? text.value : undefined;
      },
    };
    return written(ctx, runIptablesRestore(args, { world: ctx.world, netns: ctx.netns.name }, input, iptablesNames(ctx)));
  },
};

/** `ss` over the sockets of the process's namespace. */
export const ssCommand: Command = { name: "ss", run: (args, ctx) => written(ctx, runSs(args, ctx.netns)) };

/** `netstat`: host names come from the process's /etc/hosts (no name server answers). */
export const netstatCommand: Command = { name: "netstat", run: (args, ctx) => written(ctx, runNetstat(args, ctx.netns, (address) => ctx.reverseLookup(address))) };
