/**
 * `ip neighbour …` (iproute2 ip/ipneigh.c). add/change/replace default to
 * NUD_PERMANENT; show hides NOARP entries unless asked; flush leaves
 * PERMANENT and NOARP entries alone unless asked.
 */
import type { Ipv4Address, Ipv4Cidr } from "../../addr";
import { parseMac, type MacAddress } from "../../wire/mac-address";
import { failed } from "./command-output";
import { garbage, invalidAddress, invalidArgument, invalidLladdr, invalidPrefix, IP_EXIT_USAGE, unknownCommand } from "./iproute-errors";
import { looksIpv6, readIproute2Ipv4, readIproute2Prefix } from "./iproute-address";
import type { NeighModifyRequest, NeighRequest, NudState } from "./ip-request";
import type { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";

/** ipneigh.c's test order. */
const NEIGH_COMMANDS = ["add", "change", "chg", "replace", "delete", "list", "show", "lst", "get", "flush", "help"] as const;

export const ALL_NUD_STATES: readonly NudState[] = ["permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay", "probe", "failed"];

/** ipneigh.c: show's default is every state but NOARP (and NONE). */
const SHOW_DEFAULT = ALL_NUD_STATES.filter((s) => s !== "noarp" && s !== "none");
/** flush's default also spares PERMANENT. */
const FLUSH_DEFAULT = SHOW_DEFAULT.filter((s) => s !== "permanent");

function readNud(text: string): NudState | null {
  return ALL_NUD_STATES.find((s) => s === text) ?? null;
}

export function parseNeigh(scope: IpScope): NeighRequest {
  const { args } = scope;
  if (args.done) return { object: "neighbour", action: "show", dev: null, to: null, states: new Set(SHOW_DEFAULT) };
  const word = args.take();
  switch (firstMatch(word, NEIGH_COMMANDS)) {
    case "add":
      return parseModify(scope, "add");
    case "change":
    case "chg":
      return parseModify(scope, "change");
    case "replace":
      return parseModify(scope, "replace");
    case "delete":
      return parseModify(scope, "delete");
    case "list":
    case "show":
    case "lst":
      return parseShow(scope, "show");
    case "flush":
      if (args.done) scope.stop(failed("Flush requires arguments.\n", 1));
      return parseShow(scope, "flush");
    case undefined:
      return scope.stop(unknownCommand(word, "neigh"));
    default:
      return scope.unsupported(word);
  }
}

function parseModify(scope: IpScope, action: NeighModifyRequest["action"]): NeighRequest {
  const { args } = scope;
  let dst: Ipv4Address | null = null;
  let dev: string | null = null;
  let lladdrText: string | null = null;
  let nud: NudState = "permanent";
  while (!args.done) {
    const word = args.take();
    if (word === "lladdr") lladdrText = scope.value();
    else if (word === "nud") {
      const text = scope.value();
      const state = readNud(text);
      if (state === null) scope.stop(invalidArgument(text, "nud state is bad"));
      nud = state;
    } else if (word === "dev") dev = scope.value();
    else if (["proxy", "router", "extern_learn", "use", "managed", "protocol", "master", "vrf"].includes(word)) scope.unsupported(word);
    else {
      const text = word === "to" ? scope.value() : word;
      if (dst !== null) scope.stop(garbage("to", text));
      if (looksIpv6(text)) scope.unsupported(text);
      dst = readIproute2Ipv4(text);
      if (dst === null) scope.stop(invalidAddress(text));
    }
  }
  if (dev === null || dst === null) return scope.stop(failed("Device and destination are required arguments.\n", IP_EXIT_USAGE));
  let lladdr: MacAddress | null = null;
  if (lladdrText !== null) {
    const mac = parseMac(lladdrText);
    if (!mac.ok) return scope.stop(invalidLladdr(lladdrText));
    lladdr = mac.value;
  }
  scope.requireDevice(dev);
  return { object: "neighbour", action, dst, dev, lladdr, nud };
}

function parseShow(scope: IpScope, action: "show" | "flush"): NeighRequest {
  const { args } = scope;
  let dev: string | null = null;
  let to: Ipv4Cidr | null = null;
  let states: Set<NudState> | null = null;
  while (!args.done) {
    const word = args.take();
    if (word === "dev") {
      dev = scope.value();
      scope.requireDevice(dev);
    } else if (word === "nud") {
      const text = scope.value();
      const state = text === "all" ? "all" : readNud(text);
      if (state === null) scope.stop(invalidArgument(text, "nud state is bad"));
      states ??= new Set();
      if (state === "all") ALL_NUD_STATES.forEach((s) => states?.add(s));
      else states.add(state);
    } else if (word === "all" && action === "flush") {
      // `ip neigh flush all`: every entry the default filter allows.
    } else if (["proxy", "unused", "vrf", "master", "nomaster", "protocol"].includes(word)) scope.unsupported(word);
    else {
      const text = word === "to" ? scope.value() : word;
      if (looksIpv6(text)) scope.unsupported(text);
      const prefix = readIproute2Prefix(text);
      if (prefix === null) scope.stop(invalidPrefix(text));
      to = prefix.cidr;
    }
  }
  const chosen = states ?? new Set(action === "show" ? SHOW_DEFAULT : FLUSH_DEFAULT);
  return { object: "neighbour", action, dev, to, states: chosen };
}
