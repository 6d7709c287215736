import type { ReactNode } from "react";
import type { Element } from "hast";
import { useT } from "../i18n/use-t";
import styles from "./LessonPage.module.css";

interface Props {
  level: 2 | 3;
  id?: string;
  children?: ReactNode;
  node?: Element;
}

/** A section heading with a visible-on-focus "#" link, so every section has a shareable URL. */
export function AnchoredHeading({ level, id, children }: Props) {
  const t = useT();
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag id={id} className={styles.heading} tabIndex={-1}>
      {children}
      {id && (
        <a className={styles.anchor} href={`#${id}`} aria-label={t("lesson.anchor")}>
          #
        </a>
      )}
    </Tag>
  );
}
