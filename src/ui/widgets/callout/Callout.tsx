import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";
import styles from "./Callout.module.css";

export type CalloutKind = "note" | "tip" | "warning";

const ICONS: Record<CalloutKind, string> = { note: "ℹ", tip: "✦", warning: "⚠" };

/** `:::note`, `:::tip`, `:::warning` boxes; the kind is said in words, not by colour alone. */
export function Callout({ kind, title, children }: { kind: CalloutKind; title?: string; children?: ReactNode }) {
  const t = useT();
  const label = title || t(`callout.${kind}`);
  return (
    <aside className={styles.callout} data-kind={kind} aria-label={label}>
      <p className={styles.title}>
        <span aria-hidden="true">{ICONS[kind]} </span>
        {label}
      </p>
      <div className={styles.body}>{children}</div>
    </aside>
  );
}
