import type { TocEntry } from "../../lesson-pipeline/types";
import { useT } from "../i18n/use-t";
import styles from "./LessonPage.module.css";

export function Toc({ entries, activeId }: { entries: TocEntry[]; activeId: string | null }) {
  const t = useT();
  if (entries.length === 0) return null;
  return (
    <nav className={styles.toc} aria-labelledby="toc-title">
      <h2 id="toc-title" className={styles.tocTitle}>
        {t("lesson.contents")}
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} data-depth={entry.depth}>
            <a href={`#${entry.id}`} aria-current={entry.id === activeId ? "location" : undefined}>
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
