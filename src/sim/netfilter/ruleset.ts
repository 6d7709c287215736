/**
 * The iptables tables of one namespace and the operations the `iptables`
 * command performs on them: -A -I -D -R -C -F -Z -N -X -E -P and listing.
 * Every operation checks what the kernel (or iptables) would refuse and
 * returns that as a typed error; a refused change leaves the tables as they
 * were (an nft transaction is all or nothing).
 *
 * iptables-nft behaviour measured on 1.8.9 / 6.x:
 * - built-in chains appear in a listing whether or not they exist yet; a
 *   write creates only the chain it touches (lazy base chains);
 * - `-X INPUT` on an empty built-in chain succeeds (the base chain is
 *   deleted and reappears, policy ACCEPT, when next used); a non-empty one
 *   is busy;
 * - user chains list in name order; `-X` with no name deletes them all or
 *   none (the first busy one, in creation order, is reported);
 * - a jump loop is refused only if a built-in chain reaches it;
 * - targets outside their table or hooks are refused with EINVAL and the
 *   kernel logs why (`x_tables: ip_tables: DNAT target: only valid in nat
 *   table, not filter`).
 */
import { ipv4Canonical } from "../addr";
import { IpProtocol } from "../wire";
import { err, ok, type Result } from "../core";
import { Chain, storedRule, type Policy, type StoredRule } from "./chain";
import type { NetfilterError } from "./errors";
import { HOOKS, TABLE_CHAINS, TABLE_NAMES, hookHasInDevice, hookHasOutDevice, type Hook, type TableName } from "./hooks";
import type { Counters, Rule, RuleSpec, Target } from "./rule";

/** A chain as `iptables -L -v` shows it. */
export interface ChainListing {
  readonly name: string;
  readonly builtin: boolean;
  /** Built-in chains only. */
  readonly policy?: Policy;
  readonly policyCounters: Counters;
  /** User-defined chains: rules that jump or go to it ("(1 references)"). */
  readonly references: number;
  readonly rules: readonly Rule[];
}

export interface TableListing {
  readonly table: TableName;
  /** Built-in chains in iptables' order, then user-defined chains by name. */
  readonly chains: readonly ChainListing[];
}

/** Where each target may be used (xt_target .table / .hooks). */
const TARGET_LIMITS: Partial<Record<Target["kind"], { readonly table: TableName; readonly hooks: readonly Hook[] }>> = {
  REJECT: { table: "filter", hooks: ["INPUT", "FORWARD", "OUTPUT"] },
  DNAT: { table: "nat", hooks: ["PREROUTING", "OUTPUT"] },
  REDIRECT: { table: "nat", hooks: ["PREROUTING", "OUTPUT"] },
  SNAT: { table: "nat", hooks: ["INPUT", "POSTROUTING"] },
  MASQUERADE: { table: "nat", hooks: ["POSTROUTING"] },
};

const RESERVED_NAMES = new Set(["ACCEPT", "DROP", "QUEUE", "RETURN"]);
/** XT_EXTENSION_MAXNAMELEN (29) less the terminating NUL. */
const MAX_CHAIN_NAME = 28;

export class Table {
  /** Existing chains in creation order (built-in ones only once created). */
  readonly chains = new Map<string, Chain>();

  constructor(readonly name: TableName) {}

  isBuiltinName(name: string): name is Hook {
    return (TABLE_CHAINS[this.name] as readonly string[]).includes(name);
  }

  /** The base chain for a hook, if it exists (if not, the hook has nothing of this table). */
  baseChain(hook: Hook): Chain | undefined {
    const chain = this.chains.get(hook);
    return chain?.hook === hook ? chain : undefined;
  }

  references(name: string): number {
    let n = 0;
    for (const chain of this.chains.values()) for (const rule of chain.rules) if (jumpsTo(rule.spec.target) === name) n++;
    return n;
  }
}

export class Ruleset {
  readonly #tables: Record<TableName, Table>;
  #generation = 0;

  constructor(private readonly log: (line: string) => void = () => {}) {
    this.#tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Table(t)])) as Record<TableName, Table>;
  }

