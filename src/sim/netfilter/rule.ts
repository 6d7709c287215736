/**
 * The rule representation shared by the simulator and the `iptables`
 * command: one rule is what struct ipt_entry holds — the IP part (-s, -d,
 * -i, -o, -p, each negatable with `!`), a list of match extensions (-m …)
 * in the order given, and one target (-j / -g). `iptables -S` prints the IP
 * part in that fixed order whatever order the user typed, then the matches
 * as given, then the target — so keeping the kernel's shape keeps listings
 * right.
 *
 * Values are already parsed (addresses as numbers, protocol numbers, port
 * ranges); the command turns text into these and back.
 */
import type { Ipv4Address, Ipv4Cidr } from "../addr";

/** Packets and bytes a rule or a policy counted; bytes are IPv4 total lengths, as the kernel counts skb->len at layer 3. */
export interface Counters {
  readonly packets: number;
  readonly bytes: number;
}

/** -s / -d: an address with its mask (`iptables` masks the address: 10.0.0.5/24 is stored as 10.0.0.0/24). */
export interface AddressMatch {
  readonly cidr: Ipv4Cidr;
  readonly invert: boolean;
}

/** -i / -o: a device name; a trailing "+" matches every name starting with what precedes it ("veth+"; "+" alone matches all). */
export interface InterfaceMatch {
  readonly name: string;
  readonly invert: boolean;
}

/** -p: an IP protocol number (`-p all` is no match at all). */
export interface ProtocolMatch {
  readonly protocol: number;
  readonly invert: boolean;
}

/** An inclusive port range; a single port has from === to. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export interface PortMatch {
  readonly range: PortRange;
  readonly invert: boolean;
}

/** Connection states as -m conntrack --ctstate / -m state --state name them (xt_conntrack, XT_CONNTRACK_STATE_*). */
export type CtState = "INVALID" | "NEW" | "ESTABLISHED" | "RELATED" | "UNTRACKED" | "SNAT" | "DNAT";

/** --limit N/unit, as xt_limit takes it. */
export interface LimitRate {
  readonly count: number;
  readonly per: "second" | "minute" | "hour" | "day";
}

/** ICMP type 255 means `--icmp-type any`. */
export const ICMP_TYPE_ANY = 255;

/** A match extension (-m NAME …; tcp/udp/icmp are loaded implicitly by -p). */
export type Match =
  | {
      readonly module: "tcp";
      readonly sport?: PortMatch;
      readonly dport?: PortMatch;
      /** --tcp-flags MASK COMP (--syn is SYN,RST,ACK,FIN SYN), flag bits as TcpFlag. */
      readonly flags?: { readonly mask: number; readonly compare: number; readonly invert: boolean };
    }
  | { readonly module: "udp"; readonly sport?: PortMatch; readonly dport?: PortMatch }
  /** --icmp-type TYPE[/CODE] or a name; a type alone matches codes 0–255. */
  | { readonly module: "icmp"; readonly type: number; readonly codeMin: number; readonly codeMax: number; readonly invert: boolean }
  | { readonly module: "conntrack"; readonly ctstate: readonly CtState[]; readonly invert: boolean }
  | { readonly module: "state"; readonly states: readonly CtState[]; readonly invert: boolean }
  /** --sports / --dports / --ports (either end), up to 15 ports or ranges. */
  | { readonly module: "multiport"; readonly which: "source" | "destination" | "either"; readonly ports: readonly PortRange[]; readonly invert: boolean }
  | { readonly module: "comment"; readonly comment: string }
  /** Default --limit 3/hour --limit-burst 5 (iptables-extensions(8) "limit"). */
  | { readonly module: "limit"; readonly rate: LimitRate; readonly burst: number }
  /** --every N [--packet P]: P is the counter's start, 0 ≤ P < N. */
  | { readonly module: "statistic"; readonly mode: "nth"; readonly every: number; readonly packet: number; readonly invert: boolean }
  /** --probability p, 0 ≤ p ≤ 1. */
  | { readonly module: "statistic"; readonly mode: "random"; readonly probability: number; readonly invert: boolean };

export type RejectWith =
  | "icmp-net-unreachable"
  | "icmp-host-unreachable"
  | "icmp-port-unreachable"
  | "icmp-proto-unreachable"
  | "icmp-net-prohibited"
  | "icmp-host-prohibited"
  | "icmp-admin-prohibited"
  | "tcp-reset";

/** --to-source / --to-destination ADDR[-ADDR][:PORT[-PORT]]; an absent address keeps the packet's. */
export interface NatRange {
  readonly minAddress?: Ipv4Address;
  readonly maxAddress?: Ipv4Address;
  readonly ports?: PortRange;
}

/** Built-in verdicts, a jump (-j CHAIN) or goto (-g CHAIN), or a target extension. */
export type Target =
  | { readonly kind: "ACCEPT" }
  | { readonly kind: "DROP" }
  | { readonly kind: "RETURN" }
  | { readonly kind: "jump"; readonly chain: string }
  | { readonly kind: "goto"; readonly chain: string }
  /** No -j: the rule only counts. */
  | { readonly kind: "none" }
  | { readonly kind: "REJECT"; readonly with: RejectWith }
  /** --log-level 0–7 (default 4, warning); --log-prefix up to 29 characters. */
  | { readonly kind: "LOG"; readonly prefix: string; readonly level: number; readonly tcpSequence?: boolean }
  | { readonly kind: "SNAT"; readonly to: NatRange; readonly random?: boolean; readonly persistent?: boolean }
  | { readonly kind: "DNAT"; readonly to: NatRange; readonly random?: boolean; readonly persistent?: boolean }
  | { readonly kind: "MASQUERADE"; readonly ports?: PortRange; readonly random?: boolean }
  | { readonly kind: "REDIRECT"; readonly ports?: PortRange; readonly random?: boolean };

/** What `iptables -A/-I/-R/-D/-C` describe. */
export interface RuleSpec {
  readonly source?: AddressMatch;
  readonly destination?: AddressMatch;
  readonly inInterface?: InterfaceMatch;
  readonly outInterface?: InterfaceMatch;
  readonly protocol?: ProtocolMatch;
  readonly matches: readonly Match[];
  readonly target: Target;
}

/** A rule as listed: its spec and its counters. */
export interface Rule extends RuleSpec {
  readonly counters: Counters;
}

export const ZERO_COUNTERS: Counters = { packets: 0, bytes: 0 };

/** The target's name as `iptables -L` prints it in the target column ("" when none). */
export function targetName(target: Target): string {
  switch (target.kind) {
    case "jump":
    case "goto":
      return target.chain;
    case "none":
      return "";
    default:
      return target.kind;
  }
}
