/**
 * A route as the kernel stores it (struct fib_alias + fib_info): the type,
 * destination prefix, table, metric, protocol, scope and one nexthop.
 * Multipath nexthops and `tos` selectors are not modelled.
 */
import { formatIpv4, formatIpv4Cidr, type Ipv4Address, type Ipv4Cidr } from "../addr";
import type { RouteType } from "../core";
import type { NetDevice } from "../link";

/** rtm_scope (include/uapi/linux/rtnetlink.h): smaller is wider. */
export const RouteScope = {
  global: 0,
  site: 200,
  link: 253,
  host: 254,
  nowhere: 255,
} as const;
export type RouteScopeName = keyof typeof RouteScope;

/** Well-known table ids (rt_tables(5)). */
export const RouteTable = {
  default: 253,
  main: 254,
  local: 255,
} as const;

/** rtm_protocol names as /etc/iproute2/rt_protos spells them; other numbers stay numbers. */
export type RouteProtocol = "kernel" | "boot" | "static" | "dhcp" | number;

export interface Route {
  readonly table: number;
  readonly type: RouteType;
  /** Canonical: host bits are zero. */
  readonly dst: Ipv4Cidr;
  readonly metric: number;
  readonly protocol: RouteProtocol;
  readonly scope: RouteScopeName;
  /** The nexthop device; absent for blackhole/unreachable/prohibit/throw. */
  readonly dev?: NetDevice;
  readonly gateway?: Ipv4Address;
  /** Preferred source (`src`), set on routes the kernel makes for addresses. */
  readonly prefsrc?: Ipv4Address;
  /** `onlink`: the gateway is taken as directly reachable on `dev` without a covering route. */
  readonly onlink?: boolean;
}

/** Types that only fail a lookup, and the errno they fail it with (fib_props[] in net/ipv4/fib_semantics.c). */
export const ROUTE_TYPE_ERRNO = {
  blackhole: "EINVAL",
  unreachable: "EHOSTUNREACH",
  prohibit: "EACCES",
} as const;

export function isErrorRouteType(type: RouteType): type is keyof typeof ROUTE_TYPE_ERRNO {
  return type in ROUTE_TYPE_ERRNO;
}

export function tableName(id: number): string {
  return id === RouteTable.main ? "main" : id === RouteTable.local ? "local" : id === RouteTable.default ? "default" : String(id);
}

/** The route in `ip route show` words, for trace events: "10.0.1.0/24 via 10.0.0.254 dev eth0". */
export function describeRoute(route: Route): string {
  const parts: string[] = [];
  if (route.type !== "unicast") parts.push(route.type);
  parts.push(route.dst.prefix === 0 ? "default" : route.dst.prefix === 32 ? formatIpv4(route.dst.address) : formatIpv4Cidr(route.dst));
  if (route.gateway !== undefined) parts.push("via", formatIpv4(route.gateway));
  if (route.dev) parts.push("dev", route.dev.name);
  if (route.table !== RouteTable.main) parts.push("table", tableName(route.table));
  if (route.protocol !== "boot") parts.push("proto", String(route.protocol));
  if (route.scope !== "global") parts.push("scope", route.scope);
  if (route.prefsrc !== undefined) parts.push("src", formatIpv4(route.prefsrc));
  if (route.metric !== 0) parts.push("metric", String(route.metric));
  return parts.join(" ");
}