  /** Changes with every change to the rules or chains, so callers can cache what they derive from them. */
  get generation(): number {
    return this.#generation;
  }

  table(name: TableName): Table {
    return this.#tables[name];
  }

  /** Is there any chain at all (built-in chains exist once used)? */
  hasAnyChain(): boolean {
    return TABLE_NAMES.some((t) => this.#tables[t].chains.size > 0);
  }

  /** Does any chain of any table use this predicate's rules? (conntrack is needed while one does). */
  someRule(predicate: (spec: RuleSpec) => boolean): boolean {
    return TABLE_NAMES.some((t) => [...this.#tables[t].chains.values()].some((c) => c.rules.some((r) => predicate(r.spec))));
  }

  // ---- rules --------------------------------------------------------------

  /** `-A CHAIN spec [-c PKTS BYTES]`. */
  append(table: TableName, chain: string, spec: RuleSpec, counters?: Counters): Result<void, NetfilterError> {
    return this.#edit(table, chain, (rules) => ok([...rules, storedRule(normalize(spec), counters)]));
  }

  /** `-I CHAIN [N] spec`: N from 1 (the default) to length + 1. */
  insert(table: TableName, chain: string, position: number, spec: RuleSpec, counters?: Counters): Result<void, NetfilterError> {
    return this.#edit(table, chain, (rules) => {
      if (!Number.isInteger(position) || position < 1 || position > rules.length + 1) return err({ kind: "bad-rule-number", table, chain, number: position, op: "insert" });
      const next = [...rules];
      next.splice(position - 1, 0, storedRule(normalize(spec), counters));
      return ok(next);
    });
  }

  /** `-R CHAIN N spec`: a new rule (fresh counters and match state) in place of rule N. */
  replace(table: TableName, chain: string, number: number, spec: RuleSpec, counters?: Counters): Result<void, NetfilterError> {
    return this.#edit(table, chain, (rules) => {
      if (!Number.isInteger(number) || number < 1 || number > rules.length) return err({ kind: "bad-rule-number", table, chain, number, op: "replace" });
      const next = [...rules];
      next[number - 1] = storedRule(normalize(spec), counters);
      return ok(next);
    });
  }

  /** `-D CHAIN N` or `-D CHAIN spec` (the first rule equal to spec). */
  delete(table: TableName, chain: string, which: number | RuleSpec): Result<void, NetfilterError> {
    return this.#edit(table, chain, (rules) => {
      const index = typeof which === "number" ? which - 1 : findRule(rules, which);
      if (typeof which === "number" && (!Number.isInteger(which) || index < 0 || index >= rules.length)) {
        return err({ kind: "bad-rule-number", table, chain, number: which, op: "delete" });
      }
      if (index < 0) return err({ kind: "rule-not-found", table, chain });
      return ok(rules.filter((_, i) => i !== index));
    }, false);
  }

  /** `-C CHAIN spec`: ok when such a rule exists. */
  check(table: TableName, chain: string, spec: RuleSpec): Result<void, NetfilterError> {
    const found = this.#resolve(table, chain, false);
    if (!found.ok) return found;
    return findRule(found.value?.rules ?? [], spec) >= 0 ? ok(undefined) : err({ kind: "rule-not-found", table, chain });
  }

  /** `-F [CHAIN]`. */
  flush(table: TableName, chain?: string): Result<void, NetfilterError> {
    const chains = this.#some(table, chain);
    if (!chains.ok) return chains;
    for (const c of chains.value) c.rules.length = 0;
    this.#generation++;
    return ok(undefined);
  }

  /** `-Z [CHAIN [N]]`. */
  zero(table: TableName, chain?: string, number?: number): Result<void, NetfilterError> {
    const chains = this.#some(table, chain);
    if (!chains.ok) return chains;
    if (number !== undefined) {
      const rule = chains.value[0]?.rules[number - 1];
      if (!rule) return err({ kind: "bad-rule-number", table, chain: chain ?? "", number, op: "list" });
      rule.packets = 0;
      rule.bytes = 0;
      return ok(undefined);
    }
    for (const c of chains.value) c.zero();
    return ok(undefined);
  }

  // ---- chains -------------------------------------------------------------

  /** `-N NAME`. */
  newChain(table: TableName, name: string): Result<void, NetfilterError> {
    const t = this.#tables[table];
    if (!validChainName(name)) return err({ kind: "invalid-chain-name", chain: name });
    if (t.chains.has(name) || t.isBuiltinName(name)) return err({ kind: "chain-exists", table, chain: name });
    t.chains.set(name, new Chain(name, null));
    this.#generation++;
    return ok(undefined);
  }

  /** `-X [NAME]`: one chain, or every user-defined chain (all or none). */
  deleteChain(table: TableName, name?: string): Result<void, NetfilterError> {
    const t = this.#tables[table];
    if (name === undefined) {
      const users = [...t.chains.values()].filter((c) => !c.builtin);
      for (const c of users) {
        const busy = busyError(t, c);
        if (busy) return err(busy);
      }
      for (const c of users) t.chains.delete(c.name);
      this.#generation++;
      return ok(undefined);
    }
    const chain = t.chains.get(name);
    if (!chain) return t.isBuiltinName(name) ? ok(undefined) : err({ kind: "no-chain", table, chain: name });
    const busy = busyError(t, chain);
    if (busy) return err(busy);
    t.chains.delete(name);
    this.#generation++;
    return ok(undefined);
  }

  /** `-E OLD NEW`: jumps to the chain follow it. */
  renameChain(table: TableName, from: string, to: string): Result<void, NetfilterError> {
    const t = this.#tables[table];
    const chain = t.chains.get(from);
    if (t.isBuiltinName(from)) return err({ kind: "builtin-chain", table, chain: from });
    if (!chain) return err({ kind: "no-chain", table, chain: from });
    if (!validChainName(to)) return err({ kind: "invalid-chain-name", chain: to });
    if (t.chains.has(to) || t.isBuiltinName(to)) return err({ kind: "chain-exists", table, chain: to });
    const renamed = new Map<string, Chain>();
    for (const [key, c] of t.chains) renamed.set(key === from ? to : key, c);
    t.chains.clear();
    for (const [key, c] of renamed) t.chains.set(key, c);
    chain.name = to;
    this.#generation++;
    for (const c of t.chains.values()) {
      c.rules.forEach((rule, i) => {
        const target = rule.spec.target;
        if ((target.kind === "jump" || target.kind === "goto") && target.chain === from) {
          c.rules[i] = { ...rule, spec: { ...rule.spec, target: { kind: target.kind, chain: to } } };
        }
      });
    }
    return ok(undefined);
  }

  /**
   * `-P CHAIN ACCEPT|DROP`: built-in chains only; from now on the policy
   * counts. iptables-nft sends the base chain again with its policy counters
   * (0, or `-c`'s), so every -P restarts them (measured: parity case 043).
   */
  setPolicy(table: TableName, chain: string, policy: Policy): Result<void, NetfilterError> {
    const t = this.#tables[table];
    if (!t.isBuiltinName(chain)) return t.chains.has(chain) ? err({ kind: "not-builtin-chain", table, chain }) : err({ kind: "no-chain", table, chain });
    const c = this.#ensureBuiltin(t, chain);
    c.policy = policy;
    c.policyCounted = true;
    c.policyPackets = 0;
    c.policyBytes = 0;
    this.#generation++;
    return ok(undefined);
  }

  /** `-L` / `-S` data: every chain of the table with its rules and counters. */
  list(table: TableName): TableListing {
    const t = this.#tables[table];
    const builtins = TABLE_CHAINS[table].map((hook) => listChain(t, t.baseChain(hook) ?? new Chain(hook, hook)));
    const users = [...t.chains.values()].filter((c) => !c.builtin).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((c) => listChain(t, c));
    return { table, chains: [...builtins, ...users] };
  }

  /** Does the chain exist (a built-in one always does, as far as iptables shows)? */
  hasChain(table: TableName, chain: string): boolean {
    const t = this.#tables[table];
    return t.isBuiltinName(chain) || t.chains.has(chain);
  }

  // ---- helpers -------------------------------------------------------------

  #resolve(table: TableName, chain: string, create: boolean): Result<Chain | undefined, NetfilterError> {
    const t = this.#tables[table];
    const existing = t.chains.get(chain);
    if (existing) return ok(existing);
    if (t.isBuiltinName(chain)) return ok(create ? this.#ensureBuiltin(t, chain) : undefined);
    return err({ kind: "no-chain", table, chain });
  }

  #some(table: TableName, chain: string | undefined): Result<Chain[], NetfilterError> {
    if (chain === undefined) return ok([...this.#tables[table].chains.values()]);
    const found = this.#resolve(table, chain, false);
    if (!found.ok) return found;
    return ok(found.value ? [found.value] : []);
  }

  #ensureBuiltin(t: Table, hook: Hook): Chain {
    let chain = t.baseChain(hook);
    if (!chain) {
      chain = new Chain(hook, hook);
      t.chains.set(hook, chain);
    }
    return chain;
  }

  /** Change one chain's rule list, then validate the whole table; undo on error. */
  #edit(table: TableName, chainName: string, change: (rules: readonly StoredRule[]) => Result<StoredRule[], NetfilterError>, validate = true): Result<void, NetfilterError> {
    const t = this.#tables[table];
    const existed = t.chains.has(chainName);
    const found = this.#resolve(table, chainName, true);
    if (!found.ok) return found;
    const chain = found.value!;
    const before = [...chain.rules];
    const next = change(before);
    const undo = (): void => {
      chain.rules.splice(0, chain.rules.length, ...before);
      if (!existed) t.chains.delete(chainName);
    };
    if (!next.ok) {
      undo();
      return next;
    }
    chain.rules.splice(0, chain.rules.length, ...next.value);
    const problem = validate ? this.#validate(t, chain) : undefined;
    if (problem) {
      undo();
      return err(problem);
    }
    this.#generation++;
    return ok(undefined);
  }

  /** translate_table's checks for one changed chain: jump targets, loops, interfaces, target table and hooks. */
  #validate(t: Table, changed: Chain): NetfilterError | undefined {
    for (const rule of changed.rules) {
      const t0 = rule.spec.target;
      if (t0.kind === "REJECT" && t0.with === "tcp-reset" && (rule.spec.protocol?.protocol !== IpProtocol.TCP || rule.spec.protocol.invert)) {
        // reject_tg_check: a reset only makes sense for TCP (measured: EINVAL and this kernel line).
        this.log("ipt_REJECT: TCP_RESET invalid for non-tcp");
        return { kind: "target-not-allowed", table: t.name, chain: changed.name, target: "REJECT", reason: "protocol", usedFrom: [], allowed: [] };
      }
      const target = jumpsTo(rule.spec.target);
      if (target !== undefined) {
        if (t.isBuiltinName(target)) return { kind: "builtin-chain", table: t.name, chain: target };
        if (!t.chains.has(target)) return { kind: "no-target-chain", table: t.name, chain: target };
      }
      if (changed.hook) {
        if (rule.spec.inInterface && !hookHasInDevice(changed.hook)) return { kind: "interface-not-allowed", table: t.name, chain: changed.name, option: "-i" };
        if (rule.spec.outInterface && !hookHasOutDevice(changed.hook)) return { kind: "interface-not-allowed", table: t.name, chain: changed.name, option: "-o" };
      }
    }
    const loop = findLoop(t);
    if (loop) return loop;
    const reach = reachingHooks(t);
    for (const chain of t.chains.values()) {
      for (const rule of chain.rules) {
        const limits = TARGET_LIMITS[rule.spec.target.kind];
        if (!limits) continue;
        const name = rule.spec.target.kind;
        if (limits.table !== t.name) {
          this.log(`x_tables: ip_tables: ${name} target: only valid in ${limits.table} table, not ${t.name}`);
          return { kind: "target-not-allowed", table: t.name, chain: chain.name, target: name, reason: "table", usedFrom: [], allowed: limits.hooks, allowedTable: limits.table };
        }
        const used = reach.get(chain) ?? [];
        if (used.some((h) => !limits.hooks.includes(h))) {
          this.log(`x_tables: ip_tables: ${name} target: used from hooks ${used.join("/")}, but only usable from ${limits.hooks.join("/")}`);
          return { kind: "target-not-allowed", table: t.name, chain: chain.name, target: name, reason: "hook", usedFrom: used, allowed: limits.hooks };
        }
      }
    }
    return undefined;
  }
}

