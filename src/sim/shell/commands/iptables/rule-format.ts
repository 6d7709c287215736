/**
 * One rule in the two notations iptables prints: the command-line form of
 * `iptables -S` / `iptables-save` (each extension's save()), and the
 * trailing text of an `iptables -L` line (each extension's print()). The
 * IP part of the save form comes in xtables' fixed order (-s -d -i -o -p),
 * then the matches in the order they were given, then the target.
 */
import { formatIpv4, type Ipv4Cidr } from "../../../addr";
import type { Match, NatRange, PortMatch, PortRange, RuleSpec, Target } from "../../../netfilter/rule";
import { icmpTypeName } from "./icmp-types";
import { LIMIT_SCALE } from "./match-extensions";
import { portToService, protocolName, type PortProtocol } from "./netdb";

/** xtables_chain_protos: the names iptables knows without /etc/protocols. */
const CHAIN_PROTOS: Readonly<Record<number, string>> = { 6: "tcp", 132: "sctp", 17: "udp", 136: "udplite", 1: "icmp", 58: "icmpv6", 50: "esp", 51: "ah", 135: "mh", 0: "all" };

/** proto_to_name: the name printed for -p, or null (the number is printed). */
export function protocolLabel(protocol: number, numeric: boolean): string | null {
  const known = CHAIN_PROTOS[protocol];
  if (known !== undefined) return known;
  if (protocol !== 0 && !numeric) return protocolName(protocol);
  return null;
}

/**
 * xtables_save_string: bare when made only of [A-Za-z0-9_-], else in double
 * quotes with ", \ and ' escaped by a backslash.
 */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (char) => `\\${char}`)}"`;
}

function cidrSave(cidr: Ipv4Cidr): string {
  return `${formatIpv4(cidr.address)}/${cidr.prefix}`;
}

function invert(flag: boolean): string {
  return flag ? " !" : "";
}

