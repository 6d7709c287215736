/**
 * The target extensions the simulator models (-j REJECT, LOG, SNAT, DNAT,
 * MASQUERADE, REDIRECT), with iptables 1.8.9's option names, parse errors
 * and final checks (iptables-extensions(8) "TARGET EXTENSIONS").
 */
import type { NatRange, PortRange, RejectWith, Target } from "../../../netfilter/rule";
import { numericToIpv4 } from "./address-parse";
import { option, type Extension, type RuleContext } from "./module-types";
import { stop, stopNotSupported, type ErrorContext } from "./xtables-errors";

type AnyTargetExtension = Extension<Record<string, unknown>, Target>;

/** libipt_REJECT reject_table: full name, alias, in the order a prefix is tried. */
const REJECT_NAMES: readonly (readonly [RejectWith, string])[] = [
  ["icmp-net-unreachable", "net-unreach"],
  ["icmp-host-unreachable", "host-unreach"],
  ["icmp-proto-unreachable", "proto-unreach"],
  ["icmp-port-unreachable", "port-unreach"],
  ["icmp-net-prohibited", "net-prohib"],
  ["icmp-host-prohibited", "host-prohib"],
  ["tcp-reset", "tcp-rst"],
  ["icmp-admin-prohibited", "admin-prohib"],
];

interface RejectDraft {
  with?: RejectWith;
}

const rejectExtension: Extension<RejectDraft, Target> = {
  name: "REJECT",
  options: [option("reject-with")],
  create: () => ({}),
  parse(draft, _id, arg, _invert, context) {
    const lower = arg.toLowerCase();
    const found = REJECT_NAMES.find(([name, alias]) => lower.length > 0 && (name.startsWith(lower) || alias.startsWith(lower)));
    if (found === undefined) stop(`unknown reject type "${arg}"`, context);
    draft.with = found[0];
  },
  finish: (draft) => ({ kind: "REJECT", with: draft.with ?? "icmp-port-unreachable" }),
};

/** syslog levels by the names libxt_LOG accepts (xtables_parse… log_names). */
const LOG_LEVELS: Readonly<Record<string, number>> = { emerg: 0, alert: 1, crit: 2, error: 3, warning: 4, notice: 5, info: 6, debug: 7, panic: 0 };

interface LogDraft {
  prefix?: string;
  level?: number;
}

const logExtension: Extension<LogDraft, Target> = {
  name: "LOG",
  options: [option("log-level"), option("log-prefix"), ...["log-tcp-sequence", "log-tcp-options", "log-ip-options", "log-uid", "log-macdecode"].map((name) => option(name, name, false))],
  create: () => ({}),
  parse(draft, id, arg, _invert, context) {
    if (id === "log-level") {
      const level = /^[0-7]$/.test(arg) ? Number(arg) : LOG_LEVELS[arg.toLowerCase()];
      if (level === undefined) stop(`log level "${arg}" unknown\n`, context);
      draft.level = level;
    } else if (id === "log-prefix") {
      if (arg.length === 0) stop("Argument must have a minimum length of 1 characters\n", context);
      draft.prefix = arg;
    } else {
      stopNotSupported(`option "--${id}"`, context);
    }
  },
  // The kernel keeps 29 characters of the prefix (NF_LOG_PREFIXLEN is 30 with the NUL); iptables-nft truncates silently.
  finish: (draft) => ({ kind: "LOG", prefix: (draft.prefix ?? "").slice(0, 29), level: draft.level ?? 4 }),
};

function parseNatPort(text: string, context: ErrorContext): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) stop(`Port \`${text}' not valid`, context);
  return Number(text);
}

/** PORT or PORT-PORT (libxt_NAT/REDIRECT parse_ports): a colon or a backwards range is refused with libxtables' words. */
function parsePortSpan(text: string, context: ErrorContext): PortRange {
  if (text.includes(":")) stop("Invalid port:port syntax - use dash", context);
  const dash = text.indexOf("-");
  if (dash < 0) {
    const port = parseNatPort(text, context);
    return { from: port, to: port };
  }
  const from = parseNatPort(text.slice(0, dash), context);
  const last = text.slice(dash + 1);
  const to = parseNatPort(last, context);
  if (to < from) stop(`Port range \`${last}' funky`, context);
  return { from, to };
}

