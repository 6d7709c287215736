/**
 * A namespace's iptables tables as the netfilter view shows them: each
 * chain's policy and rules with their counters, every text printed by the
 * `iptables` front end's own formatter (`formatListRules`, what
 * `iptables -t TABLE -S CHAIN` prints), so the view and the terminal can
 * never disagree.
 *
 * The lab takes a state at every event of a replayed command, so this is
 * cheap when nothing changed: a namespace nothing wrote to shares one
 * snapshot, and the rule texts are kept until the rules change
 * (`Ruleset.generation`); only the counters are read again.
 */
import { HOOK_STEPS, HOOKS, type Netfilter, type TableName } from "../../netfilter";
import { formatListRules, type ChainView, type TableView } from "../commands/iptables";
import { formatRuleSave, targetLabel } from "../commands/iptables/rule-format";
import { tableExists, tableView } from "../commands/run/run-iptables-views";
import type {
  NetfilterChainState, NetfilterHookPath, NetfilterHookTable, NetfilterRuleState, NetfilterSnapshot, NetfilterTableState,
} from "./lab-netfilter-state-types";

/** The tables the classic diagram draws, in the order `iptables -t` knows them; security only once written to. */
const SHOWN_TABLES: readonly TableName[] = ["filter", "nat", "mangle", "raw"];

/** Each hook's tables in priority order, from the kernel's own list (conntrack and its confirm step are not tables). */
const HOOK_PATH: readonly NetfilterHookPath[] = HOOKS.map((hook) => ({
  hook,
  tables: HOOK_STEPS[hook].flatMap((step): NetfilterHookTable[] => {
    if (step.kind === "table") return [{ table: step.table, priority: step.priority }];
    if (step.kind === "nat") return [{ table: "nat", priority: step.priority, manip: step.manip }];
    return [];
  }),
}));

/** The texts of one chain that change only with the rules. */
interface ChainTexts {
  readonly definition: string;
  readonly rules: readonly Pick<NetfilterRuleState, "text" | "conditions" | "target">[];
}

/** One line of `iptables -S`, without its newline. */
function line(text: string): string {
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}

function chainTexts(table: TableView, chain: ChainView): ChainTexts {
  // `iptables -S CHAIN` of the chain alone gives its -P/-N line; `-S CHAIN N` gives rule N.
  const definition = line(formatListRules({ name: table.name, chains: [{ ...chain, rules: [] }] }, chain.name, null, false));
  const rules = chain.rules.map((rule, index) => ({
    text: line(formatListRules(table, chain.name, index + 1, false)),
    // The conditions are the save form with no target: what `-S` prints between the chain and `-j`.
    conditions: formatRuleSave({ ...rule.spec, target: { kind: "none" } }).trim(),
    target: targetLabel(rule.spec.target),
  }));
  return { definition, rules };
}

function tableState(netfilter: Netfilter, view: TableView, texts: Map<string, ChainTexts>): NetfilterTableState {
  const table = netfilter.rules.table(view.name);
  const chains = view.chains.map((chain): NetfilterChainState => {
    const key = `${view.name}/${chain.name}`;
    let text = texts.get(key);
    if (!text) {
      text = chainTexts(view, chain);
      texts.set(key, text);
    }
    const fixed = text;
    const policy = chain.policyCounters ?? { packets: 0, bytes: 0 };
    return {
      name: chain.name,
      builtin: chain.builtin,
      active: !chain.builtin || table.chains.get(chain.name)?.builtin === true,
      ...(chain.policy !== undefined ? { policy: chain.policy } : {}),
      policyPackets: policy.packets,
      policyBytes: policy.bytes,
      definition: fixed.definition,
      rules: chain.rules.map((rule, index) => ({ number: index + 1, ...fixed.rules[index]!, packets: rule.counters.packets, bytes: rule.counters.bytes })),
    };
  });
  return { name: view.name, chains };
}

function tablesShown(netfilter: Netfilter): TableName[] {
  return tableExists(netfilter.rules, "security") ? [...SHOWN_TABLES, "security"] : [...SHOWN_TABLES];
}

function build(netfilter: Netfilter, texts: Map<string, ChainTexts>): NetfilterSnapshot {
  return { hooks: HOOK_PATH, tables: tablesShown(netfilter).map((name) => tableState(netfilter, tableView(netfilter.rules, name), texts)) };
}

/** Every counter, so a snapshot is reused only while none moved (-Z can bring a sum back to an old value). */
function countersKey(netfilter: Netfilter): string {
  const parts: number[] = [netfilter.rules.generation];
  for (const name of tablesShown(netfilter)) {
    for (const chain of netfilter.rules.table(name).chains.values()) {
      parts.push(chain.policyPackets, chain.policyBytes);
      for (const rule of chain.rules) parts.push(rule.packets, rule.bytes);
    }
  }
  return parts.join(",");
}

interface Kept {
  generation: number;
  texts: Map<string, ChainTexts>;
  key: string;
  snapshot: NetfilterSnapshot;
}

const kept = new WeakMap<Netfilter, Kept>();
let pristine: NetfilterSnapshot | null = null;

/** The tables of a namespace nothing wrote to: every policy ACCEPT, no rule, nothing counted. */
function pristineSnapshot(netfilter: Netfilter): NetfilterSnapshot {
  pristine ??= build(netfilter, new Map());
  return pristine;
}

/** `netfilter`'s tables now, as the view shows them. */
export function netfilterSnapshot(netfilter: Netfilter): NetfilterSnapshot {
  if (!netfilter.rules.hasAnyChain()) return pristineSnapshot(netfilter);
  const key = countersKey(netfilter);
  const previous = kept.get(netfilter);
  if (previous?.key === key) return previous.snapshot;
  const texts = previous?.generation === netfilter.rules.generation ? previous.texts : new Map<string, ChainTexts>();
  const snapshot = build(netfilter, texts);
  kept.set(netfilter, { generation: netfilter.rules.generation, texts, key, snapshot });
  return snapshot;
}
