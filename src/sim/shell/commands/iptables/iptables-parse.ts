/**
 * `iptables [-t table] COMMAND [chain] [rule-spec] [options]` read the way
 * iptables 1.8.9 (nf_tables) reads it (iptables/xshared.c do_parse): getopt
 * over an option table that grows as -m/-p/-j load extensions, "!" setting
 * the inversion of the next option, the commands' optional positional
 * arguments taken only when the next word does not start with "-" or "!".
 * Errors come in iptables' order: while reading (unknown option, bad port),
 * then the extensions' final checks, then addresses, then per-command checks.
 */
import { answered, failed, printed, request, type CommandOutput, type Parsed } from "../command-output";
import type { Ipv4Cidr } from "../../../addr";
import type { TableName } from "../../../netfilter/hooks";
import type { Counters, InterfaceMatch, Match, ProtocolMatch, RuleSpec, Target } from "../../../netfilter/rule";
import { parseAddressList } from "./address-parse";
import { IPTABLES_HELP } from "./iptables-help";
import type { IptablesCommand, IptablesRequest, ListOptions } from "./iptables-request";
import { findLong, GLOBAL_OPTIONS, type LongEntry } from "./iptables-options";
import { invalidRuleOutput } from "./kernel-refusals";
import type { IptablesLookup } from "./lookup";
import { MATCH_EXTENSIONS, protocolMatchName, UNMODELLED_MATCHES } from "./match-extensions";
import type { Extension, RuleContext } from "./module-types";
import { protocolByName } from "./netdb";
import { STANDARD_TARGETS, TARGET_EXTENSIONS, UNMODELLED_TARGETS } from "./target-extensions";
import {
  badArgument,
  COMMAND_LINE,
  notSupported,
  stop,
  stopNotSupported,
  tableDoesNotExist,
  XTABLES_VERSION,
  XtablesStop,
  type ErrorContext,
} from "./xtables-errors";

export const TABLES: readonly TableName[] = ["filter", "nat", "mangle", "raw", "security"];

/** Built-in chains per table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

/** What `iptables` answers without a table: -V, -h. */
export const IPTABLES_VERSION_TEXT = `iptables ${XTABLES_VERSION}\n`;

type CommandLetter = "A" | "C" | "D" | "R" | "I" | "L" | "S" | "F" | "Z" | "N" | "X" | "E" | "P";

/** Which commands may be combined (xshared.c add_command's othercmds). */
const COMBINABLE: Partial<Record<CommandLetter, readonly CommandLetter[]>> = { L: ["Z"], Z: ["L"] };

/**
 * Options each command refuses (xshared.c commands_v_options), by option
 * letter; "0" is --line-numbers.
 */
const ILLEGAL: Readonly<Record<string, string>> = {
  A: "nx0",
  I: "nx0",
  R: "nx0",
  D: "nx0c",
  Dnum: "nsdpjxio0cf",
  C: "nx0c",
  L: "sdpjiocf",
  F: "nsdpjxio0cf",
  Z: "nsdpjxio0cf",
  N: "nsdpjxio0cf",
  X: "nsdpjxio0cf",
  P: "nsdpjxio0f",
  E: "nsdpjxio0cf",
  S: "nsdpjxio0cf",
};
/** The order generic_opt_check walks the options in (xshared.c optflags). */
const OPTION_ORDER = "nsdpjvxio0cf";

interface LoadedExtension {
  readonly extension: Extension<Record<string, unknown>, unknown>;
  readonly draft: Record<string, unknown>;
  /** Options given so far: xtopt allows each once. */
  readonly used: Set<string>;
}

/** Extensions that word a repeated option themselves (libxt_tcp/udp "Only one …", multiport). */
const OWN_REPEAT_CHECK: ReadonlySet<string> = new Set(["tcp", "udp", "multiport"]);