/** ADDR[-ADDR][:PORT[-PORT]] (libxt_NAT parse_to). */
function parseNatRange(text: string, context: ErrorContext): NatRange {
  const colon = text.indexOf(":");
  const addresses = colon < 0 ? text : text.slice(0, colon);
  const ports = colon < 0 ? undefined : parsePortSpan(text.slice(colon + 1), context);
  if (addresses === "") return ports === undefined ? {} : { ports };
  const dash = addresses.indexOf("-");
  const first = dash < 0 ? addresses : addresses.slice(0, dash);
  const last = dash < 0 ? addresses : addresses.slice(dash + 1);
  const minAddress = numericToIpv4(first);
  if (minAddress === null || first.split(".").length !== 4) stop(`Bad IP address "${first}"`, context);
  const maxAddress = numericToIpv4(last);
  if (maxAddress === null || last.split(".").length !== 4) stop(`Bad IP address "${last}"`, context);
  return ports === undefined ? { minAddress, maxAddress } : { minAddress, maxAddress, ports };
}

/** Ports in a NAT target need a protocol that has them (libxt_NAT / libxt_MASQUERADE). */
function requirePortProtocol(rule: RuleContext, context: ErrorContext): void {
  const withPorts = [6, 17, 132, 33, 136];
  if (rule.protocol === null || rule.protocolInverted || !withPorts.includes(rule.protocol)) stop("Need TCP, UDP, SCTP or DCCP with port specification", context);
}

interface NatDraft {
  to?: NatRange;
  random: boolean;
  persistent: boolean;
}

function natExtension(kind: "SNAT" | "DNAT"): Extension<NatDraft, Target> {
  const toOption = kind === "SNAT" ? "to-source" : "to-destination";
  return {
    name: kind,
    options: [option(toOption), option("random", "random", false), option("persistent", "persistent", false), option("random-fully", "random-fully", false)],
    create: () => ({ random: false, persistent: false }),
    parse(draft, id, arg, _invert, context) {
      if (id === toOption) {
        if (draft.to !== undefined) stopNotSupported(`a second "--${toOption}"`, context);
        draft.to = parseNatRange(arg, context);
      } else if (id === "random") draft.random = true;
      else if (id === "persistent") draft.persistent = true;
      else stopNotSupported(`option "--${id}"`, context);
    },
    finish(draft, rule, context) {
      if (draft.to === undefined) stop(`${kind}: option "--${toOption}" must be specified\n`, context);
      if (draft.to.ports !== undefined) requirePortProtocol(rule, context);
      const target: Target = { kind, to: draft.to };
      return { ...target, ...(draft.random ? { random: true } : {}), ...(draft.persistent ? { persistent: true } : {}) };
    },
  };
}

interface PortsTargetDraft {
  ports?: PortRange;
  random: boolean;
}

function portsTargetExtension(kind: "MASQUERADE" | "REDIRECT"): Extension<PortsTargetDraft, Target> {
  return {
    name: kind,
    options: [option("to-ports"), option("random", "random", false), option("random-fully", "random-fully", false)],
    create: () => ({ random: false }),
    parse(draft, id, arg, _invert, context) {
      if (id === "to-ports") draft.ports = parsePortSpan(arg, context);
      else if (id === "random") draft.random = true;
      else stopNotSupported(`option "--${id}"`, context);
    },
    finish(draft, rule, context) {
      if (draft.ports !== undefined) requirePortProtocol(rule, context);
      return { kind, ...(draft.ports !== undefined ? { ports: draft.ports } : {}), ...(draft.random ? { random: true } : {}) };
    },
  };
}

export const TARGET_EXTENSIONS: Readonly<Record<string, AnyTargetExtension>> = {
  REJECT: rejectExtension as unknown as AnyTargetExtension,
  LOG: logExtension as unknown as AnyTargetExtension,
  SNAT: natExtension("SNAT") as unknown as AnyTargetExtension,
  DNAT: natExtension("DNAT") as unknown as AnyTargetExtension,
  MASQUERADE: portsTargetExtension("MASQUERADE") as unknown as AnyTargetExtension,
  REDIRECT: portsTargetExtension("REDIRECT") as unknown as AnyTargetExtension,
};

/** The standard targets: verdicts, not extensions. */
export const STANDARD_TARGETS: ReadonlySet<string> = new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);

/** Real target extensions of iptables 1.8.9 the simulator does not model. */
export const UNMODELLED_TARGETS: ReadonlySet<string> = new Set(
  "AUDIT CHECKSUM CLASSIFY CLUSTERIP CONNMARK CONNSECMARK CT DSCP ECN HMARK IDLETIMER LED MARK NETMAP NFLOG NFQUEUE NOTRACK RATEEST SECMARK SET SYNPROXY TCPMSS TCPOPTSTRIP TEE TOS TPROXY TRACE TTL ULOG".split(" "),
);
