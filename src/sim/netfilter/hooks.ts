/**
 * Where netfilter sees an IPv4 packet (include/uapi/linux/netfilter.h,
 * NF_INET_*) and what runs at each point, in priority order
 * (include/uapi/linux/netfilter_ipv4.h, enum nf_ip_hook_priorities):
 *
 *   wire ─► PREROUTING ─► route ─┬─► INPUT ─► local socket
 *           raw    -300          │
 *           conntrack -200       └─► FORWARD ─┐
 *           mangle -150                mangle │
 *           nat DNAT -100              filter │
 *                                    security │
 *   local socket ─► route ─► OUTPUT ─► route ─┴─► POSTROUTING ─► wire
 *                            raw -300            mangle  -150
 *                            conntrack -200      nat SNAT 100
 *                            mangle -150         conntrack confirm
 *                            nat DNAT -100
 *                            filter 0, security 50
 *
 *   INPUT: mangle -150, filter 0, security 50, nat SNAT 100, conntrack confirm.
 *
 * The stack calls the hooks from ip-input (PREROUTING, INPUT), ip-forward
 * (FORWARD, after the TTL decrement as ip_forward() does), ip-output
 * (OUTPUT, POSTROUTING in ip_output before the neighbour layer).
 */
import type { NetfilterHookName } from "../core";

export type Hook = NetfilterHookName;

export const HOOKS: readonly Hook[] = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];

export type TableName = "raw" | "mangle" | "nat" | "filter" | "security";

/** Tables in the order `iptables -t` knows them, each with its built-in chains in the order iptables lists them. */
export const TABLE_CHAINS: Readonly<Record<TableName, readonly Hook[]>> = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

export const TABLE_NAMES: readonly TableName[] = ["filter", "nat", "mangle", "raw", "security"];

/** NF_IP_PRI_* — lower runs first. */
export const Priority = {
  RAW: -300,
  CONNTRACK: -200,
  MANGLE: -150,
  NAT_DST: -100,
  FILTER: 0,
  SECURITY: 50,
  NAT_SRC: 100,
  CONNTRACK_CONFIRM: 0x7fffffff,
} as const;

/** One entry in a hook's list: a table's chain, conntrack, NAT or the confirm step. */
export type HookStep =
  | { readonly kind: "table"; readonly table: Exclude<TableName, "nat">; readonly priority: number }
  | { readonly kind: "conntrack"; readonly priority: number }
  | { readonly kind: "nat"; readonly manip: NatManip; readonly priority: number }
  | { readonly kind: "confirm"; readonly priority: number };

/** Which end of a connection NAT changes at a hook (HOOK2MANIP): the source after routing, the destination before it. */
export type NatManip = "source" | "destination";

export const HOOK_STEPS: Readonly<Record<Hook, readonly HookStep[]>> = {
  PREROUTING: [
    { kind: "table", table: "raw", priority: Priority.RAW },
    { kind: "conntrack", priority: Priority.CONNTRACK },
    { kind: "table", table: "mangle", priority: Priority.MANGLE },
    { kind: "nat", manip: "destination", priority: Priority.NAT_DST },
  ],
  INPUT: [
    { kind: "table", table: "mangle", priority: Priority.MANGLE },
    { kind: "table", table: "filter", priority: Priority.FILTER },
    { kind: "table", table: "security", priority: Priority.SECURITY },
    { kind: "nat", manip: "source", priority: Priority.NAT_SRC },
    { kind: "confirm", priority: Priority.CONNTRACK_CONFIRM },
  ],
  FORWARD: [
    { kind: "table", table: "mangle", priority: Priority.MANGLE },
    { kind: "table", table: "filter", priority: Priority.FILTER },
    { kind: "table", table: "security", priority: Priority.SECURITY },
  ],
  OUTPUT: [
    { kind: "table", table: "raw", priority: Priority.RAW },
    { kind: "conntrack", priority: Priority.CONNTRACK },
    { kind: "table", table: "mangle", priority: Priority.MANGLE },
    { kind: "nat", manip: "destination", priority: Priority.NAT_DST },
    { kind: "table", table: "filter", priority: Priority.FILTER },
    { kind: "table", table: "security", priority: Priority.SECURITY },
  ],
  POSTROUTING: [
    { kind: "table", table: "mangle", priority: Priority.MANGLE },
    { kind: "nat", manip: "source", priority: Priority.NAT_SRC },
    { kind: "confirm", priority: Priority.CONNTRACK_CONFIRM },
  ],
};

/** Is the packet coming in from a device at this hook (so -i applies and LOG prints MAC=)? */
export function hookHasInDevice(hook: Hook): boolean {
  return hook === "PREROUTING" || hook === "INPUT" || hook === "FORWARD";
}

/** Is there an output device at this hook (so -o applies)? */
export function hookHasOutDevice(hook: Hook): boolean {
  return hook === "FORWARD" || hook === "OUTPUT" || hook === "POSTROUTING";
}
