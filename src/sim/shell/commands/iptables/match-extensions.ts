/**
 * The match extensions the simulator models, with iptables 1.8.9's option
 * names, parse errors and final checks (iptables-extensions(8)). Each
 * produces the engine's `Match`.
 */
import type { CtState, LimitRate, Match, PortMatch, PortRange } from "../../../netfilter/rule";
import { ICMP_TYPE_NAMES } from "./icmp-types";
import { option, type Extension } from "./module-types";
import { parsePort, parsePortRange } from "./port-parse";
import { stop, stopNotSupported, type ErrorContext } from "./xtables-errors";

type AnyMatchExtension = Extension<Record<string, unknown>, Match>;

const TCP = 6;
const UDP = 17;
const ICMP = 1;

interface PortsDraft {
  sport?: PortMatch;
  dport?: PortMatch;
  flags?: { mask: number; compare: number; invert: boolean };
}

/** TCP flag bits (RFC 9293 §3.1) by the names --tcp-flags takes. */
const TCP_FLAG_BITS: Readonly<Record<string, number>> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ALL: 0x3f, NONE: 0 };

function parseTcpFlags(text: string, context: ErrorContext): number {
  let bits = 0;
  for (const name of text.split(",")) {
    const bit = TCP_FLAG_BITS[name.toUpperCase()];
    if (bit === undefined) stop(`Unknown TCP flag \`${name}'`, context);
    bits |= bit;
  }
  return bits;
}

function portsExtension(name: "tcp" | "udp", number: number): Extension<PortsDraft, Match> {
  const label = name.toUpperCase();
  const options = [option("source-port", "sport"), option("sport"), option("destination-port", "dport"), option("dport")];
  if (name === "tcp") options.push(option("syn", "syn", false), option("tcp-flags"), option("tcp-option"));
  return {
    name,
    options,
    create: () => ({}),
    parse(draft, id, arg, invert, context) {
      if (id === "sport" || id === "dport") {
        if (draft[id] !== undefined) stop(`Only one \`--${id === "sport" ? "source-port" : "destination-port"}' allowed`, context);
        draft[id] = { range: parsePortRange(arg, name, context), invert };
      } else if (id === "syn") {
        draft.flags = { mask: 0x17, compare: 0x02, invert };
      } else if (id === "tcp-flags") {
        // The comparison is the next word on the line; the caller passes "MASK COMP".
        const [mask = "", compare = ""] = arg.split(" ");
        draft.flags = { mask: parseTcpFlags(mask, context), compare: parseTcpFlags(compare, context), invert };
      } else {
        stopNotSupported(`option "--${id}"`, context);
      }
    },
    finish(draft, rule, context) {
      // nf_tables accepts the port match beside `! -p udp` (captured): only the protocol number is checked.
      if (rule.protocol !== number) stop(`${label} match requires '-p ${name}'`, context);
      if (name === "udp") return { module: "udp", ...draft };
      return { module: "tcp", ...draft };
    },
  };
}

interface IcmpDraft {
  type?: { type: number; codeMin: number; codeMax: number; invert: boolean };
}

function parseIcmpType(text: string, context: ErrorContext): { type: number; codeMin: number; codeMax: number } {
  const lower = text.toLowerCase();
  const found = ICMP_TYPE_NAMES.filter((entry) => entry.name.toLowerCase().startsWith(lower));
  const exact = found.find((entry) => entry.name.toLowerCase() === lower);
  const aliases: Readonly<Record<string, string>> = { ping: "echo-request", pong: "echo-reply", "ttl-exceeded": "time-exceeded" };
  const alias = aliases[lower];
  if (alias !== undefined) return parseIcmpType(alias, context);
  if (exact !== undefined) return exact;
  const [first, second] = found;
  if (first !== undefined && second !== undefined) stop(`Ambiguous ICMP type \`${text}': \`${first.name}' or \`${second.name}'?`, context);
  if (first !== undefined) return first;
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (match === null || Number(match[1]) > 255 || (match[2] !== undefined && Number(match[2]) > 255)) stop(`Unknown ICMP type \`${text}'`, context);
  const type = Number(match[1]);
  if (match[2] === undefined) return { type, codeMin: 0, codeMax: 0xff };
  return { type, codeMin: Number(match[2]), codeMax: Number(match[2]) };
}

const icmpExtension: Extension<IcmpDraft, Match> = {
  name: "icmp",
  options: [option("icmp-type")],
  create: () => ({}),
  parse(draft, _id, arg, invert, context) {
    draft.type = { ...parseIcmpType(arg, context), invert };
  },
  // A wrong -p is refused by the kernel (xt_icmp checkentry), not here: see iptables-parse.ts.
  finish(draft) {
    const type = draft.type ?? { type: 0xff, codeMin: 0, codeMax: 0xff, invert: false };
    return { module: "icmp", ...type };
  },
};

/** XT_CONNTRACK_STATE_* in the order iptables prints them. */
export const CT_STATE_ORDER: readonly CtState[] = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"];