interface ParseState {
  table: string;
  command: CommandLetter | null;
  commands: CommandLetter[];
  chain: string | null;
  ruleNumber: number | null;
  deleteByNumber: boolean;
  newName: string | null;
  policy: string | null;
  options: Set<string>;
  invert: boolean;
  source: { text: string; invert: boolean } | null;
  destination: { text: string; invert: boolean } | null;
  inInterface: InterfaceMatch | null;
  outInterface: InterfaceMatch | null;
  protocol: ProtocolMatch | null;
  protocolText: string | null;
  protocolLoaded: boolean;
  matches: LoadedExtension[];
  target: LoadedExtension | null;
  jumpTo: string | null;
  goto: boolean;
  counters: Counters | null;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

function newState(table: string): ParseState {
  return {
    table,
    command: null,
    commands: [],
    chain: null,
    ruleNumber: null,
    deleteByNumber: false,
    newName: null,
    policy: null,
    options: new Set(),
    invert: false,
    source: null,
    destination: null,
    inInterface: null,
    outInterface: null,
    protocol: null,
    protocolText: null,
    protocolLoaded: false,
    matches: [],
    target: null,
    jumpTo: null,
    goto: false,
    counters: null,
    verbose: false,
    numeric: false,
    exact: false,
    lineNumbers: false,
  };
}

/** argv as getopt walks it. */
class Cursor {
  index = 0;
  constructor(readonly argv: readonly string[]) {}
  /** The next word, when it may be a command's positional argument (not "-…", not "!…"). */
  positional(): string | null {
    const word = this.argv[this.index];
    if (word === undefined || word.startsWith("-") || word.startsWith("!")) return null;
    this.index++;
    return word;
  }
}

function parseRuleNumber(text: string, context: ErrorContext): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 0x7fffffff) stop(`Invalid rule number \`${text}'`, context);
  return Number(text);
}

function addCommand(state: ParseState, letter: CommandLetter, context: ErrorContext): void {
  const previous = state.command;
  if (previous !== null && !(COMBINABLE[previous] ?? []).includes(letter)) stop(`Cannot use -${letter} with -${previous}`, context);
  if (state.invert) stop("unexpected '!' flag", context);
  if (previous === null) state.command = letter;
  state.commands.push(letter);
}

/** set_option: each of -s -d -p -i -o -j -f -c once, "!" only where allowed. */
function setOption(state: ParseState, letter: string, invertible: boolean, context: ErrorContext): boolean {
  if (state.options.has(letter)) stop(`multiple -${letter} flags not allowed`, context);
  state.options.add(letter);
  const invert = state.invert;
  if (invert && !invertible) stop(`cannot have ! before -${letter}`, context);
  state.invert = false;
  return invert;
}

