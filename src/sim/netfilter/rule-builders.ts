/**
 * Shorthand for building rule specs in code (tests, lesson fixtures), named
 * after the iptables options they stand for: `spec({ p: "icmp", j: DROP })`.
 */
import type { Ipv4Cidr } from "../addr";
import { IpProtocol } from "../wire";
import type { Match, RuleSpec, Target } from "./rule";

export interface SpecShorthand {
  readonly s?: Ipv4Cidr;
  readonly d?: Ipv4Cidr;
  readonly i?: string;
  readonly o?: string;
  /** Protocol by name or number; prefix "!" to invert. */
  readonly p?: "tcp" | "udp" | "icmp" | "!tcp" | "!udp" | "!icmp" | number;
  readonly m?: readonly Match[];
  readonly j?: Target;
}

const PROTOCOLS: Readonly<Record<string, number>> = { tcp: IpProtocol.TCP, udp: IpProtocol.UDP, icmp: IpProtocol.ICMP };

export function spec(s: SpecShorthand): RuleSpec {
  const invertP = typeof s.p === "string" && s.p.startsWith("!");
  const proto = typeof s.p === "number" ? s.p : s.p === undefined ? undefined : PROTOCOLS[s.p.replace("!", "")];
  return {
    ...(s.s ? { source: { cidr: s.s, invert: false } } : {}),
    ...(s.d ? { destination: { cidr: s.d, invert: false } } : {}),
    ...(s.i ? { inInterface: { name: s.i.replace(/^!/, ""), invert: s.i.startsWith("!") } } : {}),
    ...(s.o ? { outInterface: { name: s.o.replace(/^!/, ""), invert: s.o.startsWith("!") } } : {}),
    ...(proto !== undefined ? { protocol: { protocol: proto, invert: invertP } } : {}),
    matches: s.m ?? [],
    target: s.j ?? { kind: "none" },
  };
}

export const ACCEPT: Target = { kind: "ACCEPT" };
export const DROP: Target = { kind: "DROP" };
export const RETURN: Target = { kind: "RETURN" };
export const jump = (chain: string): Target => ({ kind: "jump", chain });
export const goto = (chain: string): Target => ({ kind: "goto", chain });
