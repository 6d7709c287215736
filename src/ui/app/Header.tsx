import { Link } from "wouter";
import { useLessonIndex } from "../lesson/use-lesson-index";
import { useT } from "../i18n/use-t";
import { LOCALES, LOCALE_NAMES, isLocale } from "../i18n/i18n";
import { usePreferences } from "../store/preferences-store";
import type { ThemeChoice } from "../store/preferences-store";
import { useProgress } from "../store/progress-store";
import styles from "./Header.module.css";
import hidden from "../styles/visually-hidden.module.css";

const THEMES: ThemeChoice[] = ["system", "light", "dark"];

export function Header() {
  const t = useT();
  const { theme, setTheme, locale, setLocale } = usePreferences();
  const lessons = useProgress((s) => s.lessons);
  const lessonIndex = useLessonIndex();
  const total = lessonIndex.length;
  const done = lessonIndex.filter((l) => lessons[l.slug]?.completed).length;
  return (
    <header className={styles.header}>
      <a className={styles.skip} href="#main">
        {t("app.skipToContent")}
      </a>
      <Link href="/" className={styles.brand}>
        <svg aria-hidden="true" viewBox="0 0 32 32" width="24" height="24">
          <rect width="32" height="32" rx="6" fill="var(--wb-accent)" />
          <path d="M6 22 L12 10 L16 18 L20 10 L26 22" fill="none" stroke="var(--wb-accent-fg)" strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
        <span className={styles.brandName}>{t("app.name")}</span>
      </Link>
      <nav aria-label={t("nav.primary")} className={styles.nav}>
        <Link href="/">{t("nav.lessons")}</Link>
      </nav>
      <div className={styles.progress} title={t("progress.summary", { done, total })}>
        <span className={styles.progressText}>{t("progress.summary", { done, total })}</span>
        <progress max={Math.max(total, 1)} value={done} aria-label={t("progress.label")} />
      </div>
      <label className={styles.control}>
        <span className={hidden.visuallyHidden}>{t("locale.label")}</span>
        <select value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.control}>
        <span className={hidden.visuallyHidden}>{t("theme.toggle")}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="theme-select">
          {THEMES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`theme.${choice}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
