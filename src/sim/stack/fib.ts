/**
 * The forwarding information base: routing tables and the default policy
 * rules that search them — `0: from all lookup local`, `32766: from all
 * lookup main`, `32767: from all lookup default` (ip-rule(8)). Within a
 * table the longest matching prefix wins; among routes to the same prefix
 * the lowest metric; a candidate whose nexthop cannot be used is skipped and
 * the search goes on to shorter prefixes, as fib_table_lookup() does.
 *
 * What a route add/replace/del means for an existing route follows
 * fib_table_insert()/fib_table_delete(): routes are keyed by (table, prefix,
 * metric) — `add` of a second route with the same key fails with EEXIST
 * whatever its nexthop, `replace` swaps it, `append` adds another.
 */
import type { Ipv4Address } from "../addr";
import { err, ok, type Result } from "../core";
import { kernelError, type Errno, type KernelError, type NetDevice } from "../link";
import { HashedPrefixTable } from "./fib-trie";
import type { PrefixTable } from "./prefix-table";
import { ROUTE_TYPE_ERRNO, RouteTable, isErrorRouteType, type Route } from "./route";

export type InsertMode = "add" | "replace" | "append";

/** Which routes `ip route del` means: the prefix and table always; the rest only when given. */
export interface RouteSelector {
  readonly table: number;
  readonly dst: Route["dst"];
  readonly type?: Route["type"];
  readonly metric?: number;
  readonly dev?: NetDevice;
  readonly gateway?: Ipv4Address;
  readonly protocol?: Route["protocol"];
  readonly scope?: Route["scope"];
  readonly prefsrc?: Ipv4Address;
}

export interface LookupKey {
  readonly dst: Ipv4Address;
  /** Only routes out of this device count (SO_BINDTODEVICE, `ping -I dev`, `ip route get … oif`). */
  readonly oif?: NetDevice;
}

/** A lookup's outcome: a usable route, or the errno a matching blackhole/unreachable/prohibit route (or no route: ENETUNREACH) gives. */
export type FibResult = { readonly ok: true; readonly route: Route } | { readonly ok: false; readonly errno: Errno; readonly route?: Route };

const RULE_ORDER = [RouteTable.local, RouteTable.main, RouteTable.default] as const;
const THROW = Symbol("throw");

export class Fib {
  readonly #tables = new Map<number, PrefixTable<Route[]>>();

  constructor(private readonly newTable: () => PrefixTable<Route[]> = () => new HashedPrefixTable<Route[]>()) {}

  /** A table exists once a route was put in it (`ip route show table local` in a namespace whose lo never came up fails). */
  hasTable(id: number): boolean {
    return this.#tables.has(id);
  }

  insert(route: Route, mode: InsertMode): Result<void, KernelError> {
    const table = this.#tables.get(route.table) ?? this.newTable();
    const aliases = table.get(route.dst) ?? [];
    const sameKey = aliases.findIndex((a) => a.metric === route.metric);
    if (mode === "add" && sameKey >= 0) return err(kernelError("EEXIST"));
    if (mode === "append" && aliases.some((a) => sameRoute(a, route))) return err(kernelError("EEXIST"));
    let next: Route[];
    if (mode === "replace" && sameKey >= 0) {
      next = aliases.map((a, i) => (i === sameKey ? route : a));
    } else {
      // After every alias with a metric ≤ the new one: lower metric first, older first among equals.
      const at = aliases.findIndex((a) => a.metric > route.metric);
      next = at < 0 ? [...aliases, route] : [...aliases.slice(0, at), route, ...aliases.slice(at)];
    }
    table.set(route.dst, next);
    this.#tables.set(route.table, table);
    return ok(undefined);
  }

