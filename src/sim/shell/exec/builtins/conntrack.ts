/**
 * `conntrack` (conntrack-tools 1.4.7) over the namespace's connection
 * tracking table: -L/--dump and -D/--delete (with -p/-s/-d filters), -F/--flush,
 * -C/--count, -V. Text and exit statuses measured on Debian 12:
 *
 *     icmp     1 29 src=10.0.1.10 dst=10.0.2.20 type=8 code=0 id=267 src=10.0.2.20 dst=10.0.2.1 type=0 code=0 id=267 mark=0 use=1
 *     conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.     (stderr)
 *
 * Not modelled (conntrack(8)): -G -I -U -E -S, the expect/dying/unconfirmed
 * tables, -o formats, NAT/mark/zone/status filters — answered "not
 * supported by this simulator", exit 2.
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from "../../../addr";
import type { ConntrackEntry, Tuple } from "../../../netfilter";
import { IpProtocol } from "../../../wire";
import { protocolByName } from "../../commands/iptables/netdb";
import type { Command } from "../command";

const PROGRAM = "conntrack v1.4.7 (conntrack-tools)";
const TRY_HELP = "Try `conntrack -h' or 'conntrack --help' for more information.\n";

type Action = "list" | "delete" | "flush" | "count" | "version";

interface Filter {
  protocol?: number;
  src?: Ipv4Address;
  dst?: Ipv4Address;
}

type Parsed = { readonly action: Action; readonly filter: Filter } | { readonly stderr: string; readonly exit: number };

const ACTIONS: Readonly<Record<string, Action>> = {
  "-L": "list", "--dump": "list", "-D": "delete", "--delete": "delete", "-F": "flush", "--flush": "flush",
  "-C": "count", "--count": "count", "-V": "version", "--version": "version",
};

const UNMODELLED = new Set(["-G", "--get", "-I", "--create", "-U", "--update", "-E", "--event", "-S", "--stats", "-h", "--help",
  "-n", "--src-nat", "-g", "--dst-nat", "-j", "--any-nat", "-m", "--mark", "-c", "--secmark", "-e", "--event-mask", "-z", "--zero",
  "-o", "--output", "-l", "--label", "-r", "--reply-src", "-q", "--reply-dst", "-f", "--family", "-t", "--timeout", "-u", "--status",
  "-w", "--zone", "--orig-zone", "--reply-zone", "-b", "--buffer-size", "--mask-src", "--mask-dst", "--sport", "--dport", "--orig-port-src", "--orig-port-dst"]);

const problem = (text: string): Parsed => ({ stderr: `${PROGRAM}: ${text}\n${TRY_HELP}`, exit: 2 });
const notSupported = (option: string): Parsed => ({ stderr: `${PROGRAM}: option "${option}" is not supported by this simulator\n`, exit: 2 });

/** `-p NAME|NUM` as conntrack reads it (getprotobyname, then a number). */
function readProtocol(word: string): number | undefined {
  const byName = protocolByName(word);
  if (byName !== null) return byName;
  return /^\d+$/.test(word) && Number(word) <= 255 ? Number(word) : undefined;
}

export function parseConntrack(args: readonly string[]): Parsed {
  let action: Action | undefined;
  const filter: Filter = {};
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const chosen = ACTIONS[word];
    if (chosen !== undefined) {
      if (action !== undefined && action !== chosen) return problem("Invalid parameters");
      action = chosen;
      // An optional table name follows a command: only the conntrack table is modelled.
      const table = args[i + 1];
      if (table !== undefined && !table.startsWith("-")) {
        if (table === "expect" || table === "dying" || table === "unconfirmed") return notSupported(`${word} ${table}`);
        if (table !== "conntrack") return problem(`unknown type \`${table}'`);
        i++;
      }
      continue;
    }
    if (UNMODELLED.has(word)) return notSupported(word);
    const value = args[i + 1];
    if (word === "-p" || word === "--protonum" || word === "--proto") {
      if (value === undefined) return problem(`option \`${word}' requires an argument`);
      const protocol = readProtocol(value);
      if (protocol === undefined) return problem(`\`${value}' unsupported protocol`);
      filter.protocol = protocol;
      i++;
      continue;
    }
    if (word === "-s" || word === "--src" || word === "--orig-src" || word === "-d" || word === "--dst" || word === "--orig-dst") {
      const address = value === undefined ? undefined : parseIpv4(value);
      if (address === undefined || !address.ok) return problem(`Bad parameter \`${value ?? ""}'`);
      if (word === "-s" || word === "--src" || word === "--orig-src") filter.src = address.value;
      else filter.dst = address.value;
      i++;
      continue;
    }
    return problem(`unknown option \`${word}'`);
  }
  if (action === undefined) return notSupported("(no command: usage text)");
  return { action, filter };
}