function parseInterface(name: string, invert: boolean, context: ErrorContext): InterfaceMatch {
  // IFNAMSIZ is 16 with the NUL (xtables_parse_interface).
  if (name.length > 15) stop(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`, context);
  return { name, invert };
}

/** xtables_parse_protocol: a number 0–255, "all", or a name from /etc/protocols. */
function parseProtocol(text: string, context: ErrorContext): number {
  if (/^\d+$/.test(text) && Number(text) <= 255) return Number(text);
  if (text === "all") return 0;
  const number = protocolByName(text);
  if (number === null) stop(`unknown protocol "${text}" specified`, context);
  return number;
}

function loadMatch(state: ParseState, name: string, context: ErrorContext): void {
  const extension = MATCH_EXTENSIONS[name];
  if (extension === undefined) {
    if (UNMODELLED_MATCHES.has(name)) stopNotSupported(`match "${name}"`, context);
    stop(`Couldn't load match \`${name}':No such file or directory\n`, context);
  }
  // nf_tables folds a second tcp/udp match into the first (one payload match).
  const existing = state.matches.find((loaded) => loaded.extension.name === name);
  if (existing !== undefined && (name === "tcp" || name === "udp")) return;
  state.matches.push({ extension, draft: extension.create(), used: new Set() });
  if (name === protocolMatchName(state.protocol?.protocol ?? null)) state.protocolLoaded = true;
}

function loadTarget(state: ParseState, name: string, context: ErrorContext): void {
  const extension = TARGET_EXTENSIONS[name];
  if (extension !== undefined) state.target = { extension, draft: extension.create(), used: new Set() };
  else if (UNMODELLED_TARGETS.has(name)) stopNotSupported(`target "${name}"`, context);
}

function longEntries(state: ParseState): { entry: LongEntry; owner: LoadedExtension | null }[] {
  const entries: { entry: LongEntry; owner: LoadedExtension | null }[] = [];
  for (const global of GLOBAL_OPTIONS) {
    for (const name of global.long) entries.push({ entry: { name, key: `-${global.short}`, hasArg: global.arg }, owner: null });
  }
  const owners = state.target === null ? state.matches : [...state.matches, state.target];
  owners.forEach((owner, index) => {
    for (const extOption of owner.extension.options) {
      entries.push({ entry: { name: extOption.name, key: `${index}:${extOption.id}`, hasArg: extOption.hasArg ? "required" : "none" }, owner });
    }
  });
  return entries;
}

/** One parsed option occurrence: a global letter, or an extension's option. */
type Occurrence = { readonly kind: "global"; readonly letter: string; readonly arg: string | null; readonly word: string } | { readonly kind: "extension"; readonly owner: LoadedExtension; readonly id: string; readonly arg: string; readonly word: string };

function findExtensionOption(state: ParseState, name: string): { entry: LongEntry; owner: LoadedExtension | null } | null {
  const entries = longEntries(state);
  const found = findLong(
    entries.map((candidate) => candidate.entry),
    name,
  );
  return found === null ? null : (entries.find((candidate) => candidate.entry === found) ?? null);
}

function readLong(state: ParseState, cursor: Cursor, word: string, context: ErrorContext): Occurrence {
  const equals = word.indexOf("=");
  const name = word.slice(2, equals < 0 ? undefined : equals);
  let found = findExtensionOption(state, name);
  // command_default: an unknown option may belong to the -p protocol's match, loaded once.
  if (found === null && !state.protocolLoaded) {
    const implicit = protocolMatchName(state.protocol?.protocol ?? null);
    if (implicit !== null) {
      loadMatch(state, implicit, context);
      state.protocolLoaded = true;
      found = findExtensionOption(state, name);
    }
  }
  if (found === null) stop(`unknown option "${word}"`, context);
  let arg: string | null = equals < 0 ? null : word.slice(equals + 1);
  if (found.entry.hasArg === "required" && arg === null) {
    const next = cursor.argv[cursor.index];
    if (next === undefined) stop(`option "${word}" requires an argument`, context);
    cursor.index++;
    arg = next;
  }
  if (found.owner === null) return { kind: "global", letter: found.entry.key.slice(1), arg, word };
  const id = found.entry.key.slice(found.entry.key.indexOf(":") + 1);
  return { kind: "extension", owner: found.owner, id, arg: arg ?? "", word };
}

function readShort(cursor: Cursor, word: string, offset: number, context: ErrorContext): { occurrence: Occurrence; next: number } {
  const letter = word.charAt(offset);
  const global = GLOBAL_OPTIONS.find((candidate) => candidate.short === letter);
  if (global === undefined) stop(`unknown option "${word}"`, context);
  const rest = word.slice(offset + 1);
  if (global.arg === "none") return { occurrence: { kind: "global", letter, arg: null, word }, next: offset + 1 };
  if (rest.length > 0) {
    // iptables 1.8.9 takes -p's value from argv[optind-1]: "-ptcp" is protocol "-ptcp".
    const arg = letter === "p" ? word : rest;
    return { occurrence: { kind: "global", letter, arg, word }, next: word.length };
  }
  if (global.arg === "optional") return { occurrence: { kind: "global", letter, arg: null, word }, next: word.length };
  const next = cursor.argv[cursor.index];
  if (next === undefined) stop(`option "${word}" requires an argument`, context);
  cursor.index++;
  return { occurrence: { kind: "global", letter, arg: next, word }, next: word.length };
}

/** Handles one global option; returns an early answer (-V, -h) or null. */
function applyGlobal(state: ParseState, cursor: Cursor, letter: string, arg: string | null, context: ErrorContext, allowTable: boolean): CommandOutput | null {
  const value = arg ?? "";
  switch (letter) {
    case "A":
    case "C":
    case "N":
      addCommand(state, letter, context);
      state.chain = value;
      return null;
    case "D":
      addCommand(state, "D", context);
      state.chain = value;
      {
        const number = cursor.positional();
        if (number !== null) {
          state.ruleNumber = parseRuleNumber(number, context);
          state.deleteByNumber = true;
        }
      }
      return null;
    case "R": {
      addCommand(state, "R", context);
      state.chain = value;
      const number = cursor.positional();
      if (number === null) stop("-R requires a rule number", context);
      state.ruleNumber = parseRuleNumber(number, context);
      return null;
    }
    case "I": {
      addCommand(state, "I", context);
      state.chain = value;
      const number = cursor.positional();
      state.ruleNumber = number === null ? 1 : parseRuleNumber(number, context);
      return null;
    }
    case "L":
    case "S":
    case "Z": {
      addCommand(state, letter, context);
      const chain = arg ?? cursor.positional();
      if (chain !== null) state.chain = chain;
      const number = cursor.positional();
      if (number !== null) state.ruleNumber = parseRuleNumber(number, context);
      return null;
    }
    case "F":
    case "X": {
      addCommand(state, letter, context);
      const chain = arg ?? cursor.positional();
      if (chain !== null) state.chain = chain;
      return null;
    }
    case "E": {
      addCommand(state, "E", context);
      state.chain = value;
      const newName = cursor.positional();
      if (newName === null) stop("-E requires old-chain-name and new-chain-name", context);
      state.newName = newName;
      return null;
    }
    case "P": {
      addCommand(state, "P", context);
      state.chain = value;
      const policy = cursor.positional();
      if (policy === null) stop("-P requires a chain and a policy", context);
      state.policy = policy;
      return null;
    }
    case "V":
      return printed(IPTABLES_VERSION_TEXT);
    case "h":
      return printed(IPTABLES_HELP);
    case "p": {
      const invert = setOption(state, "p", true, context);
      const text = value.toLowerCase();
      state.protocolText = text;
      state.protocol = { protocol: parseProtocol(text, context), invert };
      return null;
    }
    case "s":
    case "d": {
      const invert = setOption(state, letter, true, context);
      state[letter === "s" ? "source" : "destination"] = { text: value, invert };
      return null;
    }
    case "i":
    case "o": {
      const invert = setOption(state, letter, true, context);
      state[letter === "i" ? "inInterface" : "outInterface"] = parseInterface(value, invert, context);
      return null;
    }
    case "j":
    case "g": {
      setOption(state, "j", false, context);
      state.jumpTo = value;
      state.goto = letter === "g";
      if (letter === "j") loadTarget(state, value, context);
      return null;
    }
    case "m":
      if (state.invert) stop("unexpected ! flag before --match", context);
      loadMatch(state, value, context);
      return null;
    case "f":
      stopNotSupported('option "-f"', context);
      break;
    case "c": {
      setOption(state, "c", false, context);
      const bytes = cursor.positional();
      if (bytes === null) stop("-c requires packet and byte counter", context);
      if (!/^\d+$/.test(value)) stop("-c packet counter not numeric", context);
      if (!/^\d+$/.test(bytes)) stop("-c byte counter not numeric", context);
      state.counters = { packets: Number(value), bytes: Number(bytes) };
      return null;
    }
    case "v":
      state.options.add("v");
      state.verbose = true;
      return null;
    case "n":
      state.options.add("n");
      state.numeric = true;
      return null;
    case "x":
      state.options.add("x");
      state.exact = true;
      return null;
    case "0":
      state.options.add("0");
      state.lineNumbers = true;
      return null;
    case "t":
      if (!allowTable) stopNotSupported('option "-t" inside a restore file', context);
      if (state.invert) stop("unexpected ! flag before --table", context);
      state.table = value;
      return null;
    case "w":
    case "W": {
      // The xtables lock: nothing to wait for in a simulator; an optional seconds value may follow.
      if (arg === null) cursor.positional();
      return null;
    }
    case "4":
      return null;
    case "6":
      throw new XtablesStop({ stdout: "", stderr: `Try \`${context.program} -h' or '${context.program} --help' for more information.\n`, exit: 2 });
    default:
      stopNotSupported(`option "-${letter}"`, context);
  }
}

