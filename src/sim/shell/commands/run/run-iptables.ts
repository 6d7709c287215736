/**
 * `iptables …` against the namespace's netfilter rules: parse
 * (shell/commands/iptables), apply (run-iptables-apply.ts), print; the
 * engine's refusals worded as iptables 1.8.9 (nf_tables) words them.
 */
import type { Ipv4Address } from "../../../addr";
import type { CommandOutput } from "../command-output";
import { iptablesRefusal, NO_ADDRESS_NAMES, parseIptables, type AddressNames, type IptablesLookup, type IptablesRequest } from "../iptables";
import { namespaceOf, type CommandEnv } from "./command-env";
import { applyIptables } from "./run-iptables-apply";

/**
 * Name services as the process sees them (its /etc/hosts, /etc/networks):
 * `names` answers -L without -n (gethostbyaddr, getnetbyaddr),
 * `resolveHost` reads `-s NAME` (getaddrinfo; [] when not found).
 */
export interface IptablesNames {
  readonly names: AddressNames;
  readonly resolveHost?: (name: string) => readonly Ipv4Address[];
}

export const NO_IPTABLES_NAMES: IptablesNames = { names: NO_ADDRESS_NAMES };

/** What iptables asks before talking to the kernel: does a jump target exist, what is a host name. */
export function iptablesLookup(env: CommandEnv, system: IptablesNames = NO_IPTABLES_NAMES): IptablesLookup {
  const rules = namespaceOf(env).netfilter.rules;
  return { chainExists: (table, chain) => rules.hasChain(table, chain), ...(system.resolveHost ? { resolveHost: system.resolveHost } : {}) };
}

/** argv without the program name. */
export function runIptables(argv: readonly string[], env: CommandEnv, system: IptablesNames = NO_IPTABLES_NAMES): CommandOutput {
  const parsed = parseIptables(argv, iptablesLookup(env, system));
  if (parsed.kind === "answered") return parsed.output;
  return executeIptables(parsed.request, env, system.names);
}

export function executeIptables(request: IptablesRequest, env: CommandEnv, names: AddressNames = NO_ADDRESS_NAMES): CommandOutput {
  const done = applyIptables(namespaceOf(env).netfilter.rules, request.table, request.command, names);
  return done.ok ? { stdout: done.value, stderr: "", exit: 0 } : iptablesRefusal(done.error, request.command);
}