function parseStates(text: string, word: "ctstate" | "state", context: ErrorContext): CtState[] {
  const allowed = word === "ctstate" ? CT_STATE_ORDER : CT_STATE_ORDER.slice(0, 5);
  const given = new Set<CtState>();
  for (const name of text.split(",")) {
    const state = allowed.find((candidate) => candidate === name.toUpperCase());
    if (state === undefined) stop(`Bad ${word} "${name}"`, context);
    given.add(state);
  }
  return CT_STATE_ORDER.filter((state) => given.has(state));
}

interface StatesDraft {
  states?: CtState[];
  invert: boolean;
}

const conntrackExtension: Extension<StatesDraft, Match> = {
  name: "conntrack",
  options: ["ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctstatus", "ctexpire", "ctdir"].map((name) => option(name)).concat(option("ctstate")),
  create: () => ({ invert: false }),
  parse(draft, id, arg, invert, context) {
    if (id !== "ctstate") stopNotSupported(`option "--${id}"`, context);
    draft.states = parseStates(arg, "ctstate", context);
    draft.invert = invert;
  },
  finish(draft, _rule, context) {
    if (draft.states === undefined) stop("conntrack: At least one option is required", context);
    return { module: "conntrack", ctstate: draft.states, invert: draft.invert };
  },
};

const stateExtension: Extension<StatesDraft, Match> = {
  name: "state",
  options: [option("state")],
  create: () => ({ invert: false }),
  parse(draft, _id, arg, invert, context) {
    draft.states = parseStates(arg, "state", context);
    draft.invert = invert;
  },
  finish(draft, _rule, context) {
    if (draft.states === undefined) stop('state: option "--state" must be specified\n', context);
    return { module: "state", states: draft.states, invert: draft.invert };
  },
};

interface MultiportDraft {
  which?: "source" | "destination" | "either";
  text?: string;
  invert: boolean;
}

/** xt_multiport holds 15 ports; a range takes two (XT_MULTI_PORTS). */
const MULTIPORT_SLOTS = 15;

const multiportExtension: Extension<MultiportDraft, Match> = {
  name: "multiport",
  options: [option("source-ports", "sports"), option("sports"), option("destination-ports", "dports"), option("dports"), option("ports")],
  create: () => ({ invert: false }),
  parse(draft, id, arg, invert, context) {
    if (draft.which !== undefined) stop("multiport can only have one option", context);
    draft.which = id === "sports" ? "source" : id === "dports" ? "destination" : "either";
    draft.text = arg;
    draft.invert = invert;
  },
  finish(draft, rule, context) {
    const protocol = rule.protocol === TCP ? "tcp" : rule.protocol === UDP ? "udp" : null;
    if (protocol === null || rule.protocolInverted) stop("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'", context);
    if (draft.which === undefined || draft.text === undefined) stop("multiport expection an option", context);
    const ports: PortRange[] = [];
    let slots = 0;
    for (const item of draft.text.split(",")) {
      const colon = item.indexOf(":");
      const range =
        colon < 0
          ? { from: parsePort(item, protocol, context), to: parsePort(item, protocol, context) }
          : { from: parsePort(item.slice(0, colon), protocol, context), to: parsePort(item.slice(colon + 1), protocol, context) };
      if (range.from > range.to) stop("invalid portrange specified", context);
      slots += colon < 0 ? 1 : 2;
      if (slots > MULTIPORT_SLOTS) stop("too many ports specified", context);
      ports.push(range);
    }
    return { module: "multiport", which: draft.which, ports, invert: draft.invert };
  },
};

interface CommentDraft {
  comment?: string;
}

/** XT_MAX_COMMENT_LEN is 256 with its NUL. */
const MAX_COMMENT = 255;

const commentExtension: Extension<CommentDraft, Match> = {
  name: "comment",
  options: [option("comment")],
  create: () => ({}),
  parse(draft, _id, arg, invert, context) {
    if (invert) stop('comment: option "--comment" cannot be inverted.\n', context);
    if (arg.length > MAX_COMMENT) stop(`comment: argument too long (max ${MAX_COMMENT})\n`, context);
    draft.comment = arg;
  },
  finish(draft, _rule, context) {
    if (draft.comment === undefined) stop('comment: option "--comment" must be specified\n', context);
    return { module: "comment", comment: draft.comment };
  },
};

interface LimitDraft {
  rate?: LimitRate;
  burst?: number;
}

/** XT_LIMIT_SCALE: xt_limit keeps the average as 1/10000 s per packet. */
export const LIMIT_SCALE = 10000;
const LIMIT_UNITS: readonly { name: "second" | "minute" | "hour" | "day"; seconds: number }[] = [
  { name: "second", seconds: 1 },
  { name: "minute", seconds: 60 },
  { name: "hour", seconds: 3600 },
  { name: "day", seconds: 86400 },
];