function applyExtension(state: ParseState, owner: LoadedExtension, id: string, arg: string, cursor: Cursor, context: ErrorContext): void {
  const invert = state.invert;
  state.invert = false;
  if (owner.used.has(id) && !OWN_REPEAT_CHECK.has(owner.extension.name)) {
    const name = owner.extension.options.find((candidate) => candidate.id === id)?.name ?? id;
    stop(`${owner.extension.name}: option "--${name}" can only be used once.\n`, context);
  }
  owner.used.add(id);
  let value = arg;
  if (id === "tcp-flags") {
    const compare = cursor.argv[cursor.index];
    if (compare === undefined) stop("--tcp-flags requires two args.", context);
    cursor.index++;
    value = `${arg} ${compare}`;
  }
  owner.extension.parse(owner.draft, id, value, invert, context);
}

/** The loop of do_parse: every word of argv. */
function readArguments(state: ParseState, argv: readonly string[], context: ErrorContext, allowTable: boolean): CommandOutput | null {
  const cursor = new Cursor(argv);
  while (cursor.index < argv.length) {
    const word = argv[cursor.index] ?? "";
    cursor.index++;
    if (word === "!") {
      if (state.invert) stop("multiple consecutive ! not allowed", context);
      state.invert = true;
      continue;
    }
    if (word.startsWith("--") && word.length > 2) {
      const occurrence = readLong(state, cursor, word, context);
      const early = applyOccurrence(state, cursor, occurrence, context, allowTable);
      if (early !== null) return early;
      continue;
    }
    if (word.startsWith("-") && word.length > 1 && word !== "--") {
      let offset = 1;
      while (offset < word.length) {
        const { occurrence, next } = readShort(cursor, word, offset, context);
        offset = next;
        const early = applyOccurrence(state, cursor, occurrence, context, allowTable);
        if (early !== null) return early;
      }
      continue;
    }
    throw new XtablesStop(badArgument(word, context));
  }
  return null;
}

