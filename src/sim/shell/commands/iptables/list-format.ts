/**
 * `iptables -L` and `iptables -S` from view records, laid out as iptables
 * 1.8.9's print_header / print_firewall do (printf widths: target %-9s,
 * protocol %-5s, in/out %-6s, addresses %-19s; counters %5s or, with -x,
 * %8s). The nf_tables backend prints protocol numbers under -n.
 */
import { formatIpv4, type Ipv4Address } from "../../../addr";
import type { AddressMatch, Counters, RuleSpec } from "../../../netfilter/rule";
import { formatCount } from "./counter-format";
import type { ListOptions } from "./iptables-request";
import { formatRuleDetails, formatRuleSave, protocolLabel, targetLabel } from "./rule-format";
import type { ChainView, RuleView, TableView } from "./views";

/**
 * Names `iptables -L` (without -n) shows for addresses:
 * gethostbyaddr(3) then getnetbyaddr(3) (/etc/hosts, /etc/networks, DNS).
 * Null: print the number.
 */
export interface AddressNames {
  addressName(address: Ipv4Address): string | null;
}

/** No name for any address: what a machine without resolvable names prints. */
export const NO_ADDRESS_NAMES: AddressNames = { addressName: () => null };

interface LineFormat {
  readonly options: ListOptions;
  /** FMT_NOTABLE: the one-line form iptables -v echoes for each rule it sends. */
  readonly notable: boolean;
}

function maskText(prefix: number): string {
  return prefix === 32 ? "" : `/${prefix}`;
}

function addressText(match: AddressMatch | undefined, numeric: boolean, names: AddressNames): string {
  if (match === undefined) return numeric ? "0.0.0.0/0" : "anywhere";
  const { address, prefix } = match.cidr;
  if (prefix === 0 && !numeric) return "anywhere";
  const name = numeric ? null : names.addressName(address);
  return `${name ?? formatIpv4(address)}${maskText(prefix)}`;
}

function column(text: string, width: number, format: LineFormat, tableSuffix = " ", notableSuffix = " "): string {
  return format.notable ? `${text}${notableSuffix}` : `${text.padEnd(width)}${tableSuffix}`;
}

function interfaceText(name: string | undefined, inverted: boolean, numeric: boolean): string {
  return `${inverted ? "!" : ""}${name ?? (numeric ? "*" : "any")}`;
}

/** One rule line of -L (without its number and counters). */
function ruleBody(spec: RuleSpec, format: LineFormat, names: AddressNames): string {
  const { numeric, verbose } = format.options;
  let text = column(targetLabel(spec.target), 9, format);
  const protocol = spec.protocol?.protocol ?? 0;
  // The nf_tables backend prints protocol numbers under -n, but its -v echo of a rule names them.
  const protocolName = (numeric && !format.notable ? null : protocolLabel(protocol, false)) ?? String(protocol);
  text += spec.protocol?.invert === true ? "!" : " ";
  text += column(protocolName, 5, format, "", " ");
  text += `${format.notable ? "opt " : ""}-- `;
  if (verbose || format.notable) {
    const inText = interfaceText(spec.inInterface?.name, spec.inInterface?.invert ?? false, numeric);
    const outText = interfaceText(spec.outInterface?.name, spec.outInterface?.invert ?? false, numeric);
    text += format.notable ? `in ${inText} out ${outText} ` : ` ${inText.padEnd(6)} ${outText.padEnd(6)} `;
  }
  text += spec.source?.invert === true ? "!" : " ";
  text += column(addressText(spec.source, numeric, names), 19, format, " ", "  ");
  if (format.notable) text += "->";
  text += spec.destination?.invert === true ? "!" : " ";
  text += column(addressText(spec.destination, numeric, names), 19, format, " ", "  ");
  return text + formatRuleDetails(spec, numeric);
}

function countersText(counters: Counters, options: ListOptions): string {
  const style = { exact: options.exact, notable: false };
  return formatCount(counters.packets, style) + formatCount(counters.bytes, style);
}

