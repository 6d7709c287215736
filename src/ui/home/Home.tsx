import { Link } from "wouter";
import { useT } from "../i18n/use-t";
import { lessonStatus, solvedChallengeCount, useProgress } from "../store/progress-store";
import { useLessonIndex } from "../lesson/use-lesson-index";
import { FALLBACK_ORDER } from "../../lesson-pipeline/lesson-meta";
import styles from "./Home.module.css";

/** The course home: every lesson in order, with the student's progress. */
export function Home() {
  const t = useT();
  const lessons = useLessonIndex();
  const progress = useProgress((s) => s.lessons);
  return (
    <div className={styles.home}>
      <h1>{t("home.title")}</h1>
      <p className={styles.intro}>{t("app.tagline")} {t("home.intro")}</p>
      {lessons.length === 0 && <p>{t("home.empty")}</p>}
      <ol className={styles.list}>
        {lessons.map((lesson) => {
          const status = lessonStatus(progress[lesson.slug]);
          const solved = solvedChallengeCount(progress[lesson.slug]);
          const broken = lesson.diagnostics.some((d) => d.severity === "error");
          return (
            <li key={lesson.slug} className={styles.card} data-status={status}>
              <div className={styles.cardHead}>
                {lesson.order !== FALLBACK_ORDER && (
                  <span className={styles.order} aria-hidden="true">
                    {lesson.order}
                  </span>
                )}
                <h2 className={styles.title}>
                  <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
                </h2>
                <span className={styles.status} data-testid={`status-${lesson.slug}`}>
                  {status === "complete" ? "✓ " : ""}
                  {t(
                    status === "complete"
                      ? "home.status.complete"
                      : status === "in-progress"
                        ? "home.status.inProgress"
                        : "home.status.notStarted",
                  )}
                </span>
              </div>
              <p className={styles.summary}>{lesson.summary}</p>
              <p className={styles.meta}>
                {t("home.minutes", { minutes: lesson.minutes })}
                {solved > 0 && <span data-testid={`challenges-${lesson.slug}`}> · {t("home.challengesSolved", { count: solved })}</span>}
                {broken && <span className={styles.broken}> · {t("home.brokenLesson")}</span>}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
