/**
 * Output routing, ip_route_output_key_hash_rcu() (net/ipv4/route.c): which
 * device, next hop and source address a locally generated packet gets — and
 * what `ip route get` prints.
 *
 * - A source given by the caller must be ours (else EINVAL).
 * - A bound device must be up (else ENETUNREACH); with no matching route the
 *   kernel then assumes the destination is on that link ("Apparently,
 *   routing tables are wrong. Assume, that the destination is on link.").
 * - A local destination goes out through loopback, with the route's
 *   preferred source (or the destination itself) as source — even when lo is
 *   down, where it is then dropped (measured: ping 127.0.0.1 with lo down
 *   sends and gets no reply; a namespace whose lo never came up has no local
 *   route at all, so ENETUNREACH).
 * - Otherwise: the route's prefsrc, or inet_select_addr(dev, gateway, scope).
 */
import { formatIpv4, type Ipv4Address } from "../addr";
import { err, ok, type Result } from "../core";
import type { Errno, NetDevice } from "../link";
import type { NetNamespace } from "./namespace";
import { describeRoute, tableName, type Route } from "./route";
import { selectSourceAddress } from "./source-address";

export interface OutputRoute {
  readonly type: "unicast" | "local" | "broadcast";
  readonly dst: Ipv4Address;
  readonly dev: NetDevice;
  readonly src: Ipv4Address;
  /** The address to resolve on `dev`: the gateway, or the destination itself. */
  readonly nexthop: Ipv4Address;
  readonly gateway?: Ipv4Address;
  /** The FIB route used; undefined for the bound-device fallback. */
  readonly route?: Route;
}

export interface OutputKey {
  readonly dst: Ipv4Address;
  readonly src?: Ipv4Address;
  readonly oif?: NetDevice;
}

export function routeOutput(ns: NetNamespace, key: OutputKey, trace = true): Result<OutputRoute, Errno> {
  const result = resolve(ns, key);
  if (trace) {
    const route = result.ok ? result.value.route : undefined;
    ns.env.trace.emit({
      kind: "route-decision", namespace: ns.name, purpose: "output", destination: formatIpv4(key.dst),
      ...(key.src !== undefined ? { source: formatIpv4(key.src) } : {}),
      route: route ? describeRoute(route) : null, type: route?.type ?? (result.ok ? "unicast" : null),
      table: route ? tableName(route.table) : "main",
      ...(result.ok ? { device: result.value.dev.name } : {}),
      ...(result.ok && result.value.gateway !== undefined ? { gateway: formatIpv4(result.value.gateway) } : {}),
    });
  }
  return result;
}

function resolve(ns: NetNamespace, key: OutputKey): Result<OutputRoute, Errno> {
  if (key.src !== undefined && key.src !== 0 && !ns.isLocalAddress(key.src)) return err("EINVAL");
  if (key.oif && !key.oif.adminUp) return err("ENETUNREACH");
  const found = ns.fib.lookup({ dst: key.dst, ...(key.oif ? { oif: key.oif } : {}) });
  if (!found.ok) {
    if (found.errno === "ENETUNREACH" && key.oif) {
      const src = key.src ?? selectSourceAddress(ns.addrs, ns.devices, key.oif, 0, "link") ?? (0 as Ipv4Address);
      return ok({ type: "unicast", dst: key.dst, dev: key.oif, src, nexthop: key.dst });
    }
    return err(found.errno);
  }
  const route = found.route;
  if (route.type === "local") {
    const src = key.src ?? route.prefsrc ?? key.dst;
    return ok({ type: "local", dst: key.dst, dev: ns.loopback, src, nexthop: key.dst, route });
  }
  const dev = route.dev!;
  const src = key.src ?? route.prefsrc ?? selectSourceAddress(ns.addrs, ns.devices, dev, route.gateway ?? 0, route.scope) ?? (0 as Ipv4Address);
  const type = route.type === "broadcast" ? "broadcast" : "unicast";
  return ok({
    type, dst: key.dst, dev, src, nexthop: route.gateway ?? key.dst, route,
    ...(route.gateway !== undefined ? { gateway: route.gateway } : {}),
  });
}