function jumpsTo(target: Target): string | undefined {
  return target.kind === "jump" || target.kind === "goto" ? target.chain : undefined;
}

function busyError(t: Table, chain: Chain): NetfilterError | undefined {
  const references = t.references(chain.name);
  if (references > 0) return { kind: "chain-in-use", table: t.name, chain: chain.name, references };
  if (chain.rules.length > 0) return { kind: "chain-not-empty", table: t.name, chain: chain.name };
  return undefined;
}

/** mark_source_chains: which hooks reach each chain (built-ins their own; user chains through jumps and gotos). */
function reachingHooks(t: Table): Map<Chain, Hook[]> {
  const out = new Map<Chain, Set<Hook>>();
  const visit = (chain: Chain, hook: Hook): void => {
    const set = out.get(chain) ?? new Set<Hook>();
    if (set.has(hook)) return;
    set.add(hook);
    out.set(chain, set);
    for (const rule of chain.rules) {
      const next = jumpsTo(rule.spec.target);
      const target = next === undefined ? undefined : t.chains.get(next);
      if (target) visit(target, hook);
    }
  };
  for (const hook of HOOKS) {
    const base = t.baseChain(hook);
    if (base) visit(base, hook);
  }
  return new Map([...out].map(([c, hooks]) => [c, HOOKS.filter((h) => hooks.has(h))]));
}

