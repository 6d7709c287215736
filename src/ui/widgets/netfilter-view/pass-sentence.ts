/**
 * The view's text alternative: what happened to the packet in one plain
 * sentence, e.g. "r1 FORWARD filter: rule 2 DROP -s 10.0.1.0/24. icmp
 * echo-request 10.0.1.5 → 10.0.2.9: dropped (a firewall rule dropped it)."
 * (DESIGN.md, "Words": the log speaks plainly.)
 */
import type { FlowTuple, NetfilterPass, NetfilterPassRewrite, NetfilterPassTraversal, NetfilterSnapshot } from "../../../sim/shell/exec/lab-netfilter-state-types";
import type { MessageKey } from "../../i18n/en";
import type { Params } from "../../i18n/i18n";
import { decidingRule, decidingTraversal } from "./pass-reading";

export type Translate = (key: MessageKey, params?: Params) => string;

/** "rule 1 DROP -p icmp", "pings rule 1 DROP", "policy ACCEPT": where a table's verdict came from. */
export function decisionWords(t: Translate, snapshot: NetfilterSnapshot | null, traversal: NetfilterPassTraversal): string {
  // A verdict decided in a user chain the built-in one jumped to names that chain.
  const chain = traversal.chain !== traversal.hook ? `${traversal.chain} ` : "";
  if (traversal.rule === null) return `${chain}${t("netfilter.policy")} ${traversal.verdict}`;
  const rule = snapshot ? decidingRule(snapshot, traversal) : null;
  const target = rule?.target || traversal.hits.find((hit) => hit.chain === traversal.chain && hit.rule === traversal.rule)?.target || traversal.verdict;
  return [`${chain}${t("netfilter.rule", { number: traversal.rule })}`, target, rule?.conditions ?? ""].filter((part) => part !== "").join(" ");
}

/** One end of a tuple: "10.0.0.1", or with its port "10.0.0.1:80". */
function endText(address: string, port: number | undefined): string {
  return port === undefined ? address : `${address}:${port}`;
}

export function rewriteWords(t: Translate, rewrite: NetfilterPassRewrite): string {
  const side = (flow: FlowTuple) => (rewrite.manip === "destination" ? endText(flow.dst, flow.dstPort) : endText(flow.src, flow.srcPort));
  return t(rewrite.manip === "destination" ? "netfilter.nat.destination" : "netfilter.nat.source", { hook: rewrite.hook, before: side(rewrite.before), after: side(rewrite.after) });
}

function outcomeWords(t: Translate, pass: NetfilterPass, dropWords: string | undefined): string {
  const outcome = pass.outcome;
  switch (outcome.kind) {
    case "travelling":
      return t("netfilter.outcome.travelling");
    case "delivered":
      return t("netfilter.outcome.delivered");
    case "sent":
      return t("netfilter.outcome.sent", { device: outcome.device });
    case "dropped":
      return t("netfilter.outcome.dropped", { words: dropWords ?? outcome.reason });
  }
}

/** The whole sentence: the deciding rule, the NAT rewrites, what became of the packet. */
export function passSentence(t: Translate, pass: NetfilterPass, snapshot: NetfilterSnapshot | null, dropWords?: string): string {
  const deciding = decidingTraversal(pass);
  const decision = deciding
    ? t("netfilter.sentence.decision", { host: pass.host, hook: deciding.hook, table: deciding.table, decision: decisionWords(t, snapshot, deciding) })
    : t("netfilter.sentence.noRule", { host: pass.host });
  const parts = [decision, ...pass.rewrites.map((rewrite) => rewriteWords(t, rewrite)), t("netfilter.sentence.packet", { packet: pass.summary, outcome: outcomeWords(t, pass, dropWords) })];
  return `${parts.join(". ")}.`;
}
