/**
 * Source address selection, inet_select_addr() (net/ipv4/devinet.c): the
 * first primary address of the device whose scope is not narrower than
 * asked, preferring one in the same subnet as `dst`; failing that, the first
 * such address on any device (loopback first) that is not link-scoped.
 */
import type { Ipv4Address } from "../addr";
import type { NetDevice } from "../link";
import { inSubnet, type IfAddr } from "./ifaddr";
import { RouteScope, type RouteScopeName } from "./route";

export function selectSourceAddress(
  addrs: readonly IfAddr[],
  devices: readonly NetDevice[],
  dev: NetDevice | undefined,
  dst: Ipv4Address | 0,
  scope: RouteScopeName,
): Ipv4Address | undefined {
  const limit = RouteScope[scope];
  let fallback: Ipv4Address | undefined;
  if (dev) {
    for (const a of addrs) {
      if (a.dev !== dev || a.secondary || RouteScope[a.scope] > limit) continue;
      if (dst === 0 || inSubnet(a, dst)) return a.local;
      fallback ??= a.local;
    }
    if (fallback !== undefined) return fallback;
  }
  for (const d of devices) {
    const found = addrs.find((a) => a.dev === d && !a.secondary && a.scope !== "link" && RouteScope[a.scope] <= limit);
    if (found) return found.local;
  }
  return undefined;
}
