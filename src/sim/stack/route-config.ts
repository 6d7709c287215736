/**
 * `ip route add|replace|append|del`: a route request checked as
 * fib_create_info()/fib_check_nh() check it, with the errors measured on
 * 6.x — "Invalid prefix for given prefix length" (EINVAL), "Nexthop has
 * invalid gateway" (ENETUNREACH/EINVAL), "Device for nexthop is not up"
 * (ENETDOWN), "Invalid prefsrc address" (EINVAL), an existing route (EEXIST),
 * deleting a missing one (ESRCH).
 */
import { formatIpv4Cidr, ipv4IsCanonical, type Ipv4Address, type Ipv4Cidr } from "../addr";
import { err, ok, type Result, type RouteType } from "../core";
import { kernelError, type KernelError, type NetDevice } from "../link";
import type { InsertMode, RouteSelector } from "./fib";
import type { NetNamespace } from "./namespace";
import { RouteTable, type Route, type RouteProtocol, type RouteScopeName } from "./route";

/** What `ip route add` says; absent fields take iproute2's defaults. */
export interface RouteSpec {
  readonly dst: Ipv4Cidr;
  readonly type?: RouteType;
  readonly table?: number;
  readonly metric?: number;
  readonly protocol?: RouteProtocol;
  readonly scope?: RouteScopeName;
  readonly dev?: string;
  readonly via?: Ipv4Address;
  readonly src?: Ipv4Address;
  readonly onlink?: boolean;
}

export function routeAdd(ns: NetNamespace, spec: RouteSpec, mode: InsertMode = "add"): Result<Route, KernelError> {
  const built = buildRoute(ns, spec);
  if (!built.ok) return built;
  const inserted = ns.fib.insert(built.value, mode);
  return inserted.ok ? ok(built.value) : inserted;
}

/** `ip route del`: unspecified fields match anything (type RTN_UNSPEC, scope NOWHERE, protocol 0). */
export function routeDel(ns: NetNamespace, spec: RouteSpec): Result<Route, KernelError> {
  let dev: NetDevice | undefined;
  if (spec.dev !== undefined) {
    dev = ns.device(spec.dev);
    if (!dev) return err(kernelError("ENODEV"));
  }
  const selector: RouteSelector = {
    table: spec.table ?? RouteTable.main,
    dst: spec.dst,
    ...(spec.type !== undefined ? { type: spec.type } : {}),
    ...(spec.metric !== undefined ? { metric: spec.metric } : {}),
    ...(dev ? { dev } : {}),
    ...(spec.via !== undefined ? { gateway: spec.via } : {}),
    ...(spec.protocol !== undefined ? { protocol: spec.protocol } : {}),
    ...(spec.scope !== undefined ? { scope: spec.scope } : {}),
    ...(spec.src !== undefined ? { prefsrc: spec.src } : {}),
  };
  return ns.fib.remove(selector);
}

function buildRoute(ns: NetNamespace, spec: RouteSpec): Result<Route, KernelError> {
  if (!ipv4IsCanonical(spec.dst)) return err(kernelError("EINVAL", "Invalid prefix for given prefix length"));
  const type = spec.type ?? "unicast";
  const base = {
    table: spec.table ?? RouteTable.main,
    type,
    dst: spec.dst,
    metric: spec.metric ?? 0,
    protocol: spec.protocol ?? "boot",
    scope: spec.scope ?? defaultScope(type, spec.via !== undefined),
  } as const;
  if (spec.src !== undefined && !ns.isLocalAddress(spec.src)) return err(kernelError("EINVAL", "Invalid prefsrc address"));
  const withSrc = spec.src !== undefined ? { ...base, prefsrc: spec.src } : base;
  let dev: NetDevice | undefined;
  if (spec.dev !== undefined) {
    dev = ns.device(spec.dev);
    if (!dev) return err(kernelError("ENODEV"));
  }
  if (type === "blackhole" || type === "unreachable" || type === "prohibit" || type === "throw") return ok(withSrc);
  if (spec.via === undefined) {
    if (!dev) return err(kernelError("EINVAL", "Device only routes require a nexthop device"));
    if (!dev.adminUp && type === "unicast") return err(kernelError("ENETDOWN", "Device for nexthop is not up"));
    return ok({ ...withSrc, dev });
  }
  if (spec.onlink) {
    if (!dev) return err(kernelError("EINVAL", "Nexthop device required for onlink"));
    if (!dev.adminUp) return err(kernelError("ENETDOWN", "Nexthop device is not up"));
    return ok({ ...withSrc, dev, gateway: spec.via, onlink: true });
  }
  // fib_check_nh_v4_gw: the gateway must be on a directly connected (link/host scope) route.
  const found = ns.fib.lookup({ dst: spec.via, ...(dev ? { oif: dev } : {}) });
  if (!found.ok || (found.route.type !== "unicast" && found.route.type !== "local") || found.route.gateway !== undefined || !found.route.dev) {
    return err(kernelError(found.ok ? "EINVAL" : "ENETUNREACH", "Nexthop has invalid gateway"));
  }
  if (dev && found.route.dev !== dev) return err(kernelError("EINVAL", "Nexthop has invalid gateway"));
  return ok({ ...withSrc, dev: found.route.dev, gateway: spec.via });
}

/** iproute2's defaults: local → host; broadcast → link; unicast without a gateway → link; else global. */
function defaultScope(type: RouteType, hasGateway: boolean): RouteScopeName {
  if (type === "local") return "host";
  if (type === "broadcast" || type === "multicast") return "link";
  if (type === "unicast" && !hasGateway) return "link";
  return "global";
}

export function formatDst(route: Route): string {
  return route.dst.prefix === 0 ? "default" : formatIpv4Cidr(route.dst);
}
