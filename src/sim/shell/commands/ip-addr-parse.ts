/**
 * `ip address …` (iproute2 ip/ipaddress.c). add/del read `[local] PREFIX`,
 * `dev`, `brd`/`broadcast`, `label`, `scope`; show and flush take a device.
 */
import { ipv4Broadcast, type Ipv4Address } from "../../addr";
import { failed } from "./command-output";
import { deviceDoesNotExist, garbage, invalidArgument, invalidPrefix, unknownCommand } from "./iproute-errors";
import { looksIpv6, readIproute2Ipv4, readIproute2Prefix, type Iproute2Prefix } from "./iproute-address";
import type { AddrRequest } from "./ip-request";
import type { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";
import { formatNetlinkError } from "./netlink-errors";

/** ipaddress.c's test order: `ip a s` is show (before save), `ip a d` delete. */
const ADDR_COMMANDS = ["add", "change", "chg", "replace", "delete", "list", "show", "lst", "flush", "save", "showdump", "restore", "help"] as const;

const SCOPES = ["host", "link", "global", "site", "nowhere", "universe"];

export function parseAddr(scope: IpScope): AddrRequest {
  const { args } = scope;
  if (args.done) return { object: "address", action: "show", dev: null, up: false };
  const word = args.take();
  switch (firstMatch(word, ADDR_COMMANDS)) {
    case "add":
      return parseModify(scope, "add");
    case "delete":
      return parseModify(scope, "delete");
    case "list":
    case "show":
    case "lst":
      return parseShow(scope);
    case "flush":
      return parseFlush(scope);
    case undefined:
      return scope.stop(unknownCommand(word, "address"));
    default:
      return scope.unsupported(word);
  }
}

function wildcardWarning(local: string): string {
  return (
    "Warning: Executing wildcard deletion to stay compatible with old scripts.\n" +
    `         Explicitly specify the prefix length (${local}/32) to avoid this warning.\n` +
    "         This special behaviour is likely to disappear in further releases,\n" +
    "         fix your scripts!\n"
  );
}

function parseModify(scope: IpScope, action: "add" | "delete"): AddrRequest {
  const { args } = scope;
  let local: Iproute2Prefix | null = null;
  let localText = "";
  let dev: string | null = null;
  let broadcast: "+" | Ipv4Address | null = null;
  let label: string | null = null;
  let scopeName: string | null = null;
  while (!args.done) {
    const word = args.take();
    if (word === "dev") dev = scope.value();
    else if (word === "broadcast" || word === "brd") {
      const text = scope.value();
      if (text === "+") broadcast = "+";
      else {
        const address = readIproute2Ipv4(text);
        if (address === null) scope.unsupported(`brd ${text}`);
        broadcast = address;
      }
    } else if (word === "label") label = scope.value();
    else if (word === "scope") {
      const text = scope.value();
      if (!SCOPES.includes(text) && !/^[0-9]+$/.test(text)) scope.stop(invalidArgument(text, 'invalid scope value.'));
      scopeName = text;
    } else if (["peer", "remote", "anycast", "valid_lft", "preferred_lft", "home", "nodad", "noprefixroute", "mngtmpaddr", "optimistic", "autojoin", "metric", "priority", "proto"].includes(word)) {
      scope.unsupported(word);
    } else {
      const text = word === "local" ? scope.value() : word;
      if (local !== null) scope.stop(garbage("local", text));
      if (looksIpv6(text)) scope.unsupported(text);
      local = readIproute2Prefix(text);
      if (local === null) scope.stop(invalidPrefix(text));
      localText = text;
    }
  }
  if (dev === null) return scope.stop(failed('Not enough information: "dev" argument is required.\n', 1));
  scope.requireDevice(dev);
  // No address at all reaches the kernel as a request without IFA_LOCAL, which it refuses.
  if (local === null) return scope.stop(formatNetlinkError("EOPNOTSUPP"));
  const brd = broadcast === "+" ? ipv4Broadcast(local.cidr) : broadcast;
  const warning = action === "delete" && !local.prefixGiven ? wildcardWarning(localText) : "";
  return { object: "address", action, dev, local: local.cidr, prefixGiven: local.prefixGiven, broadcast: brd, label, scope: scopeName, warning };
}

function parseShow(scope: IpScope): AddrRequest {
  const { args } = scope;
  let dev: string | null = null;
  let up = false;
  while (!args.done) {
    const word = args.take();
    if (word === "up") up = true;
    else if (["to", "scope", "label", "master", "type", "vrf", "group", "nomaster", "permanent", "dynamic", "primary", "secondary", "tentative", "deprecated", "dadfailed", "temporary", "proto"].includes(word)) {
      scope.unsupported(word);
    } else {
      const name = word === "dev" ? scope.value() : word;
      if (dev !== null) scope.stop(garbage("dev", name));
      dev = name;
    }
  }
  if (dev !== null && !scope.deviceExists(dev)) scope.stop(deviceDoesNotExist(dev));
  return { object: "address", action: "show", dev, up };
}

function parseFlush(scope: IpScope): AddrRequest {
  const { args } = scope;
  if (args.done) return scope.stop(failed("Flush requires arguments.\n", 1));
  let dev: string | null = null;
  while (!args.done) {
    const word = args.take();
    if (word !== "dev" && dev === null && !args.done) scope.unsupported(word);
    const name = word === "dev" ? scope.value() : word;
    if (dev !== null) scope.stop(garbage("dev", name));
    dev = name;
  }
  if (dev === null) return scope.unsupported("flush");
  if (!scope.deviceExists(dev)) scope.stop(deviceDoesNotExist(dev));
  return { object: "address", action: "flush", dev };
}