/** The target's name as -j takes it and -L prints it ("" when the rule has none). */
export function targetLabel(target: Target): string {
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

function portSave(port: PortRange): string {
  return port.from === port.to ? String(port.from) : `${port.from}:${port.to}`;
}

function portsSave(option: string, port: PortMatch | undefined): string {
  return port === undefined ? "" : `${invert(port.invert)} --${option} ${portSave(port.range)}`;
}

const TCP_FLAG_NAMES: readonly (readonly [string, number])[] = [
  ["FIN", 0x01],
  ["SYN", 0x02],
  ["RST", 0x04],
  ["PSH", 0x08],
  ["ACK", 0x10],
  ["URG", 0x20],
];

/** libxt_tcp print_tcpf: names in bit order, NONE for no flag. */
function tcpFlagNames(bits: number): string {
  const names = TCP_FLAG_NAMES.filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
  return names.length === 0 ? "NONE" : names.join(",");
}

/** xt_limit's average in 1/10000 s, and the rate iptables prints back (libxt_limit print_rate). */
function limitRateText(rate: { count: number; per: "second" | "minute" | "hour" | "day" }): string {
  const seconds = { second: 1, minute: 60, hour: 3600, day: 86400 }[rate.per];
  const period = Math.floor((LIMIT_SCALE * seconds) / rate.count);
  const units: readonly (readonly [string, number])[] = [
    ["day", 86400 * LIMIT_SCALE],
    ["hour", 3600 * LIMIT_SCALE],
    ["min", 60 * LIMIT_SCALE],
    ["sec", LIMIT_SCALE],
  ];
  let chosen = units[0] ?? ["day", 1];
  for (let index = 1; index < units.length; index++) {
    const unit = units[index];
    if (unit === undefined) break;
    if (period > unit[1] || Math.floor(unit[1] / period) < unit[1] % period) break;
    chosen = unit;
  }
  return `${Math.floor(chosen[1] / period)}/${chosen[0]}`;
}

/** xt_statistic keeps the probability as a 31-bit fraction; iptables prints it back with %.11f. */
function probabilityText(probability: number): string {
  const stored = Math.round(probability * 0x80000000);
  return (stored / 0x80000000).toFixed(11);
}

function matchSave(match: Match): string {
  switch (match.module) {
    case "tcp":
    case "udp": {
      const flags = match.module === "tcp" && match.flags !== undefined ? `${invert(match.flags.invert)} --tcp-flags ${tcpFlagNames(match.flags.mask)} ${tcpFlagNames(match.flags.compare)}` : "";
      return `${portsSave("sport", match.sport)}${portsSave("dport", match.dport)}${flags}`;
    }
    case "icmp": {
      if (match.type === 0xff) return `${invert(match.invert)} --icmp-type any`;
      const code = match.codeMin !== 0 || match.codeMax !== 0xff ? `/${match.codeMin}` : "";
      return `${invert(match.invert)} --icmp-type ${match.type}${code}`;
    }
    case "conntrack":
      return `${invert(match.invert)} --ctstate ${match.ctstate.join(",")}`;
    case "state":
      return `${invert(match.invert)} --state ${match.states.join(",")}`;
    case "multiport": {
      const option = match.which === "source" ? "sports" : match.which === "destination" ? "dports" : "ports";
      return `${invert(match.invert)} --${option} ${match.ports.map(portSave).join(",")}`;
    }
    case "comment":
      return ` --comment ${saveString(match.comment)}`;
    case "limit":
      return ` --limit ${limitRateText(match.rate)}${match.burst === 5 ? "" : ` --limit-burst ${match.burst}`}`;
    case "statistic":
      if (match.mode === "random") return `${invert(match.invert)} --mode random --probability ${probabilityText(match.probability)}`;
      return `${invert(match.invert)} --mode nth --every ${match.every} --packet ${match.packet}`;
  }
}

function natRangeText(range: NatRange): string {
  let text = "";
  if (range.minAddress !== undefined) {
    text = formatIpv4(range.minAddress);
    if (range.maxAddress !== undefined && range.maxAddress !== range.minAddress) text += `-${formatIpv4(range.maxAddress)}`;
  }
  if (range.ports !== undefined) text += `:${portSpan(range.ports)}`;
  return text;
}

function portSpan(ports: PortRange): string {
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

function targetSave(target: Target): string {
  switch (target.kind) {
    case "none":
      return "";
    case "goto":
      return ` -g ${target.chain}`;
    case "jump":
      return ` -j ${target.chain}`;
    case "ACCEPT":
    case "DROP":
    case "RETURN":
      return ` -j ${target.kind}`;
    case "REJECT":
      return ` -j REJECT --reject-with ${target.with}`;
    case "LOG":
      return ` -j LOG${target.prefix === "" ? "" : ` --log-prefix ${saveString(target.prefix)}`}${target.level === 4 ? "" : ` --log-level ${target.level}`}`;
    case "SNAT":
    case "DNAT":
      return ` -j ${target.kind} --to-${target.kind === "SNAT" ? "source" : "destination"} ${natRangeText(target.to)}${target.random === true ? " --random" : ""}${target.persistent === true ? " --persistent" : ""}`;
    case "MASQUERADE":
    case "REDIRECT":
      return ` -j ${target.kind}${target.ports === undefined ? "" : ` --to-ports ${portSpan(target.ports)}`}${target.random === true ? " --random" : ""}`;
  }
}

/**
 * The rule after `-A CHAIN`, with its leading space: ` -s 10.0.0.0/8 -p tcp
 * -m tcp --dport 22 -j ACCEPT`. `counters` adds ` -c PKTS BYTES` before the
 * target, as `iptables -S -v` does.
 */
export function formatRuleSave(spec: RuleSpec, counters?: { packets: number; bytes: number }): string {
  let text = "";
  if (spec.source !== undefined) text += `${invert(spec.source.invert)} -s ${cidrSave(spec.source.cidr)}`;
  if (spec.destination !== undefined) text += `${invert(spec.destination.invert)} -d ${cidrSave(spec.destination.cidr)}`;
  if (spec.inInterface !== undefined) text += `${invert(spec.inInterface.invert)} -i ${spec.inInterface.name}`;
  if (spec.outInterface !== undefined) text += `${invert(spec.outInterface.invert)} -o ${spec.outInterface.name}`;
  if (spec.protocol !== undefined) text += `${invert(spec.protocol.invert)} -p ${protocolLabel(spec.protocol.protocol, false) ?? spec.protocol.protocol}`;
  for (const match of spec.matches) {
    text += ` -m ${match.module}${matchSave(match)}`;
  }
  if (counters !== undefined) text += ` -c ${counters.packets} ${counters.bytes}`;
  return text + targetSave(spec.target);
}

function portName(port: number, protocol: PortProtocol, numeric: boolean): string {
  return (numeric ? null : portToService(port, protocol)) ?? String(port);
}

function portsPrint(label: string, port: PortMatch | undefined, protocol: PortProtocol, numeric: boolean): string {
  if (port === undefined) return "";
  const { from, to } = port.range;
  const inv = port.invert ? "!" : "";
  if (from === to) return ` ${label}:${inv}${portName(from, protocol, numeric)}`;
  return ` ${label}s:${inv}${portName(from, protocol, numeric)}:${portName(to, protocol, numeric)}`;
}

function icmpPrint(match: Extract<Match, { module: "icmp" }>, numeric: boolean): string {
  const name = numeric ? null : icmpTypeName(match.type, match.codeMin, match.codeMax);
  if (name !== null) return ` icmp ${match.invert ? "!" : ""}${name}`;
  let text = ` icmp${match.invert ? " !" : ""}type ${match.type}`;
  if (match.codeMin === match.codeMax) text += ` code ${match.codeMin}`;
  else if (match.codeMin !== 0 || match.codeMax !== 0xff) text += ` codes ${match.codeMin}-${match.codeMax}`;
  return text;
}

function matchPrint(match: Match, protocol: PortProtocol, numeric: boolean): string {
  switch (match.module) {
    case "tcp":
    case "udp": {
      const flags =
        match.module === "tcp" && match.flags !== undefined
          ? ` flags:${match.flags.invert ? "!" : ""}${numeric ? `0x${hex2(match.flags.mask)}/0x${hex2(match.flags.compare)}` : `${tcpFlagNames(match.flags.mask)}/${tcpFlagNames(match.flags.compare)}`}`
          : "";
      return ` ${match.module}${portsPrint("spt", match.sport, match.module, numeric)}${portsPrint("dpt", match.dport, match.module, numeric)}${flags}`;
    }
    case "icmp":
      return icmpPrint(match, numeric);
    case "conntrack":
      return `${match.invert ? " !" : ""} ctstate ${match.ctstate.join(",")}`;
    case "state":
      return `${match.invert ? " !" : ""} state ${match.states.join(",")}`;
    case "multiport": {
      const which = match.which === "source" ? "sports" : match.which === "destination" ? "dports" : "ports";
      const ports = match.ports.map((range) => (range.from === range.to ? portName(range.from, protocol, numeric) : `${portName(range.from, protocol, numeric)}:${portName(range.to, protocol, numeric)}`));
      return ` multiport ${which} ${match.invert ? " !" : ""}${ports.join(",")}`;
    }
    case "comment":
      return ` /* ${match.comment} */`;
    case "limit":
      return ` limit: avg ${limitRateText(match.rate)} burst ${match.burst}`;
    case "statistic":
      if (match.mode === "random") return ` statistic${match.invert ? " !" : ""} mode random probability ${probabilityText(match.probability)}`;
      return ` statistic${match.invert ? " !" : ""} mode nth every ${match.every}${match.packet === 0 ? "" : ` packet ${match.packet}`}`;
  }
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, "0");
}

/** syslog level names as libxt_LOG prints them without -n. */
const LOG_LEVEL_NAMES = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

function targetPrint(target: Target, numeric: boolean): string {
  switch (target.kind) {
    case "REJECT":
      return ` reject-with ${target.with}`;
    case "LOG": {
      const level = numeric ? `flags 0 level ${target.level}` : `level ${LOG_LEVEL_NAMES[target.level] ?? target.level}`;
      return ` LOG ${level}${target.prefix === "" ? "" : ` prefix "${target.prefix}"`}`;
    }
    case "SNAT":
    case "DNAT":
      return ` to:${natRangeText(target.to)}${target.random === true ? " random" : ""}${target.persistent === true ? " persistent" : ""}`;
    case "MASQUERADE":
      return `${target.ports === undefined ? "" : ` masq ports: ${portSpan(target.ports)}`}${target.random === true ? " random" : ""}`;
    case "REDIRECT":
      return `${target.ports === undefined ? "" : ` redir ports ${portSpan(target.ports)}`}${target.random === true ? " random" : ""}`;
    default:
      return "";
  }
}

/** The text after the destination column of `iptables -L`: "[goto] ", the matches, the target's options. */
export function formatRuleDetails(spec: RuleSpec, numeric: boolean): string {
  const protocol: PortProtocol = spec.protocol?.protocol === 17 ? "udp" : "tcp";
  let text = spec.target.kind === "goto" ? "[goto] " : "";
  for (const match of spec.matches) {
    text += matchPrint(match, protocol, numeric);
  }
  return text + targetPrint(spec.target, numeric);
}
