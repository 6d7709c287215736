/**
 * Does a rule match a packet? First the IP part (ip_packet_match: -s, -d,
 * -i, -o, -p with their `!`), then each match extension in order, stopping
 * at the first that fails — so a limit or statistic match only sees packets
 * that got that far, as in the kernel.
 */
import { ipv4ContainsAddress } from "../addr";
import type { Rng, SimTime } from "../core";
import { IpProtocol } from "../wire";
import { limitAllows, type LimitBucket } from "./limit-bucket";
import type { PacketInfo } from "./packet-info";
import { ICMP_TYPE_ANY, type CtState, type InterfaceMatch, type Match, type PortMatch, type PortRange, type RuleSpec } from "./rule";

export interface MatchContext {
  readonly pkt: PacketInfo;
  readonly inDev?: string;
  readonly outDev?: string;
  /** The packet's conntrack states for -m conntrack (SNAT/DNAT included) and -m state. */
  ctStates(): ReadonlySet<CtState>;
  readonly now: SimTime;
  readonly rng: Rng;
}

export function ruleMatches(spec: RuleSpec, matchState: unknown[], ctx: MatchContext): boolean {
  return ipPartMatches(spec, ctx) && spec.matches.every((m, i) => extensionMatches(m, i, matchState, ctx));
}

function ipPartMatches(spec: RuleSpec, ctx: MatchContext): boolean {
  const { pkt } = ctx;
  if (spec.source && ipv4ContainsAddress(spec.source.cidr, pkt.src) === spec.source.invert) return false;
  if (spec.destination && ipv4ContainsAddress(spec.destination.cidr, pkt.dst) === spec.destination.invert) return false;
  if (spec.inInterface && !interfaceMatches(spec.inInterface, ctx.inDev)) return false;
  if (spec.outInterface && !interfaceMatches(spec.outInterface, ctx.outDev)) return false;
  if (spec.protocol && (pkt.protocol === spec.protocol.protocol) === spec.protocol.invert) return false;
  return true;
}

/** ifname_compare: exact, or a prefix when the name ends in "+" ("+" alone: any). No device at this hook never matches. */
export function interfaceMatches(m: InterfaceMatch, device: string | undefined): boolean {
  const name = device ?? "";
  const hit = m.name.endsWith("+") ? name.startsWith(m.name.slice(0, -1)) : name === m.name;
  return hit !== m.invert;
}

function portMatches(m: PortMatch | undefined, port: number): boolean {
  if (!m) return true;
  return (port >= m.range.from && port <= m.range.to) !== m.invert;
}

function inAny(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => port >= r.from && port <= r.to);
}

function extensionMatches(m: Match, index: number, state: unknown[], ctx: MatchContext): boolean {
  const { pkt } = ctx;
  switch (m.module) {
    case "tcp":
    case "udp": {
      const wanted = m.module === "tcp" ? IpProtocol.TCP : IpProtocol.UDP;
      if (pkt.protocol !== wanted || pkt.srcPort === undefined || pkt.dstPort === undefined) return false;
      if (!portMatches(m.sport, pkt.srcPort) || !portMatches(m.dport, pkt.dstPort)) return false;
      if (m.module === "tcp" && m.flags) return (((pkt.tcpFlags ?? 0) & m.flags.mask) === m.flags.compare) !== m.flags.invert;
      return true;
    }
    case "icmp": {
      if (pkt.protocol !== IpProtocol.ICMP || pkt.icmpType === undefined) return false;
      const hit = m.type === ICMP_TYPE_ANY || (pkt.icmpType === m.type && (pkt.icmpCode ?? 0) >= m.codeMin && (pkt.icmpCode ?? 0) <= m.codeMax);
      return hit !== m.invert;
    }
    case "conntrack":
      return m.ctstate.some((s) => ctx.ctStates().has(s)) !== m.invert;
    case "state":
      return m.states.some((s) => s !== "SNAT" && s !== "DNAT" && ctx.ctStates().has(s)) !== m.invert;
    case "multiport": {
      if (pkt.srcPort === undefined || pkt.dstPort === undefined) return false;
      const hit =
        m.which === "source" ? inAny(m.ports, pkt.srcPort) : m.which === "destination" ? inAny(m.ports, pkt.dstPort) : inAny(m.ports, pkt.srcPort) || inAny(m.ports, pkt.dstPort);
      return hit !== m.invert;
    }
    case "comment":
      return true;
    case "limit": {
      const result = limitAllows(state[index] as LimitBucket | undefined, m.rate, m.burst, ctx.now);
      state[index] = result.bucket;
      return result.allowed;
    }
    case "statistic":
      return statisticMatches(m, index, state, ctx) !== m.invert;
  }
}

/**
 * xt_statistic. nth: a per-rule counter of the packets that reached the
 * match; packet k (from 0) matches when k mod every = packet. Measured:
 * `--every 3 --packet 0` logs the 1st, 4th, 7th ping; `--packet 1` the
 * 2nd and 5th. random: (random u32 & 0x7fffffff) < p × 2^31.
 */
function statisticMatches(m: Extract<Match, { module: "statistic" }>, index: number, state: unknown[], ctx: MatchContext): boolean {
  if (m.mode === "random") return (ctx.rng.nextU32() & 0x7fffffff) < Math.round(m.probability * 0x80000000);
  const seen = (state[index] as number | undefined) ?? 0;
  state[index] = seen + 1;
  return seen % m.every === m.packet;
}
