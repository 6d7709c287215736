/**
 * `ip netns exec NAME COMMAND…` (ip-netns(8)): runs the command inside the
 * named network namespace, seeing /etc/netns/NAME/* over /etc. iproute2
 * execs the command, so it keeps the caller's stdio. Messages and statuses
 * measured with iproute2 6.1.
 *
 * `withNetnsExec(ip)` gives an `ip` command that handles `netns exec` here
 * and passes every other use of `ip` to `ip` (shell/commands), or, until
 * that is wired in, refuses it plainly.
 */
import type { Program } from "../../../apps/process";
import type { Command, CommandContext, CommandRun } from "../command";

export function netnsExec(args: readonly string[], ctx: CommandContext): CommandRun {
  const [name, ...argv] = args;
  if (name === undefined) {
    ctx.stderr.write("No netns name specified\n");
    return 1;
  }
  if (argv.length === 0) {
    ctx.stderr.write("No command specified\n");
    return 1;
  }
  const netns = ctx.world.namespace(name);
  if (!netns || name === "") {
    ctx.stderr.write(`Cannot open network namespace "${name}": No such file or directory\n`);
    return 255;
  }
  const child = ctx.spawn(argv, { netns, netnsName: name, exec: true });
  if (!child) {
    ctx.stderr.write(`exec of "${argv[0]}" failed: No such file or directory\n`);
    return 1;
  }
  return (function* (): Program {
    return yield* child.program;
  })();
}

const isNetnsExec = (args: readonly string[]): boolean => args[0] === "netns" && args[1] === "exec";

export function withNetnsExec(ip?: Command): Command {
  return {
    name: "ip",
    // `ip netns exec` only runs its command (which answers for itself); every other `ip` may configure.
    onlyObserves: (args) => isNetnsExec(args) || (ip?.onlyObserves?.(args) ?? false),
    run(args, ctx) {
      if (isNetnsExec(args)) return netnsExec(args.slice(2), ctx);
      if (ip) return ip.run(args, ctx);
      ctx.stderr.write("ip: only `ip netns exec' is wired into the shell so far; this use of ip is not supported by this simulator\n");
      return 1;
    },
  };
}
