/**
 * `ip route show` and `ip route get` output (iproute2 print_route). A field
 * the selector pinned is not printed (`ip route show dev v1` drops "dev v1",
 * `table 100` drops "table 100"); every route line ends in a space.
 * Layout captured in fixtures/routes.json.
 */
import type { RouteSelector } from "./ip-request";
import { tableName, RT_TABLE } from "./route-names";
import type { RouteGetView, RouteView } from "./views";

export interface RoutePrintFilter {
  readonly table: number;
  readonly dev: string | null;
  readonly protocol: boolean;
  readonly scope: boolean;
}

export function printFilterOf(selector: RouteSelector): RoutePrintFilter {
  return { table: selector.table, dev: selector.dev, protocol: selector.protocol !== null, scope: selector.scope !== null };
}

export function formatRoute(route: RouteView, filter: RoutePrintFilter): string {
  let line = route.type === "unicast" ? "" : `${route.type} `;
  line += `${route.dst} `;
  if (route.via !== undefined) line += `via ${route.via} `;
  if (route.dev !== undefined && filter.dev === null) line += `dev ${route.dev} `;
  // "table" only when listing several tables and this is not main.
  if (filter.table === 0 && route.table !== RT_TABLE.main) line += `table ${tableName(route.table)} `;
  if (route.protocol !== "boot" && !filter.protocol) line += `proto ${route.protocol} `;
  if (route.scope !== "global" && !filter.scope) line += `scope ${route.scope} `;
  if (route.prefsrc !== undefined) line += `src ${route.prefsrc} `;
  if (route.metric !== undefined && route.metric !== 0) line += `metric ${route.metric} `;
  for (const flag of route.flags ?? []) line += `${flag} `;
  return `${line}\n`;
}

export function formatRoutes(routes: readonly RouteView[], filter: RoutePrintFilter): string {
  return routes.map((r) => formatRoute(r, filter)).join("");
}

/** "10.0.2.2 via 10.0.1.1 dev v0 src 10.0.1.2 uid 0 \n    cache \n" */
export function formatRouteGet(view: RouteGetView): string {
  let line = view.type === "unicast" ? "" : `${view.type} `;
  line += `${view.dst} `;
  if (view.from !== undefined) line += `from ${view.from} `;
  if (view.via !== undefined) line += `via ${view.via} `;
  line += `dev ${view.dev} `;
  if (view.src !== undefined && view.from === undefined) line += `src ${view.src} `;
  if (view.iif !== undefined) line += `iif ${view.iif} `;
  line += `uid ${view.uid} `;
  const flags = view.cacheFlags.length ? `<${view.cacheFlags.join(",")}> ` : "";
  return `${line}\n    cache ${flags}\n`;
}