function findLoop(t: Table): NetfilterError | undefined {
  const onPath = new Set<Chain>();
  const done = new Set<Chain>();
  const visit = (chain: Chain): NetfilterError | undefined => {
    if (done.has(chain)) return undefined;
    onPath.add(chain);
    for (const rule of chain.rules) {
      const next = jumpsTo(rule.spec.target);
      const target = next === undefined ? undefined : t.chains.get(next);
      if (!target) continue;
      if (onPath.has(target)) return { kind: "loop", table: t.name, chain: chain.name, target: target.name };
      const found = visit(target);
      if (found) return found;
    }
    onPath.delete(chain);
    done.add(chain);
    return undefined;
  };
  for (const hook of HOOKS) {
    const base = t.baseChain(hook);
    const found = base && visit(base);
    if (found) return found;
  }
  return undefined;
}

function listChain(t: Table, chain: Chain): ChainListing {
  return {
    name: chain.name,
    builtin: chain.builtin,
    ...(chain.builtin ? { policy: chain.policy } : {}),
    policyCounters: chain.policyCounters(),
    references: chain.builtin ? 0 : t.references(chain.name),
    rules: chain.rules.map((r) => ({ ...r.spec, counters: { packets: r.packets, bytes: r.bytes } })),
  };
}

function validChainName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_CHAIN_NAME && !RESERVED_NAMES.has(name) && !name.startsWith("-") && !name.startsWith("!") && !/\s/.test(name);
}

/** What iptables stores: addresses masked to their prefix. */
function normalize(spec: RuleSpec): RuleSpec {
  return {
    ...spec,
    ...(spec.source ? { source: { ...spec.source, cidr: ipv4Canonical(spec.source.cidr) } } : {}),
    ...(spec.destination ? { destination: { ...spec.destination, cidr: ipv4Canonical(spec.destination.cidr) } } : {}),
  };
}

/** The first rule equal to `spec` (iptables -D compares the whole entry, matches and target included). */
function findRule(rules: readonly StoredRule[], spec: RuleSpec): number {
  const wanted = canonical(normalize(spec));
  return rules.findIndex((r) => canonical(r.spec) === wanted);
}

function canonical(spec: RuleSpec): string {
  return JSON.stringify(spec, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
      return Object.fromEntries(entries);
    }
    return value;
  });
}