/** libxt_limit parse_rate: "N[/unit]", unit any prefix of second|minute|hour|day, default per second. */
function parseRate(text: string, context: ErrorContext): LimitRate {
  const slash = text.indexOf("/");
  let per: LimitRate["per"] = "second";
  if (slash >= 0) {
    const unit = text.slice(slash + 1).toLowerCase();
    const found = unit === "" ? undefined : LIMIT_UNITS.find((candidate) => candidate.name.startsWith(unit));
    if (found === undefined) stop(`bad rate "${text}"'`, context);
    per = found.name;
  }
  // atoi(3): leading digits, 0 when none.
  const count = Number(/^\s*\+?(\d*)/.exec(text)?.[1] || "0");
  if (count === 0) stop(`bad rate "${text}"'`, context);
  const seconds = LIMIT_UNITS.find((unit) => unit.name === per)?.seconds ?? 1;
  if (Math.floor((LIMIT_SCALE * seconds) / count) === 0) stop(`Rate too fast "${text}"`, context);
  return { count, per };
}

const limitExtension: Extension<LimitDraft, Match> = {
  name: "limit",
  options: [option("limit"), option("limit-burst")],
  create: () => ({}),
  parse(draft, id, arg, invert, context) {
    if (invert) stop(`limit: option "--${id}" cannot be inverted.\n`, context);
    if (id === "limit") draft.rate = parseRate(arg, context);
    else {
      if (!/^\d+$/.test(arg) || Number(arg) > 10000) stop(`limit: bad value for option "--limit-burst", or out of range (0-10000).\n`, context);
      draft.burst = Number(arg);
    }
  },
  finish: (draft) => ({ module: "limit", rate: draft.rate ?? { count: 3, per: "hour" }, burst: draft.burst ?? 5 }),
};

interface StatisticDraft {
  mode?: "nth" | "random";
  probability?: number;
  every?: number;
  packet?: number;
  invert: boolean;
}

const statisticExtension: Extension<StatisticDraft, Match> = {
  name: "statistic",
  options: [option("mode"), option("probability"), option("every"), option("packet")],
  create: () => ({ invert: false }),
  parse(draft, id, arg, invert, context) {
    if (id === "mode") {
      if (invert) stop('statistic: option "--mode" cannot be inverted.\n', context);
      if (arg !== "nth" && arg !== "random") stop(`Bad mode "${arg}"`, context);
      draft.mode = arg;
      return;
    }
    if (invert) draft.invert = true;
    const value = Number(arg);
    if (id === "probability") {
      if (arg === "" || !Number.isFinite(value) || value < 0 || value > 1) stop('statistic: bad value for option "--probability", or out of range (0-1).\n', context);
      draft.probability = value;
    } else {
      if (!/^\d+$/.test(arg)) stop(`statistic: bad value for option "--${id}", or out of range (0-4294967295).\n`, context);
      if (id === "every") draft.every = value;
      else draft.packet = value;
    }
  },
  finish(draft, _rule, context) {
    if (draft.mode !== "nth") {
      if (draft.probability === undefined) stop("--probability must be specified when using random mode", context);
      return { module: "statistic", mode: "random", probability: draft.probability, invert: draft.invert };
    }
    if (draft.every !== undefined && draft.packet === undefined) stop('statistic: option "--every" also requires "--packet".\n', context);
    if (draft.every === undefined) stop("--every must be specified when using nth mode", context);
    if (draft.every === 0) stop("--every cannot be 0", context);
    const packet = draft.packet ?? 0;
    if (packet >= draft.every) stop("--packet must be between 0 and every - 1", context);
    return { module: "statistic", mode: "nth", every: draft.every, packet, invert: draft.invert };
  },
};

export const MATCH_EXTENSIONS: Readonly<Record<string, AnyMatchExtension>> = {
  tcp: portsExtension("tcp", TCP) as unknown as AnyMatchExtension,
  udp: portsExtension("udp", UDP) as unknown as AnyMatchExtension,
  icmp: icmpExtension as unknown as AnyMatchExtension,
  conntrack: conntrackExtension as unknown as AnyMatchExtension,
  state: stateExtension as unknown as AnyMatchExtension,
  multiport: multiportExtension as unknown as AnyMatchExtension,
  comment: commentExtension as unknown as AnyMatchExtension,
  limit: limitExtension as unknown as AnyMatchExtension,
  statistic: statisticExtension as unknown as AnyMatchExtension,
};

/** Real match extensions of iptables 1.8.9 the simulator does not model: `-m mac` is "not supported", `-m foo` cannot be loaded. */
export const UNMODELLED_MATCHES: ReadonlySet<string> = new Set(
  "addrtype ah bpf cgroup cluster connbytes connlabel connlimit connmark cpu dccp devgroup dscp ecn esp hashlimit helper icmp6 iprange ipvs length mac mark mh nfacct osf owner physdev pkttype policy quota rateest realm recent rpfilter sctp set socket string tcpmss time tos ttl u32 udplite".split(" "),
);

/** The match -p loads implicitly (tcp for 6, udp for 17, icmp for 1). */
export function protocolMatchName(protocol: number | null): string | null {
  return protocol === TCP ? "tcp" : protocol === UDP ? "udp" : protocol === ICMP ? "icmp" : null;
}