function applyOccurrence(state: ParseState, cursor: Cursor, occurrence: Occurrence, context: ErrorContext, allowTable: boolean): CommandOutput | null {
  if (occurrence.kind === "global") return applyGlobal(state, cursor, occurrence.letter, occurrence.arg, context, allowTable);
  applyExtension(state, occurrence.owner, occurrence.id, occurrence.arg, cursor, context);
  return null;
}

const RULE_COMMANDS: readonly string[] = ["A", "I", "R", "D", "C"];

function checkChainName(state: ParseState, context: ErrorContext): void {
  const chain = state.chain;
  // XT_EXTENSION_MAXNAMELEN is 29 with the NUL.
  if (chain !== null && chain.length >= 29) stop(`chain name \`${chain}' too long (must be under 29 chars)`, context);
  if (state.command === "N" && chain !== null) {
    if (chain.startsWith("-") || chain.startsWith("!")) stop(`chain name not allowed to start with \`${chain.charAt(0)}'`, context);
    if (STANDARD_TARGETS.has(chain) || TARGET_EXTENSIONS[chain] !== undefined || UNMODELLED_TARGETS.has(chain)) stop("chain name may not clash with target name", context);
    if (/[\s]/.test(chain)) stop(`Invalid chain name \`${chain}'`, context);
  }
}

function checkOptions(state: ParseState, context: ErrorContext): void {
  const key = state.command === "D" && state.deleteByNumber ? "Dnum" : (state.command ?? "");
  const illegal = ILLEGAL[key] ?? "";
  for (const letter of OPTION_ORDER) {
    if (state.options.has(letter) && illegal.includes(letter)) stop(`Illegal option \`-${letter}' with this command`, context);
  }
}

function checkInterfaces(state: ParseState, context: ErrorContext): void {
  const chain = state.chain ?? "";
  if ((chain === "PREROUTING" || chain === "INPUT") && state.outInterface !== null) stop(`Can't use -o with ${chain}\n`, context);
  if ((chain === "POSTROUTING" || chain === "OUTPUT") && state.inInterface !== null) stop(`Can't use -i with ${chain}\n`, context);
}

