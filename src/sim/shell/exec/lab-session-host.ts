/**
 * A terminal tab "in" a namespace: every command typed there runs as under
 * `ip netns exec NS bash` — in NS, seeing /etc/netns/NS/* over /etc
 * (ip-netns(8)) — while the shell itself (variables, `$?`, lookups and
 * bash's own messages) stays the tab's.
 *
 * The shell places a command in the initial namespace unless something
 * (`ip netns exec`) spawned it elsewhere; the registry here wraps each
 * command so that a command placed there is moved to NS. Children the
 * command spawns inherit NS, and an explicit `ip netns exec OTHER …` still
 * goes to OTHER.
 *
 * The shell's own redirections (`echo 1 > /proc/sys/…`) are opened by the
 * shell in the initial namespace; where that would give another file than
 * in NS — /proc/sys, or an /etc file NS overlays — the line is refused
 * plainly instead (see `refusedRedirection`).
 */
import { ROOT_NETNS, type World } from "../../world";
import { normalizePath, type FileSystem } from "../../world/filesystem";
import type { CommandLine } from "../ast";
import { expandRedirectTarget } from "../expand";
import type { Command, CommandContext } from "./command";
import { resolveHost, reverseLookup } from "./hosts-lookup";
import { CommandRegistry } from "./registry";

function inNamespace(command: Command, netnsName: string): Command {
  return {
    name: command.name,
    run(args, ctx) {
      const alreadyPlaced = ctx.netns !== ctx.world.root || ctx.view.netnsName !== undefined;
      if (alreadyPlaced) return command.run(args, ctx);
      const netns = ctx.world.namespace(netnsName);
      if (!netns) {
        // The tab's namespace was deleted: what `ip netns exec` says for a missing one.
        ctx.stderr.write(`Cannot open network namespace "${netnsName}": No such file or directory\n`);
        return 255;
      }
      const view = { netns, netnsName };
      const placed: CommandContext = {
        ...ctx,
        netns,
        view,
        resolveHost: (name) => resolveHost(ctx.fs, view, name),
        reverseLookup: (address) => reverseLookup(ctx.fs, view, address),
        spawn: (argv, options = {}) => ctx.spawn(argv, options.netns ? options : { ...options, netns, netnsName }),
      };
      return command.run(args, placed);
    },
  };
}

/** The registry a terminal in `netnsName` uses ("" — the root — gets `base` itself). */
export function registryForNamespace(base: CommandRegistry, netnsName: string): CommandRegistry {
  if (netnsName === ROOT_NETNS) return base;
  return new CommandRegistry(base.names().map((name) => inNamespace(base.get(name)!, netnsName)));
}

const REFUSED = "redirecting to this file from a namespace terminal is not supported by this simulator; use `ip netns exec` from root, or sysctl -w";

/**
 * The message for a line whose redirection would reach a different file in
 * the initial namespace than in `netnsName`; undefined when the line is fine.
 */
export function refusedRedirection(line: CommandLine, netnsName: string, world: World, fs: FileSystem, variables: ReadonlyMap<string, string>): string | undefined {
  if (netnsName === ROOT_NETNS) return undefined;
  const ctx = { variables: new Map(variables), lastExitStatus: 0, homeDirectory: "/root" };
  for (const item of line.items) {
    for (const pipeline of [item.andOr.first, ...item.andOr.rest.map((r) => r.pipeline)]) {
      for (const command of pipeline.commands) {
        for (const redirect of command.redirects) {
          if (redirect.op === "<<" || redirect.op === "<<-" || redirect.op === "<<<") continue;
          const target = expandRedirectTarget(redirect.target, ctx);
          if (!target.ok) continue;
          const path = normalizePath(target.value);
          const overlaid = path.startsWith("/etc/") && fs.kind(`/etc/netns/${netnsName}/${path.slice(5)}`, { netns: world.root }) === "file";
          if (path === "/proc/sys" || path.startsWith("/proc/sys/") || overlaid) return `${target.value}: ${REFUSED}`;
        }
      }
    }
  }
  return undefined;
}
