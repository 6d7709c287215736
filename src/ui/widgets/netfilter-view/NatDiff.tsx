/**
 * A NAT rewrite as a before/after diff of the headers it touches (source,
 * destination, ports or ICMP id), changed fields shown old → new the way
 * the packet inspector shows them: struck-through old value, bold new one,
 * and the words "changed from … to" for screen readers.
 */
import type { FlowTuple, NetfilterPassRewrite } from "../../../sim/shell/exec/lab-netfilter-state-types";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/use-t";
import hidden from "../../styles/visually-hidden.module.css";
import styles from "./NetfilterView.module.css";

interface Field {
  readonly label: MessageKey;
  readonly value: (flow: FlowTuple) => string | number | undefined;
}

const FIELDS: readonly Field[] = [
  { label: "netfilter.nat.src", value: (flow) => flow.src },
  { label: "netfilter.nat.sport", value: (flow) => flow.srcPort },
  { label: "netfilter.nat.dst", value: (flow) => flow.dst },
  { label: "netfilter.nat.dport", value: (flow) => flow.dstPort },
  { label: "netfilter.nat.icmpId", value: (flow) => flow.icmpId },
];

export function NatDiff({ rewrite }: { rewrite: NetfilterPassRewrite }) {
  const t = useT();
  const rows = FIELDS.filter((field) => field.value(rewrite.before) !== undefined || field.value(rewrite.after) !== undefined);
  return (
    <table className={styles.nat} data-nat={`${rewrite.hook}/${rewrite.manip}`}>
      <caption className={styles.rulesCaption}>{t("netfilter.nat.caption", { hook: rewrite.hook })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("netfilter.nat.field")}</th>
          <th scope="col">{t("netfilter.nat.before")}</th>
          <th scope="col">{t("netfilter.nat.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((field) => {
          const before = String(field.value(rewrite.before) ?? "—");
          const after = String(field.value(rewrite.after) ?? "—");
          const changed = before !== after;
          return (
            <tr key={field.label} data-changed={changed || undefined} className={changed ? styles.changedRow : undefined}>
              <th scope="row">{t(field.label)}</th>
              <td>
                {changed ? (
                  <>
                    <span className={hidden.visuallyHidden}>{t("netfilter.changedFrom")} </span>
                    <del className={styles.before}>{before}</del>
                  </>
                ) : (
                  <code>{before}</code>
                )}
              </td>
              <td>
                {changed ? (
                  <>
                    <span className={hidden.visuallyHidden}>{t("netfilter.changedTo")} </span>
                    <ins className={styles.after}>{after}</ins>
                  </>
                ) : (
                  <code>{after}</code>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