function ruleContext(state: ParseState): RuleContext {
  return { table: state.table, protocol: state.protocol?.protocol ?? null, protocolInverted: state.protocol?.invert ?? false };
}

function buildTarget(state: ParseState, context: ErrorContext): Target {
  const jump = state.jumpTo;
  if (jump === null) return { kind: "none" };
  if (state.goto) return { kind: "goto", chain: jump };
  if (jump === "ACCEPT" || jump === "DROP" || jump === "RETURN") return { kind: jump };
  if (jump === "QUEUE") stopNotSupported('target "QUEUE"', context);
  if (state.target !== null) return state.target.extension.finish(state.target.draft, ruleContext(state), context) as Target;
  return { kind: "jump", chain: jump };
}

function buildSpecs(state: ParseState, lookup: IptablesLookup, context: ErrorContext, target: Target, matches: readonly Match[]): RuleSpec[] {
  const any: readonly (Ipv4Cidr | null)[] = [null];
  const sources = state.source === null ? any : parseAddressList(state.source.text, lookup, context);
  const destinations = state.destination === null ? any : parseAddressList(state.destination.text, lookup, context);
  const specs: RuleSpec[] = [];
  for (const source of sources) {
    for (const destination of destinations) {
      // A /0 address is no match at all: nf_tables emits nothing for it, -S prints nothing.
      const keepSource = source !== null && state.source !== null && (source.prefix > 0 || state.source.invert);
      const keepDestination = destination !== null && state.destination !== null && (destination.prefix > 0 || state.destination.invert);
      const protocol = state.protocol !== null && (state.protocol.protocol !== 0 || state.protocol.invert) ? state.protocol : undefined;
      specs.push({
        ...(keepSource && source !== null && state.source !== null ? { source: { cidr: source, invert: state.source.invert } } : {}),
        ...(keepDestination && destination !== null && state.destination !== null ? { destination: { cidr: destination, invert: state.destination.invert } } : {}),
        ...(state.inInterface !== null ? { inInterface: state.inInterface } : {}),
        ...(state.outInterface !== null ? { outInterface: state.outInterface } : {}),
        ...(protocol !== undefined ? { protocol } : {}),
        matches,
        target,
      });
    }
  }
  return specs;
}

function listOptions(state: ParseState): ListOptions {
  return { verbose: state.verbose, numeric: state.numeric, exact: state.exact, lineNumbers: state.lineNumbers };
}

function buildCommand(state: ParseState, specs: () => RuleSpec[], context: ErrorContext): IptablesCommand {
  const chain = state.chain ?? "";
  const counters = state.counters === null ? {} : { counters: state.counters };
  switch (state.command) {
    case "A":
      return { op: "append", chain, specs: specs(), ...counters, echo: state.verbose };
    case "I":
      return { op: "insert", chain, position: state.ruleNumber ?? 1, specs: specs(), ...counters, echo: state.verbose };
    case "R": {
      const all = specs();
      const spec = all[0];
      if (spec === undefined || all.length !== 1) stop("Replacement rule does not specify a unique address", context);
      return { op: "replace", chain, position: state.ruleNumber ?? 1, spec, ...counters, echo: state.verbose };
    }
    case "D":
      if (state.deleteByNumber) return { op: "delete-number", chain, position: state.ruleNumber ?? 1 };
      return { op: "delete", chain, specs: specs(), echo: state.verbose };
    case "C":
      return { op: "check", chain, specs: specs(), echo: state.verbose };
    case "F":
      return { op: "flush", chain: state.chain };
    case "Z":
      if (state.commands.includes("L")) return { op: "list", chain: state.chain, position: state.ruleNumber, options: listOptions(state), zero: true };
      return { op: "zero", chain: state.chain, position: state.ruleNumber };
    case "N":
      return { op: "new-chain", chain };
    case "X":
      return { op: "delete-chain", chain: state.chain };
    case "E":
      return { op: "rename-chain", chain, newName: state.newName ?? "" };
    case "P":
      return { op: "policy", chain, policy: state.policy === "DROP" ? "DROP" : "ACCEPT", ...counters };
    case "L":
      return { op: "list", chain: state.chain, position: state.ruleNumber, options: listOptions(state), zero: state.commands.includes("Z") };
    case "S":
      return { op: "list-rules", chain: state.chain, position: state.ruleNumber, counters: state.verbose };
    default:
      return stop("no command specified", context);
  }
}

