/**
 * `ip [ OPTIONS ] OBJECT [ COMMAND [ ARGS ] ]` → a typed request, or the
 * answer iproute2 6.1 gives without asking the kernel (an error, usage, the
 * version). Objects are matched in ip.c's table order: `ip n` is neighbour,
 * `ip net` netns, `ip m` maddress, `ip t` tunnel.
 */
import { answered, failed, request, type Parsed } from "./command-output";
import { IP_EXIT_USAGE, unknownObject } from "./iproute-errors";
import { parseAddr } from "./ip-addr-parse";
import { parseLink } from "./ip-link-parse";
import { IpParseStop, type IpLookup } from "./ip-lookup";
import { parseNeigh } from "./ip-neigh-parse";
import { parseNetns } from "./ip-netns-parse";
import { parseIpOptions } from "./ip-options";
import type { IpCommand, IpRequest } from "./ip-request";
import { parseRoute } from "./ip-route-parse";
import { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";
import { unsupportedWord } from "./unsupported";
import { IP_USAGE } from "./usage-texts";

/** ip.c's cmds[] order. */
const OBJECTS = [
  "address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl", "link", "l2tp", "fou",
  "ila", "macsec", "tunnel", "tuntap", "tap", "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule",
  "netns", "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "help", "stats", "amt",
] as const;

const PARSERS: Partial<Record<(typeof OBJECTS)[number], { where: string; parse: (scope: IpScope) => IpCommand }>> = {
  address: { where: "ip address", parse: parseAddr },
  route: { where: "ip route", parse: parseRoute },
  neighbor: { where: "ip neighbour", parse: parseNeigh },
  neighbour: { where: "ip neighbour", parse: parseNeigh },
  link: { where: "ip link", parse: parseLink },
  netns: { where: "ip netns", parse: parseNetns },
};

/** argv without the program name: `["-br", "addr", "show"]`. */
export function parseIp(argv: readonly string[], lookup: IpLookup): Parsed<IpRequest> {
  const options = parseIpOptions(argv, lookup);
  if (options.kind === "answered") return answered(options.output);
  const [objectWord, ...rest] = options.rest;
  if (objectWord === undefined) return answered(failed(IP_USAGE, IP_EXIT_USAGE));
  const object = firstMatch(objectWord, OBJECTS);
  if (object === undefined) return answered(unknownObject(objectWord));
  if (object === "help") return answered(failed(IP_USAGE, IP_EXIT_USAGE));
  const parser = PARSERS[object];
  if (parser === undefined) return answered(unsupportedWord("ip", object));
  const scope = new IpScope(rest, lookup, options.options.netns, parser.where);
  try {
    return request({ options: options.options, command: parser.parse(scope) });
  } catch (stop) {
    if (stop instanceof IpParseStop) return answered(stop.output);
    throw stop;
  }
}
