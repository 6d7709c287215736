/**
 * Plain records the model hands to the formatters: what `ip`, `bridge` and
 * `sysctl` print, field by field, already decided (flags in print order,
 * operstate, which peer name is visible). The formatters only lay them out.
 */

/** A device as `ip link` shows it (iproute2 print_linkinfo). */
export interface LinkView {
  readonly ifindex: number;
  readonly name: string;
  /** The veth peer after "@": its name when in the same namespace, else "if<ifindex>" (`v3@if5`). */
  readonly peer?: { readonly name: string } | { readonly ifindex: number };
  /** In print order: NO-CARRIER first if up without carrier, then LOOPBACK, BROADCAST, MULTICAST, UP, LOWER_UP, then M-DOWN. */
  readonly flags: readonly string[];
  readonly mtu: number;
  /** "noop" while never up, "noqueue" once up (veth, bridge, lo). */
  readonly qdisc: string;
  /** The bridge this device is a port of. */
  readonly master?: string;
  /** Operstate: UP, DOWN, UNKNOWN, LOWERLAYERDOWN… */
  readonly state: string;
  /** "DEFAULT" for every device we model. */
  readonly mode: string;
  /** "default". */
  readonly group: string;
  readonly qlen?: number;
  readonly linkType: "loopback" | "ether";
  readonly address: string;
  readonly broadcast: string;
  /** A veth whose peer is in another namespace: `link-netns NAME` when that namespace is named here, else `link-netnsid N`. */
  readonly linkNetns?: { readonly name: string } | { readonly nsid: number };
  /** The rtnetlink kind, for `ip link show type T`. lo has none. */
  readonly kind?: "veth" | "bridge";
}

/** One address of a device (iproute2 print_addrinfo). */
export interface AddrView {
  readonly family: "inet" | "inet6";
  readonly address: string;
  readonly prefix: number;
  /** Only when one was set (`brd +` or `broadcast X`); the kernel stores none otherwise. */
  readonly broadcast?: string;
  /** "global", "host", "link". */
  readonly scope: string;
  /** A second address in a subnet the device already has. */
  readonly secondary?: boolean;
  /** The IPv4 label; defaults to the device name. */
  readonly label?: string;
  /** Extra IPv6 flags printed after the scope ("tentative"…). */
  readonly flags?: readonly string[];
}

export interface LinkAddrsView {
  readonly link: LinkView;
  readonly addrs: readonly AddrView[];
}

/** One route (iproute2 print_route). */
export interface RouteView {
  /** "unicast" is not printed. */
  readonly type: string;
  /** "default" or "10.0.0.0/24"; a /32 is printed as the bare address. */
  readonly dst: string;
  readonly via?: string;
  readonly dev?: string;
  /** Numeric table id (254 main, 255 local). */
  readonly table: number;
  /** Name or number; "boot" is not printed. */
  readonly protocol: string;
  /** "global" is not printed. */
  readonly scope: string;
  readonly prefsrc?: string;
  /** Printed when non-zero. */
  readonly metric?: number;
  /** Next-hop flags, e.g. "linkdown", "onlink". */
  readonly flags?: readonly string[];
}

/** The answer of `ip route get` (a cached route). */
export interface RouteGetView {
  /** "unicast", "local", "broadcast", "multicast". */
  readonly type: string;
  readonly dst: string;
  /** Printed when the question had `from`; then `src` is not printed. */
  readonly from?: string;
  readonly via?: string;
  readonly dev: string;
  readonly src?: string;
  /** The input interface, when the question had `iif`. */
  readonly iif?: string;
  readonly uid: number;
  /** Flags of the "cache" line: "local", "brd"… */
  readonly cacheFlags: readonly string[];
}

/** One neighbour entry (iproute2 print_neigh). */
export interface NeighView {
  readonly dst: string;
  readonly dev: string;
  readonly lladdr?: string;
  readonly router?: boolean;
  /** Upper case as printed: REACHABLE, STALE, DELAY, PROBE, INCOMPLETE, FAILED, PERMANENT, NOARP. */
  readonly state: string;
}

/** One forwarding-database entry (bridge fdb show). */
export interface FdbView {
  readonly mac: string;
  readonly dev: string;
  readonly vlan?: number;
  /** "master br0" entries are the bridge's; entries without master are the device's own list. */
  readonly master?: string;
  /** "permanent", "static" or absent (learned). */
  readonly state?: "permanent" | "static";
  /** "self" entries (the device's own list). */
  readonly self?: boolean;
}

/** One bridge port (bridge link). */
export interface BridgePortView {
  readonly ifindex: number;
  readonly name: string;
  readonly peer?: { readonly name: string } | { readonly ifindex: number };
  readonly flags: readonly string[];
  readonly mtu: number;
  readonly master: string;
  /** STP state: "forwarding", "disabled", "blocking"… */
  readonly stpState: string;
  readonly priority: number;
  readonly cost: number;
}

/** A named namespace (ip netns list), newest first as the real directory listing gives them. */
export interface NetnsView {
  readonly name: string;
  /** The nsid this namespace has in the current one, once assigned (a veth peer there, or `ip netns set`). */
  readonly nsid?: number;
}