function ruleLine(rule: RuleView, number: number, options: ListOptions, names: AddressNames): string {
  const lineNumber = options.lineNumbers ? `${String(number).padEnd(4)} ` : "";
  const counters = options.verbose ? countersText(rule.counters, options) : "";
  return `${lineNumber}${counters}${ruleBody(rule.spec, { options, notable: false }, names)}\n`;
}

function columnsHeader(options: ListOptions): string {
  let text = options.lineNumbers ? "num  " : "";
  if (options.verbose) text += options.exact ? "    pkts      bytes " : " pkts bytes ";
  text += "target     prot opt ";
  if (options.verbose) text += "in     out     ";
  return `${text}source               destination         \n`;
}

function chainHeader(chain: ChainView, options: ListOptions): string {
  if (!chain.builtin) return `Chain ${chain.name} (${chain.references} references)\n`;
  const policy = chain.policy ?? "ACCEPT";
  if (!options.verbose) return `Chain ${chain.name} (policy ${policy})\n`;
  const counters = chain.policyCounters ?? { packets: 0, bytes: 0 };
  const style = { exact: options.exact, notable: true };
  return `Chain ${chain.name} (policy ${policy} ${formatCount(counters.packets, style)}packets, ${formatCount(counters.bytes, style)}bytes)\n`;
}

function chainListing(chain: ChainView, options: ListOptions, names: AddressNames): string {
  return chainHeader(chain, options) + columnsHeader(options) + chain.rules.map((rule, index) => ruleLine(rule, index + 1, options, names)).join("");
}

/**
 * `iptables -L [CHAIN [N]]`. `chain` null lists every chain of the table,
 * separated by an empty line; `position` prints only that rule, without
 * headers (nothing when the chain has fewer rules). The caller resolves a
 * missing chain to its error first.
 */
export function formatList(table: TableView, chain: string | null, position: number | null, options: ListOptions, names: AddressNames = NO_ADDRESS_NAMES): string {
  if (chain === null) return table.chains.map((view) => chainListing(view, options, names)).join("\n");
  const view = table.chains.find((candidate) => candidate.name === chain);
  if (view === undefined) return "";
  if (position === null) return chainListing(view, options, names);
  const rule = view.rules[position - 1];
  return rule === undefined ? "" : ruleLine(rule, position, options, names);
}

/** The line iptables -v prints for each rule of -A/-I/-D/-R/-C before sending it (FMT_PRINT_RULE: numeric, no counters). */
export function formatRuleEcho(spec: RuleSpec): string {
  const options = { verbose: false, numeric: true, exact: false, lineNumbers: false };
  return `${ruleBody(spec, { options, notable: true }, NO_ADDRESS_NAMES)}\n`;
}

function chainDefinition(chain: ChainView, counters: boolean): string {
  if (!chain.builtin) return `-N ${chain.name}\n`;
  const policyCounters = chain.policyCounters ?? { packets: 0, bytes: 0 };
  return `-P ${chain.name} ${chain.policy ?? "ACCEPT"}${counters ? ` -c ${policyCounters.packets} ${policyCounters.bytes}` : ""}\n`;
}

function ruleCommand(chain: ChainView, rule: RuleView, counters: boolean): string {
  return `-A ${chain.name}${formatRuleSave(rule.spec, counters ? rule.counters : undefined)}\n`;
}

/**
 * `iptables -S [CHAIN [N]]` (-v: `counters`): the chains' -P/-N lines, then
 * their rules; with a position only that rule.
 */
export function formatListRules(table: TableView, chain: string | null, position: number | null, counters: boolean): string {
  const chains = chain === null ? table.chains : table.chains.filter((view) => view.name === chain);
  if (position !== null) {
    const view = chains[0];
    const rule = view?.rules[position - 1];
    return view === undefined || rule === undefined ? "" : ruleCommand(view, rule, counters);
  }
  const definitions = chains.map((view) => chainDefinition(view, counters)).join("");
  const rules = chains.flatMap((view) => view.rules.map((rule) => ruleCommand(view, rule, counters))).join("");
  return definitions + rules;
}
