/**
 * How iptables 1.8.9 (nf_tables) words the engine's refusals
 * (sim/netfilter/errors.ts), per command — each verified on the real tool
 * (fixtures/errors.json, options.json, restore.json) unless marked. The
 * nf_tables backend differs from legacy: `-X` of a chain with rules or
 * references is "CHAIN_DEL failed (Device or resource busy)" (exit 4), a
 * missing chain under -L/-S is "incompatible, use 'nft' tool" (exit 1).
 */
import { failed, printed, type CommandOutput } from "../command-output";
import type { NetfilterError } from "../../../netfilter/errors";
import type { IptablesCommand } from "./iptables-request";
import { parameterProblem, RESOURCE_PROBLEM, XTABLES_VERSION, type ErrorContext, COMMAND_LINE } from "./xtables-errors";

type Refusal = { readonly kind: "message"; readonly text: string } | { readonly kind: "batch"; readonly text: string } | { readonly kind: "answer"; readonly output: CommandOutput };

const NO_CHAIN = "No chain/target/match by that name.";
const BAD_RULE = "Bad rule (does a matching rule exist in that chain?).";

function batchOp(command: IptablesCommand): string {
  // nft.c batch object names (NFT_COMPAT_RULE_*), all three captured.
  return command.op === "insert" ? "RULE_INSERT" : command.op === "replace" ? "RULE_REPLACE" : "RULE_APPEND";
}

function refusal(error: NetfilterError, command: IptablesCommand, context: ErrorContext): Refusal {
  switch (error.kind) {
    case "no-chain":
      if (command.op === "list" || command.op === "list-rules") {
        return { kind: "answer", output: failed(`${context.program} ${XTABLES_VERSION}: chain \`${error.chain}' in table \`${error.table}' is incompatible, use 'nft' tool.\n`, 1) };
      }
      return { kind: "message", text: command.op === "delete" || command.op === "check" ? BAD_RULE : NO_CHAIN };
    case "no-target-chain":
      return { kind: "answer", output: parameterProblem(`Chain '${error.chain}' does not exist`, context) };
    case "chain-exists":
      return { kind: "message", text: command.op === "rename-chain" ? "File exists." : "Chain already exists." };
    case "bad-rule-number":
      if (error.op === "list") return { kind: "answer", output: printed("") };
      return { kind: "message", text: `Index of ${error.op === "delete" ? "deletion" : error.op === "insert" ? "insertion" : "replacement"} too big.` };
    case "rule-not-found":
      return { kind: "message", text: BAD_RULE };
    case "chain-not-empty":
    case "chain-in-use":
    case "builtin-chain":
      return { kind: "batch", text: `CHAIN_DEL failed (Device or resource busy): chain ${error.chain}` };
    case "not-builtin-chain":
      return { kind: "message", text: "Bad built-in chain name." };
    case "invalid-chain-name":
      return { kind: "answer", output: parameterProblem(`Invalid chain name \`${error.chain}'`, context) };
    case "loop":
      // ELOOP; not captured on the real tool.
      return { kind: "batch", text: `${batchOp(command)} failed (Too many levels of symbolic links): rule in chain ${error.chain}` };
    case "target-not-allowed":
      return { kind: "batch", text: `${batchOp(command)} failed (Invalid argument): rule in chain ${error.chain}` };
    case "interface-not-allowed":
      return { kind: "answer", output: parameterProblem(`Can't use ${error.option} with ${error.chain}\n`, context) };
  }
}

/**
 * A rule the kernel refuses as invalid (EINVAL) — a target outside its
 * hooks, `-m icmp` without `-p icmp` — worded for the command line or a
 * restore line.
 */
export function invalidRuleOutput(command: IptablesCommand, chain: string, context: ErrorContext): CommandOutput {
  const text = `${batchOp(command)} failed (Invalid argument): rule in chain ${chain}`;
  if (context.restoreLine === null) return failed(`iptables ${XTABLES_VERSION}:  ${text}\n`, RESOURCE_PROBLEM);
  return failed(`iptables-restore ${XTABLES_VERSION}: \nline ${context.restoreLine}: ${text}\n`, RESOURCE_PROBLEM);
}

/** What `iptables` prints when the engine refuses `command`. */
export function iptablesRefusal(error: NetfilterError, command: IptablesCommand): CommandOutput {
  const found = refusal(error, command, COMMAND_LINE);
  if (found.kind === "answer") return found.output;
  if (found.kind === "message") return failed(`iptables: ${found.text}\n`, 1);
  return failed(`iptables ${XTABLES_VERSION}:  ${found.text}\n`, RESOURCE_PROBLEM);
}

/** What `iptables-restore` prints when the engine refuses the command of file line `line`. */
export function restoreRefusal(error: NetfilterError, command: IptablesCommand, line: number): CommandOutput {
  const context = { program: "iptables-restore", restoreLine: line } as const;
  const found = refusal(error, command, context);
  if (found.kind === "answer") return found.output;
  if (found.kind === "message") return failed(`iptables-restore: line ${line} failed: ${found.text}\n`, 1);
  return failed(`iptables-restore ${XTABLES_VERSION}: \nline ${line}: ${found.text}\n`, RESOURCE_PROBLEM);
}
