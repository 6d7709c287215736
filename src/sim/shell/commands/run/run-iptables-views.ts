/**
 * The view records `iptables -L/-S` and `iptables-save` print
 * (shell/commands/iptables/views.ts), built from the engine's listing of a
 * namespace's tables.
 */
import type { Ruleset, TableName } from "../../../netfilter";
import { TABLES } from "../iptables";
import type { ChainView, RuleView, TableView } from "../iptables";

/** A table as iptables-nft shows it: built-in chains in hook order, then user chains. */
export function tableView(rules: Ruleset, table: TableName): TableView {
  const listing = rules.list(table);
  const chains = listing.chains.map((chain): ChainView => ({
    name: chain.name,
    builtin: chain.builtin,
    ...(chain.builtin ? { policy: chain.policy ?? "ACCEPT", policyCounters: chain.policyCounters } : {}),
    references: chain.references,
    rules: chain.rules.map(({ counters, ...spec }): RuleView => ({ spec, counters })),
  }));
  return { name: table, chains };
}

/**
 * Has any command written to the table? With the nf_tables backend a table
 * (and its built-in chains) is created by the first command that writes to
 * it; listing does not create it. The engine creates chains lazily, so a
 * table with no chain at all was never written.
 */
export function tableExists(rules: Ruleset, table: TableName): boolean {
  return rules.table(table).chains.size > 0;
}

/** Tables that exist, in iptables' table order; `only` picks one (`iptables-save -t`). */
export function existingTables(rules: Ruleset, only: TableName | null): TableView[] {
  return TABLES.filter((table) => (only === null || only === table) && tableExists(rules, table)).map((table) => tableView(rules, table));
}
