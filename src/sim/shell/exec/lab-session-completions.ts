/**
 * Tab completion for a lab terminal, in the spirit of bash-completion's
 * `ip` script: command names where a command starts (also after `|`, `&&`,
 * `ip netns exec NS`, `timeout N`), `ip` objects and their commands,
 * device names of the namespace the command will run in after `dev` (and
 * where `ip link set|del|show` takes one), bridge names after `master`,
 * namespace names after `netns exec|del`, `-n`/`-netns` and `netns` in
 * `ip link set`. Words are split on blanks; quoting is not interpreted.
 */
import type { World } from "../../world";
import { BridgeDevice } from "../../link";
import type { LabCompletion } from "./lab-session-types";

const IP_OBJECTS = ["address", "link", "neighbour", "netns", "route"];
const IP_COMMANDS: Record<string, readonly string[]> = {
  address: ["add", "del", "flush", "show"],
  link: ["add", "delete", "set", "show"],
  neighbour: ["add", "change", "del", "flush", "replace", "show"],
  netns: ["add", "delete", "exec", "list", "set"],
  route: ["add", "append", "change", "del", "flush", "get", "replace", "show"],
};
/** Abbreviations ip accepts, as its matches() does for the common ones. */
const OBJECT_ALIASES: Record<string, string> = { a: "address", addr: "address", l: "link", n: "neighbour", neigh: "neighbour", r: "route", ro: "route" };
const IP_LINK_SET_WORDS = ["address", "down", "master", "mtu", "name", "netns", "nomaster", "up"];
const BRIDGE_OBJECTS = ["fdb", "link"];
const SEPARATORS = new Set(["|", "||", "&&", ";", "&"]);
/** ip options that take an argument (`-n NS`, `-f inet`). */
const IP_OPTIONS_WITH_ARG = new Set(["-n", "-netns", "-f", "-family"]);

interface Context {
  readonly world: World;
  readonly commands: readonly string[];
  /** The namespace ("" root) the command being typed will run in. */
  readonly netns: string;
}

function devicesIn(world: World, netns: string, filter: "all" | "bridges" = "all"): string[] {
  const ns = world.namespace(netns);
  if (!ns) return [];
  return ns.devices.filter((d) => filter === "all" || d instanceof BridgeDevice).map((d) => d.name);
}

function namespaces(world: World): string[] {
  return world.netnsList();
}

/** Candidates for the word after `words` (the words of the current command before the cursor's word). */
function candidatesAfter(words: readonly string[], ctx: Context): string[] {
  if (words.length === 0) return [...ctx.commands];
  const [name, ...rest] = words;
  if (name === "timeout") return rest.length === 0 ? [] : candidatesAfter(rest.slice(1), ctx);
  if (name === "ip") return ipCandidates(rest, ctx);
  if (name === "bridge") return rest.length === 0 ? BRIDGE_OBJECTS : rest[rest.length - 1] === "dev" ? devicesIn(ctx.world, ctx.netns) : [];
  if (name === "ping" || name === "traceroute") return rest[rest.length - 1] === "-I" ? devicesIn(ctx.world, ctx.netns) : [];
  return [];
}

function ipCandidates(args: readonly string[], ctx: Context): string[] {
  let netns = ctx.netns;
  let i = 0;
  // Global options first (`ip -br -n ns1 addr`).
  while (i < args.length && args[i]!.startsWith("-")) {
    const option = args[i]!;
    if (IP_OPTIONS_WITH_ARG.has(option)) {
      if (i + 1 >= args.length) return option === "-n" || option === "-netns" ? namespaces(ctx.world) : ["inet", "inet6"];
      if (option === "-n" || option === "-netns") netns = args[i + 1]!;
      i += 2;
    } else {
      i += 1;
    }
  }
  const here: Context = { ...ctx, netns };
  if (i >= args.length) return IP_OBJECTS;
  const object = OBJECT_ALIASES[args[i]!] ?? IP_OBJECTS.find((o) => o.startsWith(args[i]!)) ?? args[i]!;
  const tail = args.slice(i + 1);
  if (tail.length === 0) return [...(IP_COMMANDS[object] ?? [])];
  const command = tail[0]!;
  const previous = tail[tail.length - 1]!;
  if (object === "netns") {
    if (command === "exec") {
      if (tail.length === 1) return namespaces(ctx.world);
      // After `ip netns exec NS`: a whole new command, run in NS.
      return candidatesAfter(tail.slice(2), { ...ctx, netns: tail[1]! });
    }
    return (command === "delete" || command === "del" || command === "set") && tail.length === 1 ? namespaces(ctx.world) : [];
  }
  if (previous === "dev") return devicesIn(ctx.world, netns);
  if (previous === "master") return devicesIn(ctx.world, netns, "bridges");
  if (previous === "netns") return namespaces(ctx.world);
  if (previous === "type") return ["bridge", "veth"];
  if (object === "link" && ["set", "delete", "del", "show"].includes(command)) {
    if (tail.length === 1) return devicesIn(here.world, netns);
    if (command === "set") return IP_LINK_SET_WORDS;
  }
  return object === "address" || object === "route" || object === "neighbour" ? ["dev"] : [];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Completions for `line` (the text before the cursor) typed in a terminal whose commands run in `netns`. */
export function complete(line: string, world: World, commands: readonly string[], netns: string): LabCompletion {
  const match = /(\S*)$/.exec(line)!;
  const from = match.index;
  const partial = match[1]!;
  const before = line.slice(0, from).split(/\s+/).filter((w) => w !== "");
  let start = 0;
  before.forEach((word, i) => {
    if (SEPARATORS.has(word)) start = i + 1;
  });
  const words = before.slice(start);
  const all = candidatesAfter(words, { world, commands, netns });
  const candidates = [...new Set(all.filter((c) => c.startsWith(partial)))].sort();
  return { from, candidates, common: candidates.length > 0 ? commonPrefix(candidates) : partial };
}
