/**
 * `ip netns …` (iproute2 ip/ipnetns.c). With no command it lists. A name is
 * checked before the command is even recognised: it may not be empty, ".",
 * ".." or contain "/" (it becomes a file under /run/netns).
 */
import { failed } from "./command-output";
import { cannotOpenNetns, IP_EXIT_USAGE, unknownCommand } from "./iproute-errors";
import type { NetnsRequest } from "./ip-request";
import type { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";

/** ipnetns.c's test order: `ip netns s` is show (a list), `ip netns se` is set. */
const NETNS_COMMANDS = ["list", "show", "lst", "list-id", "help", "add", "set", "delete", "identify", "pids", "exec", "monitor", "attach"] as const;

export function invalidNetnsName(name: string): boolean {
  return name === "" || name === "." || name === ".." || name.includes("/");
}

export function parseNetns(scope: IpScope): NetnsRequest {
  const { args } = scope;
  if (args.done) return { object: "netns", action: "list" };
  const word = args.take();
  const name = args.done ? undefined : args.peek();
  if (name !== undefined && invalidNetnsName(name)) scope.stop(failed(`Invalid netns name "${name}"\n`, IP_EXIT_USAGE));
  const command = firstMatch(word, NETNS_COMMANDS);
  switch (command) {
    case "list":
    case "show":
    case "lst":
      // netns_list ignores any further words.
      return { object: "netns", action: "list" };
    case "add":
      return { object: "netns", action: "add", name: requireName(scope) };
    case "delete":
      return { object: "netns", action: "delete", name: requireName(scope) };
    case "set":
      return parseSet(scope);
    case "exec": {
      const target = requireName(scope);
      if (!scope.lookup.netnsExists(target)) scope.stop(cannotOpenNetns(target));
      if (args.done) scope.stop(failed("No command specified\n", 1));
      return { object: "netns", action: "exec", name: target, argv: args.rest() };
    }
    case undefined:
      return scope.stop(unknownCommand(word, "netns"));
    default:
      return scope.unsupported(word);
  }
}

function requireName(scope: IpScope): string {
  if (scope.args.done) scope.stop(failed("No netns name specified\n", 1));
  return scope.args.take();
}

function parseSet(scope: IpScope): NetnsRequest {
  const name = requireName(scope);
  if (scope.args.done) scope.stop(failed("No nsid specified\n", 1));
  const text = scope.args.take();
  if (text === "auto") return { object: "netns", action: "set", name, nsid: null };
  const nsid = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(nsid) || nsid > 0x7fffffff) scope.stop(failed(`Invalid "netnsid" value\n`, IP_EXIT_USAGE));
  return { object: "netns", action: "set", name, nsid };
}

/* The texts ip netns prints when the namespace files say no (exit 1 each). */

export function netnsAlreadyExists(name: string) {
  return failed(`Cannot create namespace file "/run/netns/${name}": File exists\n`, 1);
}

export function netnsNotFoundForDelete(name: string) {
  return failed(`Cannot remove namespace file "/run/netns/${name}": No such file or directory\n`, 1);
}

/** `ip netns exec NS cmd` when cmd is not a program the machine has. */
export function netnsExecFailed(program: string) {
  return failed(`exec of "${program}" failed: No such file or directory\n`, 1);
}
