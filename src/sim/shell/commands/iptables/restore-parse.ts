/**
 * iptables-restore's input (iptables/iptables-restore.c, nft backend): `#`
 * comments, `*table`, `:CHAIN POLICY [PKTS:BYTES]`, `[PKTS:BYTES] -A …`
 * rule lines read with its own tokenizer (double quotes group and are
 * removed, a backslash escapes inside them, single quotes are ordinary
 * characters), `COMMIT`. Errors carry the line number as the real tool
 * prints them.
 */
import { answered, failed, request, type Parsed } from "../command-output";
import type { TableName } from "../../../netfilter/hooks";
import type { Counters } from "../../../netfilter/rule";
import { BUILTIN_CHAINS, parseIptablesCommand, TABLES } from "./iptables-parse";
import type { IptablesCommand, RestoreChain, RestoreCommand, RestoreRequest, RestoreTable } from "./iptables-request";
import type { IptablesLookup } from "./lookup";
import { parameterProblem, type ErrorContext } from "./xtables-errors";

/** xshared.c add_param_to_argv */
export function restoreWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let started = false;
  let quoted = false;
  let escaped = false;
  for (const char of line) {
    if (quoted) {
      if (escaped) {
        current += char;
        escaped = false;
      } else if (char === "\\") escaped = true;
      else if (char === '"') quoted = false;
      else current += char;
      continue;
    }
    if (char === '"') {
      quoted = true;
      started = true;
    } else if (char === " " || char === "\t") {
      if (started) words.push(current);
      current = "";
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

function parseCounters(text: string | undefined): Counters {
  const match = /^\[(\d+):(\d+)\]$/.exec(text ?? "");
  return match === null ? { packets: 0, bytes: 0 } : { packets: Number(match[1]), bytes: Number(match[2]) };
}

interface OpenTable {
  table: TableName;
  line: number;
  chains: RestoreChain[];
  commands: RestoreCommand[];
  declared: Set<string>;
  /** Chains jumped to: checked when the table is committed, as the nft backend does. */
  jumps: string[];
}

function jumpTargets(command: IptablesCommand): string[] {
  const specs = command.op === "append" || command.op === "insert" || command.op === "delete" || command.op === "check" ? command.specs : command.op === "replace" ? [command.spec] : [];
  return specs.flatMap((spec) => (spec.target.kind === "jump" || spec.target.kind === "goto" ? [spec.target.chain] : []));
}

/**
 * The tables of a restore file, each to be applied at its COMMIT. The
 * answered form is the error iptables-restore prints; parse errors stop the
 * whole run before any table is applied (nf_tables commits at the end).
 */
export function parseRestoreInput(text: string, options: RestoreRequest, lookup: IptablesLookup): Parsed<readonly RestoreTable[]> {
  const tables: RestoreTable[] = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let open: OpenTable | null = null;
  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const raw = lines[index] ?? "";
    const line = raw.trim();
    const context: ErrorContext = { program: "iptables-restore", restoreLine: number };
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("*")) {
      const name = line.slice(1).trim();
      if (!(TABLES as readonly string[]).includes(name)) return answered(parameterProblem(`iptables-restore: line ${number} table name '${name}' invalid`, context));
      open = { table: name as TableName, line: number, chains: [], commands: [], declared: new Set(), jumps: [] };
      continue;
    }
    if (open === null) return answered(failed(`iptables-restore: line ${number} failed\n`, 1));
    if (line === "COMMIT") {
      const current = open;
      const exists = (chain: string): boolean => BUILTIN_CHAINS[current.table].includes(chain) || current.declared.has(chain) || (options.noflush && lookup.chainExists(current.table, chain));
      const missing = open.jumps.find((chain) => !exists(chain));
      if (missing !== undefined) return answered(parameterProblem(`Chain '${missing}' does not exist`, context));
      tables.push({ table: open.table, line: open.line, commitLine: number, chains: open.chains, commands: open.commands });
      open = null;
      continue;
    }
    if (line.startsWith(":")) {
      const [name = "", policy, counters] = line.slice(1).split(/\s+/);
      if (policy === undefined) return answered(parameterProblem(`iptables-restore: line ${number} policy invalid`, context));
      const builtin = BUILTIN_CHAINS[open.table].includes(name);
      if (builtin && policy !== "ACCEPT" && policy !== "DROP") return answered(failed(`iptables-restore: line ${number} failed: Bad policy name.\n`, 1));
      open.declared.add(name);
      open.chains.push({ line: number, name, policy: builtin ? (policy as "ACCEPT" | "DROP") : null, counters: options.counters ? parseCounters(counters) : { packets: 0, bytes: 0 } });
      continue;
    }
    let words = restoreWords(line);
    let counters: Counters | null = null;
    if (words[0]?.startsWith("[") === true) {
      counters = parseCounters(words[0]);
      words = words.slice(1);
    }
    // Jump targets are checked at COMMIT, once every chain of the block is declared.
    const restoreLookup: IptablesLookup = { ...lookup, chainExists: () => true };
    const parsed = parseIptablesCommand(words, restoreLookup, { context, table: open.table });
    if (parsed.kind === "answered") return parsed;
    const command = parsed.request.command;
    if (command.op === "new-chain") open.declared.add(command.chain);
    open.jumps.push(...jumpTargets(command));
    const withCounters = counters !== null && options.counters && (command.op === "append" || command.op === "insert") ? { ...command, counters } : command;
    open.commands.push({ line: number, command: withCounters });
  }
  if (open !== null) return answered(failed(`iptables-restore: COMMIT expected at line ${lines.length + 1}\n`, 1));
  return request(tables);
}
