/**
 * What an `ip` command line asks for, once parsed: plain data for the model
 * to execute. Names (devices, namespaces) are already checked to exist where
 * iproute2 checks them before talking to the kernel; everything the kernel
 * itself refuses (EEXIST, ENETUNREACH…) is for the model to answer, worded by
 * formatNetlinkError.
 */
import type { Ipv4Address, Ipv4Cidr } from "../../addr";
import type { MacAddress } from "../../wire/mac-address";

export type IpFamilyFilter = "inet" | "inet6" | null;

export interface IpGlobalOptions {
  /** -4 / -6 / -family: show only addresses (and routes, neighbours) of this family. */
  readonly family: IpFamilyFilter;
  /** -br[ief]: one line per device, padded columns. */
  readonly brief: boolean;
  /** -o[neline]: each record on one line, continuation lines joined with "\". */
  readonly oneline: boolean;
  /** -n[etns] NAME: run in that named namespace (as `ip netns exec NAME ip …`). */
  readonly netns: string | null;
}

/* ---------- ip netns ---------- */

export type NetnsRequest =
  | { readonly object: "netns"; readonly action: "list" }
  | { readonly object: "netns"; readonly action: "add"; readonly name: string }
  | { readonly object: "netns"; readonly action: "delete"; readonly name: string }
  /** `ip netns set NAME NSID`; nsid null for "auto". */
  | { readonly object: "netns"; readonly action: "set"; readonly name: string; readonly nsid: number | null }
  /** `ip netns exec NAME cmd…`: the shell runs `argv` inside the namespace; the exit status is the command's. */
  | { readonly object: "netns"; readonly action: "exec"; readonly name: string; readonly argv: readonly string[] };

/* ---------- ip link ---------- */

export type LinkKind =
  | { readonly type: "veth"; readonly peer: LinkAddOptions }
  | { readonly type: "bridge" };

/** Options of `ip link add` that we model, for the device or for a veth's peer. */
export interface LinkAddOptions {
  /** null: the kernel picks one (veth0, bridge0…). */
  readonly name: string | null;
  readonly address: MacAddress | null;
  readonly mtu: number | null;
  /** Create the device in this named namespace. */
  readonly netns: string | null;
  /** `up` in the add command sets IFF_UP on creation. */
  readonly up: boolean | null;
}

export interface LinkAddRequest extends LinkAddOptions {
  readonly object: "link";
  readonly action: "add";
  readonly kind: LinkKind;
}

/** One change of `ip link set`, in the order the kernel applies them (see linkSetChanges). */
export type LinkChange =
  | { readonly change: "netns"; readonly netns: string }
  | { readonly change: "name"; readonly name: string }
  | { readonly change: "address"; readonly address: MacAddress }
  | { readonly change: "mtu"; readonly mtu: number }
  | { readonly change: "master"; readonly master: string }
  | { readonly change: "nomaster" }
  | { readonly change: "state"; readonly up: boolean };

export interface LinkSetRequest {
  readonly object: "link";
  readonly action: "set";
  readonly dev: string;
  readonly changes: readonly LinkChange[];
}

export interface LinkDeleteRequest {
  readonly object: "link";
  readonly action: "delete";
  readonly dev: string;
}

export interface LinkShowRequest {
  readonly object: "link";
  readonly action: "show";
  readonly dev: string | null;
  /** `type veth|bridge|…`: only devices of this kind. */
  readonly type: string | null;
  /** `master BR`: only ports of this bridge. */
  readonly master: string | null;
  /** `up`: only devices with IFF_UP. */
  readonly up: boolean;
}

export type LinkRequest = LinkAddRequest | LinkSetRequest | LinkDeleteRequest | LinkShowRequest;

/* ---------- ip address ---------- */

export interface AddrModifyRequest {
  readonly object: "address";
  readonly action: "add" | "delete";
  readonly dev: string;
  readonly local: Ipv4Cidr;
  /** false when written without "/N": delete then matches any prefix length (with a warning). */
  readonly prefixGiven: boolean;
  /** `brd +` or `broadcast ADDR`; null when not asked for (the kernel then stores none). */
  readonly broadcast: Ipv4Address | null;
  /** `label NAME`; null: the device name. */
  readonly label: string | null;
  /** RT_SCOPE_* name or number; null: let the kernel choose (host for 127/8, else global). */
  readonly scope: string | null;
  /** Text iproute2 prints to stderr before asking the kernel (the wildcard-delete warning). */
  readonly warning: string;
}

