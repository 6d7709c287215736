import { useEffect, useMemo } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/use-t";
import { usePreferences } from "../store/preferences-store";
import { useProgress } from "../store/progress-store";
import { NotFound } from "../app/NotFound";
import { useLessonIndex } from "./use-lesson-index";
import { useLesson } from "./use-lesson";
import { useActiveHeading, useHashScroll } from "./use-hash-scroll";
import { LessonBody } from "./LessonBody";
import { Diagnostics } from "./Diagnostics";
import { Toc } from "./Toc";
import { LessonSlugContext } from "./lesson-context";
import { quizIds } from "./quiz-ids";
import { FALLBACK_ORDER } from "../../lesson-pipeline/lesson-meta";
import styles from "./LessonPage.module.css";

export function LessonPage({ slug }: { slug: string }) {
  const t = useT();
  const index = useLessonIndex();
  const locale = usePreferences((s) => s.locale);
  const position = index.findIndex((l) => l.slug === slug);
  const entry = index[position];
  const load = useLesson(slug, locale);
  const markVisited = useProgress((s) => s.markVisited);
  const progress = useProgress((s) => s.lessons[slug]);
  const setCompleted = useProgress((s) => s.setCompleted);

  useEffect(() => {
    if (entry) markVisited(slug);
  }, [entry, slug, markVisited]);

  const lesson = load.state === "ready" ? load.lesson : null;
  const ids = useMemo(() => lesson?.toc.map((e) => e.id) ?? [], [lesson]);
  const quizzes = useMemo(() => (lesson ? quizIds(lesson.tree) : []), [lesson]);
  const activeId = useActiveHeading(ids);
  useHashScroll(lesson !== null);

  useEffect(() => {
    const title = lesson?.meta.title ?? entry?.title;
    if (title) document.title = `${title} · Wirebook`;
  }, [lesson, entry]);

  if (!entry) return <NotFound />;

  const meta = lesson?.meta ?? entry;
  const correct = quizzes.filter((id) => progress?.quizzes[id]?.correct).length;
  const previous = index[position - 1];
  const next = index[position + 1];
  const diagnostics = lesson?.diagnostics ?? entry.diagnostics;

  return (
    <LessonSlugContext.Provider value={slug}>
      <div className={styles.layout}>
        {lesson && (
          <aside className={styles.sidebar}>
            <Toc entries={lesson.toc} activeId={activeId} />
          </aside>
        )}
        <article className={styles.article} aria-busy={load.state === "loading"}>
          <header className={styles.lessonHeader}>
            <p className={styles.kicker}>
              {/* A lesson whose front matter is broken has no real order or length to show. */}
              {entry.order !== FALLBACK_ORDER && (
                <>
                  <span>{entry.order}</span> · <span>{t("lesson.minutes", { minutes: meta.minutes })}</span>
                </>
              )}
              {quizzes.length > 0 && (
                <span data-testid="quiz-score"> · {t("lesson.quizScore", { correct, total: quizzes.length })}</span>
              )}
            </p>
            <h1>{meta.title}</h1>
            <p className={styles.summary}>{meta.summary}</p>
          </header>
          {lesson && lesson.locale !== locale && <p className={styles.fallback}>{t("lesson.fallbackLocale")}</p>}
          <Diagnostics diagnostics={diagnostics} />
          {meta.objectives.length > 0 && (
            <section className={styles.objectives} aria-labelledby="objectives-title">
              <h2 id="objectives-title">{t("lesson.objectives")}</h2>
              <ul>
                {meta.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </section>
          )}
          {load.state === "loading" && <p className={styles.loading}>{t("lesson.loading")}</p>}
          {load.state === "failed" && (
            <p role="alert" className={styles.failed}>
              {t("lesson.loadFailed")} <code>{load.message}</code>
            </p>
          )}
          {lesson && (
            <div className={styles.prose}>
              <LessonBody tree={lesson.tree} />
            </div>
          )}
          <footer className={styles.footer}>
            <button
              type="button"
              className={styles.complete}
              aria-pressed={progress?.completed === true}
              onClick={() => setCompleted(slug, !progress?.completed)}
            >
              {progress?.completed ? `✓ ${t("lesson.completed")}` : t("lesson.markComplete")}
            </button>
            <nav className={styles.pager} aria-label={t("nav.lessons")}>
              {previous ? (
                <Link href={`/lessons/${previous.slug}`} rel="prev">
                  ← {t("lesson.previous")}: {previous.title}
                </Link>
              ) : (
                <span />
              )}
              {next && (
                <Link href={`/lessons/${next.slug}`} rel="next">
                  {t("lesson.next")}: {next.title} →
                </Link>
              )}
            </nav>
          </footer>
        </article>
      </div>
    </LessonSlugContext.Provider>
  );
}