  /** `ip route del`: the first route the selector matches, or ESRCH. */
  remove(selector: RouteSelector): Result<Route, KernelError> {
    const table = this.#tables.get(selector.table);
    const aliases = table?.get(selector.dst);
    const victim = aliases?.find((route) => matches(route, selector));
    if (!table || !aliases || !victim) return err(kernelError("ESRCH"));
    this.#setAliases(table, selector.dst, aliases.filter((r) => r !== victim));
    return ok(victim);
  }

  /** Remove every route `predicate` picks (a device went down, an address went away). */
  removeWhere(predicate: (route: Route) => boolean): Route[] {
    const removed: Route[] = [];
    for (const table of this.#tables.values()) {
      for (const [prefix, aliases] of table.entries()) {
        const keep = aliases.filter((r) => !predicate(r));
        if (keep.length === aliases.length) continue;
        removed.push(...aliases.filter((r) => predicate(r)));
        this.#setAliases(table, prefix, keep);
      }
    }
    return removed;
  }

  /** Routes of one table (or all), in `ip route show` order. */
  routes(table?: number): Route[] {
    const ids = table === undefined ? [...this.#tables.keys()].sort((a, b) => a - b) : [table];
    const out: Route[] = [];
    for (const id of ids) for (const [, aliases] of this.#tables.get(id)?.entries() ?? []) out.push(...aliases);
    return out;
  }

  /** fib_lookup(): the policy rules in order, longest prefix within each table. */
  lookup(key: LookupKey): FibResult {
    for (const id of RULE_ORDER) {
      const table = this.#tables.get(id);
      if (!table) continue;
      const found = table.longestMatch<FibResult | typeof THROW>(key.dst, (aliases) => pickAlias(aliases, key));
      if (found === THROW) continue;
      if (found !== undefined) return found;
    }
    return { ok: false, errno: "ENETUNREACH" };
  }

  /** A lookup in one table only (inet_addr_type() asks table local whether an address is ours). */
  lookupIn(id: number, key: LookupKey): FibResult | undefined {
    const found = this.#tables.get(id)?.longestMatch<FibResult | typeof THROW>(key.dst, (aliases) => pickAlias(aliases, key));
    return found === THROW ? undefined : found;
  }

  #setAliases(table: PrefixTable<Route[]>, prefix: Route["dst"], aliases: Route[]): void {
    if (aliases.length === 0) table.delete(prefix);
    else table.set(prefix, aliases);
  }
}

/** The first alias a lookup may use; error types answer at once, whatever device was asked for. */
function pickAlias(aliases: readonly Route[], key: LookupKey): FibResult | typeof THROW | undefined {
  for (const route of aliases) {
    if (isErrorRouteType(route.type)) return { ok: false, errno: ROUTE_TYPE_ERRNO[route.type], route };
    if (route.type === "throw") return THROW;
    if (!usable(route, key)) continue;
    return { ok: true, route };
  }
  return undefined;
}

function usable(route: Route, key: LookupKey): boolean {
  const dev = route.dev;
  if (!dev) return true;
  // A nexthop on a down device is dead (RTNH_F_DEAD) — except host-scope local routes, which fib_sync_down_dev keeps.
  if (!dev.adminUp && route.scope !== "host") return false;
  if (key.oif && route.type === "unicast" && dev !== key.oif) return false;
  return true;
}

function sameRoute(a: Route, b: Route): boolean {
  return a.type === b.type && a.metric === b.metric && a.dev === b.dev && a.gateway === b.gateway && a.scope === b.scope && a.prefsrc === b.prefsrc;
}

function matches(route: Route, s: RouteSelector): boolean {
  return (
    (s.type === undefined || route.type === s.type) &&
    (s.metric === undefined || route.metric === s.metric) &&
    (s.dev === undefined || route.dev === s.dev) &&
    (s.gateway === undefined || route.gateway === s.gateway) &&
    (s.protocol === undefined || route.protocol === s.protocol) &&
    (s.scope === undefined || route.scope === s.scope) &&
    (s.prefsrc === undefined || route.prefsrc === s.prefsrc)
  );
}
