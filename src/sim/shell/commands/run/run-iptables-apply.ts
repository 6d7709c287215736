/**
 * One parsed iptables command applied to a namespace's rules
 * (sim/netfilter/ruleset.ts): the change, or the listing it prints, or the
 * engine's refusal as data for kernel-refusals.ts to word. Shared by
 * `iptables` and each line of `iptables-restore`.
 */
import { err, ok, type Result } from "../../../core";
import type { NetfilterError, Ruleset, TableName } from "../../../netfilter";
import { formatList, formatListRules, formatRuleEcho, type AddressNames, type IptablesCommand, type RuleSpec } from "../iptables";
import { tableExists, tableView } from "./run-iptables-views";

/** Runs `step` for each spec in order and stops at the first refusal (later specs are not sent). */
function eachSpec(specs: readonly RuleSpec[], step: (spec: RuleSpec, index: number) => Result<void, NetfilterError>): Result<void, NetfilterError> {
  for (const [index, spec] of specs.entries()) {
    const done = step(spec, index);
    if (!done.ok) return done;
  }
  return ok(undefined);
}

/** -v on a rule command: iptables prints each rule as it sends it, before the kernel answers. */
function echoOf(command: IptablesCommand): string {
  if (!("echo" in command) || !command.echo) return "";
  const specs = "specs" in command ? command.specs : [command.spec];
  return specs.map(formatRuleEcho).join("");
}

function listing(rules: Ruleset, table: TableName, command: Extract<IptablesCommand, { op: "list" | "list-rules" }>, names: AddressNames): Result<string, NetfilterError> {
  if (command.chain !== null && !rules.hasChain(table, command.chain)) return err({ kind: "no-chain", table, chain: command.chain });
  const view = tableView(rules, table);
  if (command.op === "list-rules") return ok(formatListRules(view, command.chain, command.position, command.counters));
  const text = formatList(view, command.chain, command.position, command.options, names);
  // -L -Z: the listing shows the counters as they were, then they are zeroed.
  if (command.zero) rules.zero(table, command.chain ?? undefined);
  return ok(text);
}

/** The text the command prints on stdout when the engine accepts it. */
export function applyIptables(rules: Ruleset, table: TableName, command: IptablesCommand, names: AddressNames): Result<string, NetfilterError> {
  const printedOnSuccess = (done: Result<void, NetfilterError>): Result<string, NetfilterError> => (done.ok ? ok(echoOf(command)) : done);
  switch (command.op) {
    case "append":
      return printedOnSuccess(eachSpec(command.specs, (spec) => rules.append(table, command.chain, spec, command.counters)));
    case "insert":
      return printedOnSuccess(eachSpec(command.specs, (spec, index) => rules.insert(table, command.chain, command.position + index, spec, command.counters)));
    case "replace":
      return printedOnSuccess(rules.replace(table, command.chain, command.position, command.spec, command.counters));
    case "delete":
      return printedOnSuccess(eachSpec(command.specs, (spec) => rules.delete(table, command.chain, spec)));
    case "check":
      return printedOnSuccess(eachSpec(command.specs, (spec) => rules.check(table, command.chain, spec)));
    case "delete-number":
      // nf_tables: a table nothing wrote to has no chains at all yet, so the chain is missing, not the rule.
      if (!tableExists(rules, table)) return err({ kind: "no-chain", table, chain: command.chain });
      return printedOnSuccess(rules.delete(table, command.chain, command.position));
    case "flush":
      return printedOnSuccess(rules.flush(table, command.chain ?? undefined));
    case "zero":
      return printedOnSuccess(rules.zero(table, command.chain ?? undefined, command.position ?? undefined));
    case "new-chain":
      return printedOnSuccess(rules.newChain(table, command.chain));
    case "delete-chain":
      return printedOnSuccess(rules.deleteChain(table, command.chain ?? undefined));
    case "rename-chain":
      return printedOnSuccess(rules.renameChain(table, command.chain, command.newName));
    case "policy": {
      const done = rules.setPolicy(table, command.chain, command.policy);
      const chain = rules.table(table).chains.get(command.chain);
      // iptables-restore -c `:INPUT DROP [5:300]` (and -P with -c): the policy starts from the given counters.
      if (done.ok && chain !== undefined && command.counters !== undefined) {
        chain.policyPackets = command.counters.packets;
        chain.policyBytes = command.counters.bytes;
      }
      return printedOnSuccess(done);
    }
    case "list":
    case "list-rules":
      return listing(rules, table, command, names);
  }
}