const PROTOCOL_NAMES: Readonly<Record<number, string>> = { [IpProtocol.ICMP]: "icmp", [IpProtocol.TCP]: "tcp", [IpProtocol.UDP]: "udp" };

/** One direction's tuple: addresses, then ports or ICMP type/code/id (conntrack's print order). */
function formatTuple(tuple: Tuple): string {
  const addresses = `src=${formatIpv4(tuple.src)} dst=${formatIpv4(tuple.dst)}`;
  if (tuple.protocol === IpProtocol.ICMP) return `${addresses} type=${tuple.dstPort >> 8} code=${tuple.dstPort & 0xff} id=${tuple.srcPort}`;
  if (tuple.protocol === IpProtocol.TCP || tuple.protocol === IpProtocol.UDP) return `${addresses} sport=${tuple.srcPort} dport=${tuple.dstPort}`;
  return addresses;
}

/** A line of `conntrack -L`: `%-8s %u ` protocol name and number, seconds left, TCP state, tuples, flags. */
export function formatConntrackEntry(entry: ConntrackEntry): string {
  const name = (PROTOCOL_NAMES[entry.protocol] ?? "unknown").padEnd(8);
  const state = entry.tcpState !== undefined ? ` ${entry.tcpState}` : "";
  const unreplied = entry.unreplied ? " [UNREPLIED]" : "";
  const assured = entry.assured ? " [ASSURED]" : "";
  return `${name} ${entry.protocol} ${entry.timeout}${state} ${formatTuple(entry.original)}${unreplied} ${formatTuple(entry.reply)}${assured} mark=0 use=1\n`;
}

function matches(entry: ConntrackEntry, filter: Filter): boolean {
  return (filter.protocol === undefined || entry.protocol === filter.protocol)
    && (filter.src === undefined || entry.original.src === filter.src)
    && (filter.dst === undefined || entry.original.dst === filter.dst);
}

export const conntrackCommand: Command = {
  name: "conntrack",
  run(args, ctx) {
    const parsed = parseConntrack(args);
    if ("stderr" in parsed) {
      ctx.stderr.write(parsed.stderr);
      return parsed.exit;
    }
    const table = ctx.netns.netfilter.conntrack;
    const chosen = (): ConntrackEntry[] => table.entries().filter((entry) => matches(entry, parsed.filter));
    switch (parsed.action) {
      case "version":
        ctx.stdout.write(`${PROGRAM}\n`);
        return 0;
      case "count":
        ctx.stdout.write(`${table.entries().length}\n`);
        return 0;
      case "flush":
        table.flush();
        ctx.stderr.write(`${PROGRAM}: connection tracking table has been emptied.\n`);
        return 0;
      case "list": {
        const entries = chosen();
        ctx.stdout.write(entries.map(formatConntrackEntry).join(""));
        ctx.stderr.write(`${PROGRAM}: ${entries.length} flow entries have been shown.\n`);
        return 0;
      }
      case "delete": {
        // Each deleted entry is printed as it goes; none deleted is a failure.
        const entries = chosen();
        for (const entry of entries) table.delete(entry.id);
        ctx.stdout.write(entries.map(formatConntrackEntry).join(""));
        ctx.stderr.write(`${PROGRAM}: ${entries.length} flow entries have been deleted.\n`);
        return entries.length > 0 ? 0 : 1;
      }
    }
  },
};