/** -P: the chain must be built in and the verdict ACCEPT or DROP (libiptc's words, iptables exit 1). */
function checkPolicy(state: ParseState, table: TableName, context: ErrorContext): CommandOutput | null {
  if (state.command !== "P") return null;
  const where = context.restoreLine === null ? "iptables: " : `iptables-restore: line ${context.restoreLine} failed: `;
  if (!BUILTIN_CHAINS[table].includes(state.chain ?? "")) return failed(`${where}Bad built-in chain name.\n`, 1);
  if (state.policy !== "ACCEPT" && state.policy !== "DROP") return failed(`${where}Bad policy name.${context.restoreLine === null ? " Run `dmesg' for more information." : ""}\n`, 1);
  return null;
}

/** xt_icmp's checkentry: the kernel refuses `-m icmp` on a rule that is not `-p icmp`. */
function icmpWithoutProtocol(command: IptablesCommand): boolean {
  const specs = command.op === "append" || command.op === "insert" ? command.specs : command.op === "replace" ? [command.spec] : [];
  return specs.some((spec) => spec.matches.some((match) => match.module === "icmp") && spec.protocol?.protocol !== 1);
}

/** Where a parse runs: the command line, or a line of a restore file (its table fixed by `*table`). */
export interface ParseSetting {
  readonly context: ErrorContext;
  readonly table: TableName | null;
}

/**
 * Reads one iptables command line. The answer is a typed request, or the
 * exact output iptables gives without the kernel (usage errors, -V, -h,
 * `Chain 'X' does not exist` for a jump to a missing chain).
 */
export function parseIptablesCommand(argv: readonly string[], lookup: IptablesLookup, setting: ParseSetting = { context: COMMAND_LINE, table: null }): Parsed<IptablesRequest> {
  const { context } = setting;
  const state = newState(setting.table ?? "filter");
  try {
    const early = readArguments(state, argv, context, setting.table === null);
    if (early !== null) return answered(early);
    if (state.invert) stop("nothing appropriate following !", context);
    if (state.command === null) stop("no command specified", context);
    if (state.table === "nat" && (state.policy === "DROP" || state.jumpTo === "DROP")) {
      stop('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n', context);
    }
    const rule = ruleContext(state);
    const matches = state.matches.map((loaded) => loaded.extension.finish(loaded.draft, rule, context) as Match);
    const target = buildTarget(state, context);
    let built: RuleSpec[] | null = null;
    const specs = (): RuleSpec[] => (built ??= buildSpecs(state, lookup, context, target, matches));
    if (RULE_COMMANDS.includes(state.command)) specs();
    checkOptions(state, context);
    checkChainName(state, context);
    if (RULE_COMMANDS.includes(state.command)) checkInterfaces(state, context);
    if (!(TABLES as readonly string[]).includes(state.table)) return answered(tableDoesNotExist(state.table));
    const table = state.table as TableName;
    const policyAnswer = checkPolicy(state, table, context);
    if (policyAnswer !== null) return answered(policyAnswer);
    if (state.jumpTo !== null && target.kind !== "none" && (target.kind === "jump" || target.kind === "goto") && !lookup.chainExists(table, state.jumpTo)) {
      stop(`Chain '${state.jumpTo}' does not exist`, context);
    }
    if (state.command === "E" && BUILTIN_CHAINS[table].includes(state.chain ?? "")) return answered(notSupported("renaming a built-in chain", context));
    const command = buildCommand(state, specs, context);
    if (icmpWithoutProtocol(command)) return answered(invalidRuleOutput(command, state.chain ?? "", context));
    return request({ table, command });
  } catch (caught) {
    if (caught instanceof XtablesStop) return answered(caught.output);
    throw caught;
  }
}

/** `iptables ARGV…` */
export function parseIptables(argv: readonly string[], lookup: IptablesLookup): Parsed<IptablesRequest> {
  return parseIptablesCommand(argv, lookup);
}
