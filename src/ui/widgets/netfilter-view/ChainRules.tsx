/**
 * One chain's rules with their counters at the playhead, as `iptables -S`
 * words them, the policy last (what `iptables -L -v --line-numbers` counts);
 * the rule or policy that decided the current packet is marked in words, not
 * by colour alone.
 */
import type { NetfilterChainState, NetfilterPassTraversal } from "../../../sim/shell/exec/lab-netfilter-state-types";
import { useT } from "../../i18n/use-t";
import styles from "./NetfilterView.module.css";

export interface ChainRulesProps {
  readonly table: string;
  readonly chain: NetfilterChainState;
  /** The decision the current packet met in this chain, if any. */
  readonly decided: NetfilterPassTraversal | null;
}

export function ChainRules({ table, chain, decided }: ChainRulesProps) {
  const t = useT();
  const decidedRule = decided?.rule ?? null;
  const decidedByPolicy = decided !== null && decided.rule === null;
  const mark = (on: boolean) => (on && decided ? <span className={decided.verdict === "DROP" ? styles.verdictDrop : styles.verdictAccept}>{t("netfilter.rules.decided", { verdict: decided.verdict })}</span> : null);
  return (
    <div className={styles.rulesScroll} tabIndex={0} role="region" aria-label={t("netfilter.rules.caption", { table, chain: chain.name })}>
      <table className={styles.rules}>
        <caption className={styles.rulesCaption}>{t("netfilter.rules.caption", { table, chain: chain.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("netfilter.rules.number")}</th>
            <th scope="col" className={styles.number}>
              {t("netfilter.rules.packets")}
            </th>
            <th scope="col" className={styles.number}>
              {t("netfilter.rules.bytes")}
            </th>
            <th scope="col">{t("netfilter.rules.rule")}</th>
          </tr>
        </thead>
        <tbody>
          {chain.rules.map((rule) => (
            <tr key={rule.number} aria-current={decidedRule === rule.number || undefined} className={decidedRule === rule.number ? styles.decidedRow : undefined}>
              <td>{rule.number}</td>
              <td className={styles.number}>{rule.packets}</td>
              <td className={styles.number}>{rule.bytes}</td>
              <td>
                <code className={styles.ruleText}>{rule.text}</code> {mark(decidedRule === rule.number)}
              </td>
            </tr>
          ))}
          {chain.builtin && (
            <tr aria-current={decidedByPolicy || undefined} className={decidedByPolicy ? styles.decidedRow : undefined}>
              <td />
              <td className={styles.number}>{chain.policyPackets}</td>
              <td className={styles.number}>{chain.policyBytes}</td>
              <td>
                <code className={styles.ruleText}>{chain.definition}</code> {mark(decidedByPolicy)}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