export interface AddrShowRequest {
  readonly object: "address";
  readonly action: "show";
  readonly dev: string | null;
  readonly up: boolean;
}

export interface AddrFlushRequest {
  readonly object: "address";
  readonly action: "flush";
  readonly dev: string;
}

export type AddrRequest = AddrModifyRequest | AddrShowRequest | AddrFlushRequest;

/* ---------- ip route ---------- */

export type RouteType = "unicast" | "local" | "broadcast" | "multicast" | "throw" | "unreachable" | "prohibit" | "blackhole" | "nat" | "anycast";

export interface RouteSpec {
  readonly type: RouteType;
  /** The destination block; 0.0.0.0/0 for `default`. */
  readonly dst: Ipv4Cidr;
  readonly via: Ipv4Address | null;
  readonly dev: string | null;
  readonly src: Ipv4Address | null;
  /** null: not given (the kernel stores 0). */
  readonly metric: number | null;
  /** Numeric RTPROT_*; `add` defaults to boot (3) as iproute2 sends it. */
  readonly protocol: number;
  /** Numeric RT_SCOPE_*, resolved as iproute2 resolves a missing scope. */
  readonly scope: number;
  /** Numeric table id (main 254, local 255, default 253). */
  readonly table: number;
}

export interface RouteModifyRequest {
  readonly object: "route";
  /** add: create, fail if it exists; replace: create or overwrite; change: overwrite, fail if missing; delete. */
  readonly action: "add" | "replace" | "change" | "delete";
  readonly route: RouteSpec;
  /** Which fields the command named: a delete matches only on those (plus dst). */
  readonly given: ReadonlySet<"via" | "dev" | "src" | "metric" | "protocol" | "scope" | "type">;
}

/** Selector of `ip route show` and `ip route flush`. */
export interface RouteSelector {
  /** 0 = all tables. */
  readonly table: number;
  /** `ip route show 10.0.0.0/24` / `root` / `match` / `exact`: only `exact` (the default form) is modelled. */
  readonly exact: Ipv4Cidr | null;
  readonly dev: string | null;
  readonly protocol: number | null;
  readonly scope: number | null;
  readonly type: RouteType | null;
  readonly via: Ipv4Address | null;
}

export interface RouteShowRequest {
  readonly object: "route";
  readonly action: "show" | "flush";
  readonly selector: RouteSelector;
}

export interface RouteGetRequest {
  readonly object: "route";
  readonly action: "get";
  readonly dst: Ipv4Address;
  readonly from: Ipv4Address | null;
  readonly iif: string | null;
  readonly oif: string | null;
  /** Printed by iproute2 to stderr before the answer (a prefix length other than /32). */
  readonly warning: string;
}

export type RouteRequest = RouteModifyRequest | RouteShowRequest | RouteGetRequest;

/* ---------- ip neighbour ---------- */

export type NudState = "permanent" | "noarp" | "reachable" | "stale" | "none" | "incomplete" | "delay" | "probe" | "failed";

export interface NeighModifyRequest {
  readonly object: "neighbour";
  readonly action: "add" | "replace" | "change" | "delete";
  readonly dst: Ipv4Address;
  readonly dev: string;
  readonly lladdr: MacAddress | null;
  /** `add`/`replace`/`change` default to permanent, as iproute2 sends NUD_PERMANENT. */
  readonly nud: NudState;
}

export interface NeighShowRequest {
  readonly object: "neighbour";
  readonly action: "show" | "flush";
  readonly dev: string | null;
  readonly to: Ipv4Cidr | null;
  /** The states shown or flushed; `none` (0) entries only when `nud all`. */
  readonly states: ReadonlySet<NudState>;
}

export type NeighRequest = NeighModifyRequest | NeighShowRequest;

/* ---------- the whole command ---------- */

export type IpCommand = NetnsRequest | LinkRequest | AddrRequest | RouteRequest | NeighRequest;

export interface IpRequest {
  readonly options: IpGlobalOptions;
  readonly command: IpCommand;
}
