import type { Diagnostic } from "../../lesson-pipeline/types";
import { useT } from "../i18n/use-t";
import styles from "./Diagnostics.module.css";

/** A broken lesson shows exactly what is wrong and where, in place of a blank page. */
export function Diagnostics({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const t = useT();
  if (diagnostics.length === 0) return null;
  return (
    <section className={styles.panel} role="alert" aria-labelledby="lesson-diagnostics-title" data-testid="lesson-diagnostics">
      <h2 id="lesson-diagnostics-title" className={styles.title}>
        {t("lesson.errorsTitle", { count: diagnostics.length })}
      </h2>
      <ul className={styles.list}>
        {diagnostics.map((d, i) => (
          <li key={i} data-severity={d.severity}>
            <code className={styles.location}>
              {d.file}:{d.line}:{d.column}
            </code>{" "}
            <span className={styles.severity}>{d.severity}</span>: {d.message}
            {d.suggestion && <span className={styles.suggestion}> ({t("lesson.didYouMean", { suggestion: d.suggestion })})</span>}{" "}
            <span className={styles.code}>[{d.code}]</span>
          </li>
        ))}
      </ul>
      <p className={styles.help}>{t("lesson.errorsHelp")}</p>
    </section>
  );
}
