/**
 * `iptables-restore [-n] [-c] [-t] [FILE]` (iptables 1.8.9, nf_tables):
 * the whole input is parsed first (a parse error changes nothing); then per
 * `*table` block, unless --noflush, the table is emptied — rules flushed,
 * user chains deleted, policies back to ACCEPT — its chain lines applied and
 * its commands run in order.
 */
import type { Ruleset, TableName } from "../../../netfilter";
import type { CommandOutput } from "../command-output";
import { NO_ADDRESS_NAMES, parseIptablesRestore, parseRestoreInput, restoreCannotOpen, restoreRefusal, type AddressNames, type RestoreChain, type RestoreRequest, type RestoreTable } from "../iptables";
import { namespaceOf, type CommandEnv } from "./command-env";
import { iptablesLookup, NO_IPTABLES_NAMES, type IptablesNames } from "./run-iptables";
import { applyIptables } from "./run-iptables-apply";

/** Where the rules come from: the shell's standard input, or a file as this process sees it. */
export interface RestoreInput {
  readonly stdin: string;
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

/** argv without the program name. */
export function runIptablesRestore(argv: readonly string[], env: CommandEnv, input: RestoreInput, system: IptablesNames = NO_IPTABLES_NAMES): CommandOutput {
  const parsed = parseIptablesRestore(argv);
  if (parsed.kind === "answered") return parsed.output;
  const text = parsed.request.file === null ? input.stdin : input.readFile(parsed.request.file);
  if (text === undefined) return restoreCannotOpen(parsed.request.file ?? "-");
  const tables = parseRestoreInput(text, parsed.request, iptablesLookup(env, system));
  if (tables.kind === "answered") return tables.output;
  return executeIptablesRestore(tables.request, parsed.request, env, system.names);
}

/** Without --noflush a block replaces the table: no rules, no user chains, built-in policies ACCEPT. */
function emptyTable(rules: Ruleset, table: TableName): void {
  rules.flush(table);
  rules.deleteChain(table);
  for (const chain of rules.table(table).chains.values()) chain.policy = "ACCEPT";
}

function applyChainLine(rules: Ruleset, table: TableName, line: RestoreChain): void {
  if (line.policy !== null) {
    applyIptables(rules, table, { op: "policy", chain: line.name, policy: line.policy, counters: line.counters }, NO_ADDRESS_NAMES);
    return;
  }
  // A user chain line declares the chain, or (with --noflush) empties the one there.
  if (rules.hasChain(table, line.name)) rules.flush(table, line.name);
  else rules.newChain(table, line.name);
}

export function executeIptablesRestore(tables: readonly RestoreTable[], options: RestoreRequest, env: CommandEnv, names: AddressNames = NO_ADDRESS_NAMES): CommandOutput {
  if (options.test) return { stdout: "", stderr: "", exit: 0 };
  const rules = namespaceOf(env).netfilter.rules;
  for (const block of tables) {
    if (!options.noflush) emptyTable(rules, block.table);
    for (const line of block.chains) applyChainLine(rules, block.table, line);
    for (const { line, command } of block.commands) {
      const done = applyIptables(rules, block.table, command, names);
      if (!done.ok) return restoreRefusal(done.error, command, line);
    }
  }
  return { stdout: "", stderr: "", exit: 0 };
}
