/**
 * The names iproute2 gives routing numbers (/usr/share/iproute2/rt_protos,
 * rt_scopes, rt_tables and lib/rt_names.c), both ways.
 */
import type { RouteType } from "./ip-request";

export const RT_TABLE = { default: 253, main: 254, local: 255 } as const;

const PROTOCOLS: readonly (readonly [string, number])[] = [
  ["unspec", 0], ["redirect", 1], ["kernel", 2], ["boot", 3], ["static", 4], ["gated", 8], ["ra", 9], ["mrt", 10],
  ["zebra", 11], ["bird", 12], ["dnrouted", 13], ["xorp", 14], ["ntk", 15], ["dhcp", 16], ["keepalived", 18],
  ["babel", 42], ["openr", 99], ["bgp", 186], ["isis", 187], ["ospf", 188], ["rip", 189], ["eigrp", 192],
];

export const RT_SCOPE = { universe: 0, site: 200, link: 253, host: 254, nowhere: 255 } as const;

const SCOPE_NAMES: readonly (readonly [string, number])[] = [
  ["global", 0], ["universe", 0], ["site", 200], ["link", 253], ["host", 254], ["nowhere", 255],
];

export const ROUTE_TYPES: readonly RouteType[] = ["unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit", "blackhole", "nat", "anycast"];

/** A number as iproute2's get_u32 reads it (base 0), within 0…max. */
function readNumber(text: string, max: number): number | null {
  let value: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) value = parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) value = parseInt(text, 8);
  else if (/^[1-9][0-9]*$/.test(text)) value = Number(text);
  else return null;
  return value <= max ? value : null;
}

export function readProtocol(text: string): number | null {
  return PROTOCOLS.find(([name]) => name === text)?.[1] ?? readNumber(text, 255);
}

export function protocolName(value: number): string {
  return PROTOCOLS.find(([, n]) => n === value)?.[0] ?? String(value);
}

export function readScope(text: string): number | null {
  return SCOPE_NAMES.find(([name]) => name === text)?.[1] ?? readNumber(text, 255);
}

export function scopeName(value: number): string {
  return SCOPE_NAMES.find(([, n]) => n === value)?.[0] ?? String(value);
}

/** rtnl_rttable_a2n(): "all" is 0 (every table, for show). */
export function readTable(text: string, allowAll: boolean): number | null {
  if (text === "main") return RT_TABLE.main;
  if (text === "local") return RT_TABLE.local;
  if (text === "default") return RT_TABLE.default;
  if (allowAll && (text === "all" || text === "unspec")) return 0;
  const value = readNumber(text, 0xffffffff);
  return value === null || value === 0 ? (value === 0 && allowAll ? 0 : null) : value;
}

export function tableName(value: number): string {
  if (value === RT_TABLE.main) return "main";
  if (value === RT_TABLE.local) return "local";
  if (value === RT_TABLE.default) return "default";
  return String(value);
}

export function readRouteType(text: string): RouteType | null {
  return ROUTE_TYPES.find((t) => t === text) ?? null;
}
