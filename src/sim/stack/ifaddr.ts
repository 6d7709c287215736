/**
 * IPv4 interface addresses (struct in_ifaddr) and the routes the kernel
 * derives from them (fib_add_ifaddr / fib_del_ifaddr in
 * net/ipv4/fib_frontend.c):
 *
 *   local ADDR dev D table local proto kernel scope host src PRIMARY      always
 *   NET/LEN dev D proto kernel scope link src ADDR                         primary, device up
 *   broadcast NET|~MASK dev D table local proto kernel scope link src …    primary, prefix < 31, device up
 *
 * On loopback the prefix route is of type local, in table local (that is
 * how `local 127.0.0.0/8 dev lo` appears). A second address inside an
 * existing primary's subnet becomes "secondary" and adds only its local route.
 */
import { ipv4Cidr, ipv4ContainsAddress, type Ipv4Address, type Ipv4Cidr } from "../addr";
import type { NetDevice } from "../link";
import { maskOf } from "./prefix-table";
import { RouteTable, type Route, type RouteScopeName } from "./route";

export interface IfAddr {
  readonly dev: NetDevice;
  readonly local: Ipv4Address;
  readonly prefix: number;
  readonly broadcast: Ipv4Address | null;
  readonly scope: RouteScopeName;
  secondary: boolean;
  readonly label: string;
}

export function subnetOf(addr: Pick<IfAddr, "local" | "prefix">): Ipv4Cidr {
  return ipv4Cidr(((addr.local & maskOf(addr.prefix)) >>> 0) as Ipv4Address, addr.prefix);
}

export function sameSubnet(a: Pick<IfAddr, "local" | "prefix">, b: Pick<IfAddr, "local" | "prefix">): boolean {
  return a.prefix === b.prefix && ((a.local ^ b.local) & maskOf(a.prefix)) === 0;
}

export function inSubnet(addr: Pick<IfAddr, "local" | "prefix">, ip: Ipv4Address): boolean {
  return ipv4ContainsAddress(subnetOf(addr), ip);
}

/** The primary address whose subnet `addr` shares (itself if primary). */
export function primaryOf(addr: IfAddr, all: readonly IfAddr[]): IfAddr {
  if (!addr.secondary) return addr;
  return all.find((a) => !a.secondary && a.dev === addr.dev && sameSubnet(a, addr)) ?? addr;
}

/** The routes fib_add_ifaddr() installs for `addr`; `devUp` adds the ones only an up device gets. */
export function routesForAddress(addr: IfAddr, all: readonly IfAddr[], devUp: boolean): Route[] {
  const prim = primaryOf(addr, all).local;
  const base = { metric: 0, protocol: "kernel" as const, dev: addr.dev, prefsrc: prim };
  const routes: Route[] = [{ ...base, table: RouteTable.local, type: "local", dst: ipv4Cidr(addr.local, 32), scope: "host" }];
  if (!devUp) return routes;
  const loopback = addr.dev.kind === "loopback";
  if (addr.broadcast !== null && addr.broadcast !== 0xffffffff) {
    routes.push({ ...base, table: RouteTable.local, type: "broadcast", dst: ipv4Cidr(addr.broadcast, 32), scope: "link" });
  }
  const net = subnetOf(addr);
  if (!addr.secondary && net.address !== 0 && (net.address !== addr.local || addr.prefix < 32)) {
    routes.push({
      ...base, prefsrc: addr.local, table: loopback ? RouteTable.local : RouteTable.main,
      type: loopback ? "local" : "unicast", dst: net, scope: loopback ? "host" : "link",
    });
    if (addr.prefix < 31) {
      const bcast = ((net.address | ~maskOf(addr.prefix)) >>> 0) as Ipv4Address;
      if (bcast !== addr.broadcast) {
        routes.push({ ...base, table: RouteTable.local, type: "broadcast", dst: ipv4Cidr(bcast, 32), scope: "link" });
      }
    }
  }
  return routes;
}
