/**
 * `ip route …` (iproute2 ip/iproute.c): add/change/replace/delete of one
 * route, show/flush with a selector, and get.
 */
import type { Ipv4Address, Ipv4Cidr } from "../../addr";
import { failed } from "./command-output";
import { garbage, invalidArgument, invalidInetAddress, invalidPrefix, IP_EXIT_USAGE, unknownCommand } from "./iproute-errors";
import { looksIpv6, readIproute2Ipv4, readIproute2Prefix } from "./iproute-address";
import type { RouteGetRequest, RouteModifyRequest, RouteRequest, RouteSelector, RouteShowRequest, RouteType } from "./ip-request";
import type { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";
import { readProtocol, readRouteType, readScope, readTable, RT_SCOPE, RT_TABLE } from "./route-names";
import { IP_ROUTE_USAGE } from "./usage-texts";

/** iproute.c's test order: `ip r a` is add, `ip r re` replace, `ip r s` show. */
const ROUTE_COMMANDS = ["add", "change", "chg", "replace", "prepend", "append", "test", "delete", "list", "show", "lst", "get", "flush", "save", "restore", "showdump", "help"] as const;

const RTPROT_BOOT = 3;

const UNMODELLED_ROUTE_WORDS = [
  "tos", "dsfield", "expires", "mtu", "hoplimit", "advmss", "reordering", "rtt", "rttvar", "window", "cwnd", "initcwnd",
  "initrwnd", "features", "quickack", "congctl", "rto_min", "ssthresh", "realms", "realm", "onlink", "nexthop", "nhid",
  "encap", "pref", "as", "from", "ttl-propagate", "fastopen_no_cookie", "pervasive", "mark", "vrf", "iif", "cache", "cloned",
];

export function parseRoute(scope: IpScope): RouteRequest {
  const { args } = scope;
  if (args.done) return parseSelector(scope, "show");
  const word = args.take();
  switch (firstMatch(word, ROUTE_COMMANDS)) {
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
      return parseSelector(scope, "show");
    case "flush":
      if (args.done) scope.stop(failed('"ip route flush" requires arguments.\n', 1));
      return parseSelector(scope, "flush");
    case "get":
      return parseGet(scope);
    case "help":
      return scope.stop(failed(IP_ROUTE_USAGE, IP_EXIT_USAGE));
    case undefined:
      return scope.stop(unknownCommand(word, "route"));
    default:
      return scope.unsupported(word);
  }
}

function readAddress(scope: IpScope): Ipv4Address {
  const text = scope.value();
  if (looksIpv6(text)) scope.unsupported(text);
  const address = readIproute2Ipv4(text);
  if (address === null) scope.stop(invalidInetAddress(text));
  return address;
}

function readPrefix(scope: IpScope, text: string): Ipv4Cidr {
  if (looksIpv6(text)) scope.unsupported(text);
  const prefix = readIproute2Prefix(text);
  if (prefix === null) scope.stop(invalidPrefix(text));
  return prefix.cidr;
}

function parseModify(scope: IpScope, action: RouteModifyRequest["action"]): RouteRequest {
  const { args } = scope;
  const given = new Set<"via" | "dev" | "src" | "metric" | "protocol" | "scope" | "type">();
  let type: RouteType = "unicast";
  let dst: Ipv4Cidr | null = null;
  let via: Ipv4Address | null = null;
  let dev: string | null = null;
  let src: Ipv4Address | null = null;
  let metric: number | null = null;
  let protocol = RTPROT_BOOT;
  let scopeValue: number | null = null;
  let table: number = RT_TABLE.main;
  while (!args.done) {
    const word = args.take();
    if (word === "via") {
      via = readAddress(scope);
      given.add("via");
    } else if (word === "src") {
      src = readAddress(scope);
      given.add("src");
    } else if (word === "metric" || word === "priority" || word === "preference") {
      const text = scope.value();
      metric = readU32(text);
      if (metric === null) scope.stop(invalidArgument(text, '"metric" value is invalid\n'));
      given.add("metric");
    } else if (word === "scope") {
      const text = scope.value();
      scopeValue = readScope(text);
      if (scopeValue === null) scope.stop(invalidArgument(text, 'invalid "scope" value\n'));
      given.add("scope");
    } else if (word === "dev" || word === "oif") {
      dev = scope.value();
      given.add("dev");
    } else if (word === "table") {
      const text = scope.value();
      const id = readTable(text, false);
      if (id === null) scope.stop(invalidArgument(text, '"table" value is invalid\n'));
      table = id;
    } else if (word === "proto" || word === "protocol") {
      const text = scope.value();
      const value = readProtocol(text);
      if (value === null) scope.stop(invalidArgument(text, '"protocol" value is invalid\n'));
      protocol = value;
      given.add("protocol");
    } else if (UNMODELLED_ROUTE_WORDS.includes(word)) {
      scope.unsupported(word);
    } else {
      let text = word === "to" ? scope.value() : word;
      // A route type is only recognised before a digit-led word (iproute.c: rtnl_rtntype_a2n).
      const routeType = /^[0-9]/.test(text) ? null : readRouteType(text);
      if (routeType !== null) {
        type = routeType;
        given.add("type");
        text = scope.value();
      }
      if (dst !== null) scope.stop(garbage("to", text));
      dst = readPrefix(scope, text);
    }
  }
  if (dst === null) return scope.stop(failed(IP_ROUTE_USAGE, IP_EXIT_USAGE));
  if (dev !== null) scope.requireDevice(dev);
  const scopeResolved = scopeValue ?? defaultScope(type, via !== null, action === "delete");
  return {
    object: "route",
    action,
    route: { type, dst, via, dev, src, metric, protocol, scope: scopeResolved, table },
    given,
  };
}

/** iproute.c: a route without `scope` gets host (local, nat), link (broadcast, multicast, anycast, or unicast without a gateway) or universe. */
function defaultScope(type: RouteType, hasGateway: boolean, deleting: boolean): number {
  if (type === "local" || type === "nat") return RT_SCOPE.host;
  if (type === "broadcast" || type === "multicast" || type === "anycast") return RT_SCOPE.link;
  if (type === "unicast") {
    if (deleting) return RT_SCOPE.nowhere;
    if (!hasGateway) return RT_SCOPE.link;
  }
  return RT_SCOPE.universe;
}

function readU32(text: string): number | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text) && Number(text) <= 0xffffffff) return Number(text);
  return null;
}

