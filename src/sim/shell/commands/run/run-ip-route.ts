/**
 * `ip route add|replace|change|delete|show|flush|get` against the model.
 */
import { formatIpv4, type Ipv4Address } from "../../../addr";
import type { RouteType as ModelRouteType } from "../../../core";
import { routeAdd, routeDel, routeOutput, RouteScope, RouteTable, type NetNamespace, type Route, type RouteProtocol, type RouteScopeName, type RouteSpec as ModelRouteSpec } from "../../../stack";
import { printed, type CommandOutput } from "../command-output";

import type { IpGlobalOptions, RouteGetRequest, RouteModifyRequest, RouteRequest, RouteSelector, RouteShowRequest } from "../ip-request";
import { formatNetlinkError, KERNEL_REFUSALS } from "../netlink-errors";
import { formatRouteGet, formatRoutes, printFilterOf } from "../route-format";
import { unsupportedWord } from "../unsupported";
import type { RouteGetView } from "../views";
import { namespaceOf, type CommandEnv } from "./command-env";
import { kernelErrorOutput } from "./kernel-error-output";
import { routeView } from "./views-from-model";

const MODEL_TYPES: readonly ModelRouteType[] = ["unicast", "local", "broadcast", "multicast", "blackhole", "unreachable", "prohibit", "throw"];
const MODEL_PROTOCOLS: Readonly<Record<number, RouteProtocol>> = { 2: "kernel", 3: "boot", 4: "static", 16: "dhcp" };

export function runIpRoute(request: RouteRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  switch (request.action) {
    case "add":
    case "replace":
    case "change":
    case "delete":
      return routeModify(request, env);
    case "show":
    case "flush":
      return routeShow(request, options, env);
    case "get":
      return routeGet(request, env);
  }
}

function scopeName(value: number): RouteScopeName {
  return (Object.entries(RouteScope).find(([, n]) => n === value)?.[0] ?? "global") as RouteScopeName;
}

function protocolOf(value: number): RouteProtocol {
  return MODEL_PROTOCOLS[value] ?? value;
}

function routeModify(request: RouteModifyRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const { route, given } = request;
  if (!MODEL_TYPES.includes(route.type as ModelRouteType)) return unsupportedWord("ip route", route.type);
  const full = request.action !== "delete";
  const spec: ModelRouteSpec = {
    dst: route.dst,
    table: route.table,
    ...(full || given.has("type") ? { type: route.type as ModelRouteType } : {}),
    ...(route.metric !== null ? { metric: route.metric } : {}),
    ...(full || given.has("protocol") ? { protocol: protocolOf(route.protocol) } : {}),
    ...(full || given.has("scope") ? { scope: scopeName(route.scope) } : {}),
    ...(route.dev !== null ? { dev: route.dev } : {}),
    ...(route.via !== null ? { via: route.via } : {}),
    ...(route.src !== null ? { src: route.src } : {}),
  };
  if (request.action === "delete") {
    const deleted = routeDel(ns, spec);
    return deleted.ok ? printed("") : kernelErrorOutput(deleted.error);
  }
  if (full && route.type === "unicast" && route.dev === null && route.via === null) return KERNEL_REFUSALS.routeNoDevice;
  // NLM_F_REPLACE without NLM_F_CREATE: the route (table, prefix, metric) must exist.
  if (request.action === "change" && !ns.routes(route.table).some((r) => sameKey(r, route.dst, route.metric ?? 0))) {
    return KERNEL_REFUSALS.routeChangeMissing;
  }
  const added = routeAdd(ns, spec, request.action === "add" ? "add" : "replace");
  return added.ok ? printed("") : kernelErrorOutput(added.error);
}

function sameKey(r: Route, dst: Route["dst"], metric: number): boolean {
  return r.dst.address === dst.address && r.dst.prefix === dst.prefix && r.metric === metric;
}

/** The kernel's dump order: tables by their hash bucket (id mod 256), each in trie order. */
function tablesToShow(ns: NetNamespace, table: number): Route[] {
  if (table !== 0) return ns.routes(table);
  const ids = [...new Set(ns.fib.routes().map((r) => r.table))].sort((a, b) => (a & 0xff) - (b & 0xff) || a - b);
  return ids.flatMap((id) => ns.routes(id));
}

function selected(route: Route, s: RouteSelector): boolean {
  if (s.exact !== null && (route.dst.address !== s.exact.address || route.dst.prefix !== s.exact.prefix)) return false;
  if (s.dev !== null && route.dev?.name !== s.dev) return false;
  if (s.protocol !== null && protocolNumber(route.protocol) !== s.protocol) return false;
  if (s.scope !== null && RouteScope[route.scope] !== s.scope) return false;
  if (s.type !== null && route.type !== s.type) return false;
  if (s.via !== null && route.gateway !== s.via) return false;
  return true;
}

function protocolNumber(protocol: RouteProtocol): number {
  if (typeof protocol === "number") return protocol;
  return Number(Object.entries(MODEL_PROTOCOLS).find(([, name]) => name === protocol)?.[0] ?? 0);
}

function routeShow(request: RouteShowRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const { selector } = request;
  // A table appears with its first route; asking for one that never had any fails (strict dump).
  if (selector.table !== 0 && selector.table !== RouteTable.main && !ns.fib.hasTable(selector.table)) {
    const refusal = formatNetlinkError("ENOENT", "ipv4: FIB table does not exist");
    return { ...refusal, stderr: `${refusal.stderr}Dump terminated\n` };
  }
  const routes = tablesToShow(ns, selector.table).filter((r) => selected(r, selector));
  if (request.action === "flush") {
    const doomed = new Set(routes);
    ns.fib.removeWhere((r) => doomed.has(r));
    return printed("");
  }
  if (options.family === "inet6") return printed("");
  return printed(formatRoutes(routes.map(routeView), printFilterOf(selector)));
}

function routeGet(request: RouteGetRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const warn = (output: CommandOutput): CommandOutput => (request.warning === "" ? output : { ...output, stderr: request.warning + output.stderr });
  if (request.iif !== null) return warn(KERNEL_REFUSALS.getInvalid);
  const oif = request.oif === null ? undefined : ns.device(request.oif);
  const found = routeOutput(ns, { dst: request.dst, ...(request.from !== null ? { src: request.from } : {}), ...(oif ? { oif } : {}) }, false);
  if (!found.ok) return warn(kernelErrorOutput({ errno: found.error }));
  const r = found.value;
  const cacheFlags = r.type === "local" ? ["local"] : r.type === "broadcast" ? ["local", "brd"] : [];
  const view: RouteGetView = {
    type: r.type,
    dst: formatIpv4(request.dst),
    ...(request.from !== null ? { from: formatIpv4(request.from) } : {}),
    ...(r.gateway !== undefined ? { via: formatIpv4(r.gateway) } : {}),
    dev: r.dev.name,
    ...(r.src !== 0 ? { src: formatIpv4(r.src as Ipv4Address) } : {}),
    uid: 0,
    cacheFlags,
  };
  return warn(printed(formatRouteGet(view)));
}

