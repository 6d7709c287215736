/**
 * What an `ip` or `bridge` command line asks for: its options, object and verb,
 * resolved the way iproute2 resolves abbreviations — the first entry of its
 * command table that starts with the typed word (ip/ip.c `cmds[]`, lib/utils.c
 * `matches()`), so `ip a` is `ip address` and `ip n` is `ip neighbor`.
 */
import type { SimpleCommand } from "./command-line";

export type IpObject = "address" | "route" | "neighbor" | "link" | "netns" | "other";
export type BridgeObject = "fdb" | "link" | "other";

export interface IpInvocation {
  program: "ip";
  /** Global options as typed, e.g. "-br", "-o", "-4". */
  options: string[];
  object: IpObject | undefined;
  /** The verb, undefined when omitted (iproute2 then lists). */
  verb: string | undefined;
  args: string[];
}

export interface BridgeInvocation {
  program: "bridge";
  options: string[];
  object: BridgeObject | undefined;
  verb: string | undefined;
  args: string[];
}

/** ip/ip.c's command table, in its order, so prefixes resolve as in iproute2 6.1. */
const IP_OBJECTS = [
  ["address", "address"], ["addrlabel", "other"], ["maddress", "other"], ["route", "route"], ["rule", "other"],
  ["neighbor", "neighbor"], ["neighbour", "neighbor"], ["ntable", "other"], ["ntbl", "other"], ["link", "link"],
  ["l2tp", "other"], ["fou", "other"], ["ila", "other"], ["macsec", "other"], ["tunnel", "other"], ["tuntap", "other"],
  ["tap", "other"], ["token", "other"], ["tcpmetrics", "other"], ["tcp_metrics", "other"], ["monitor", "other"],
  ["xfrm", "other"], ["mroute", "other"], ["mrule", "other"], ["netns", "netns"], ["netconf", "other"],
] as const satisfies readonly (readonly [string, IpObject])[];

const BRIDGE_OBJECTS = [["link", "link"], ["fdb", "fdb"], ["mdb", "other"], ["vlan", "other"], ["monitor", "other"]] as const;

/** ip(8) global options that take a value. */
const OPTIONS_WITH_VALUE = new Set(["-n", "-netns", "-b", "-batch", "-rc", "-rcvbuf", "-l", "-loops", "-f", "-family"]);

function splitOptions(words: readonly string[]): { options: string[]; rest: string[] } {
  const options: string[] = [];
  let i = 0;
  while (i < words.length && words[i]!.startsWith("-")) {
    const option = words[i]!;
    options.push(option);
    i += OPTIONS_WITH_VALUE.has(option) ? 2 : 1;
  }
  return { options, rest: words.slice(i) };
}

function resolve<T extends string>(table: readonly (readonly [string, T])[], word: string | undefined): T | undefined {
  if (word === undefined) return undefined;
  return table.find(([name]) => name.startsWith(word))?.[1] ?? ("other" as T);
}

/** Reads `ip …` or `bridge …`; undefined for any other program. */
export function readIpInvocation(command: SimpleCommand): IpInvocation | BridgeInvocation | undefined {
  const [program, ...words] = command;
  if (program !== "ip" && program !== "bridge") return undefined;
  const { options, rest } = splitOptions(words);
  const [objectWord, verb, ...args] = rest;
  if (program === "ip") return { program, options, object: resolve(IP_OBJECTS, objectWord), verb, args };
  return { program, options, object: resolve(BRIDGE_OBJECTS, objectWord), verb, args };
}

/** True when the verb lists (`show`, `list`, `lst` or their prefixes, or none at all). */
export function isListingVerb(verb: string | undefined): boolean {
  if (verb === undefined) return true;
  return ["show", "list", "lst"].some((v) => v.startsWith(verb));
}

/** True for `ip route get`. */
export function isRouteGet(invocation: IpInvocation | BridgeInvocation): boolean {
  return invocation.program === "ip" && invocation.object === "route" && invocation.verb !== undefined && "get".startsWith(invocation.verb);
}

/** True when any of the options is one of the names given (ip accepts `-br`, `-brief`, `-o`, `-oneline`…). */
export function hasOption(invocation: IpInvocation | BridgeInvocation, ...names: string[]): boolean {
  return invocation.options.some((o) => names.includes(o));
}