function parseSelector(scope: IpScope, action: RouteShowRequest["action"]): RouteRequest {
  const { args } = scope;
  let selector: RouteSelector = { table: RT_TABLE.main, exact: null, dev: null, protocol: null, scope: null, type: null, via: null };
  while (!args.done) {
    const word = args.take();
    if (word === "table") {
      const text = scope.value();
      const id = readTable(text, true);
      if (id === null) scope.stop(invalidArgument(text, "table id value is invalid\n"));
      selector = { ...selector, table: id };
    } else if (word === "dev" || word === "oif") {
      const dev = scope.value();
      scope.requireDevice(dev);
      selector = { ...selector, dev };
    } else if (word === "proto" || word === "protocol") {
      const text = scope.value();
      const protocol = readProtocol(text);
      if (protocol === null) scope.stop(invalidArgument(text, '"protocol" value is invalid\n'));
      selector = { ...selector, protocol };
    } else if (word === "scope") {
      const text = scope.value();
      const value = readScope(text);
      if (value === null) scope.stop(invalidArgument(text, 'invalid "scope" value\n'));
      selector = { ...selector, scope: value };
    } else if (word === "type") {
      const text = scope.value();
      const type = readRouteType(text);
      if (type === null) scope.stop(invalidArgument(text, "node type value is invalid\n"));
      selector = { ...selector, type };
    } else if (word === "via") {
      selector = { ...selector, via: readAddress(scope) };
    } else if (word === "root" || word === "match" || UNMODELLED_ROUTE_WORDS.includes(word) || word === "src" || word === "metric") {
      scope.unsupported(word);
    } else {
      const text = word === "to" || word === "exact" ? scope.value() : word;
      selector = { ...selector, exact: readPrefix(scope, text) };
    }
  }
  return { object: "route", action, selector };
}

function parseGet(scope: IpScope): RouteRequest {
  const { args } = scope;
  let dst: Ipv4Address | null = null;
  let from: Ipv4Address | null = null;
  let iif: string | null = null;
  let oif: string | null = null;
  let warning = "";
  // After the first address fixes the family, get_prefix says "inet prefix" rather than "any valid prefix".
  const prefixOf = (text: string): Ipv4Cidr => {
    if (looksIpv6(text)) scope.unsupported(text);
    const prefix = readIproute2Prefix(text);
    if (prefix === null) scope.stop(dst === null && from === null ? invalidPrefix(text) : failed(`Error: inet prefix is expected rather than "${text}".\n`, 1));
    return prefix.cidr;
  };
  while (!args.done) {
    const word = args.take();
    if (word === "from") from = prefixOf(scope.value()).address;
    else if (word === "iif") iif = scope.value();
    else if (word === "oif" || word === "dev") oif = scope.value();
    else if (["tos", "dsfield", "mark", "vrf", "uid", "fibmatch", "as", "sport", "dport", "ipproto", "connected"].includes(word)) scope.unsupported(word);
    else {
      const cidr = prefixOf(word === "to" ? scope.value() : word);
      // iproute.c: a prefix length is ignored with a warning — the kernel looks up one address.
      if (cidr.prefix !== 32) warning = `Warning: /${cidr.prefix} as prefix is invalid, only /32 (or none) is supported.\n`;
      dst = cidr.address;
    }
  }
  if (dst === null) return scope.stop(failed("need at least a destination address\n", 1));
  if (iif !== null) scope.requireDevice(iif);
  if (oif !== null) scope.requireDevice(oif);
  const request: RouteGetRequest = { object: "route", action: "get", dst, from, iif, oif, warning };
  return request;
}
