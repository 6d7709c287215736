import { useId, useMemo, useState } from "react";
import type { Element } from "hast";
import { useT } from "../../i18n/use-t";
import { useProgress } from "../../store/progress-store";
import { useLessonSlug } from "../../lesson/lesson-context";
import { renderNodes } from "../../lesson/render-hast";
import { gradeQuiz, readQuiz } from "./quiz-model";
import styles from "./Quiz.module.css";

/**
 * A self-check question graded in the browser. After a check every choice
 * shows its explanation, right or wrong; the result is saved with the
 * lesson's progress and shown again on the next visit.
 */
export function Quiz({ node, quizId }: { node: Element; quizId: string }) {
  const t = useT();
  const slug = useLessonSlug();
  const model = useMemo(() => readQuiz(node), [node]);
  const saved = useProgress((s) => (slug ? s.lessons[slug]?.quizzes[quizId] : undefined));
  const recordQuiz = useProgress((s) => s.recordQuiz);
  const resetQuiz = useProgress((s) => s.resetQuiz);
  const [selected, setSelected] = useState<number[]>(() => saved?.choices ?? []);
  const [checked, setChecked] = useState(saved !== undefined && saved.choices.length > 0);
  const [nudge, setNudge] = useState(false);
  const name = useId();
  const correct = checked && gradeQuiz(model, selected);

  const toggle = (index: number) => {
    setNudge(false);
    setSelected((prev) =>
      model.multiple ? (prev.includes(index) ? prev.filter((i) => i !== index) : [...prev, index].sort()) : [index],
    );
  };

  const check = () => {
    if (selected.length === 0) {
      setNudge(true);
      return;
    }
    setChecked(true);
    if (slug) recordQuiz(slug, quizId, selected, gradeQuiz(model, selected));
  };

  const retry = () => {
    setChecked(false);
    setSelected([]);
    if (slug) resetQuiz(slug, quizId);
  };

  return (
    <section className={styles.quiz} data-quiz-id={quizId} data-result={checked ? (correct ? "correct" : "incorrect") : "open"} aria-label={t("quiz.label")}>
      <fieldset className={styles.fieldset} disabled={checked}>
        <legend className={styles.legend}>
          <span className={styles.label}>{t("quiz.label")}</span>
          <span className={styles.question}>{renderNodes(model.question)}</span>
          {model.multiple && <span className={styles.hint}>{t("quiz.multi")}</span>}
        </legend>
        <ul className={styles.choices}>
          {model.choices.map((choice, index) => {
            const picked = selected.includes(index);
            const verdict = checked ? (choice.correct ? "right" : picked ? "wrong" : "other") : undefined;
            return (
              <li key={index} className={styles.choice} data-verdict={verdict}>
                <label className={styles.choiceLabel}>
                  <input
                    type={model.multiple ? "checkbox" : "radio"}
                    name={name}
                    checked={picked}
                    onChange={() => toggle(index)}
                  />
                  <span className={styles.choiceText}>{renderNodes(choice.text)}</span>
                  {verdict === "right" && <span className={styles.mark}>✓ {t("quiz.correct")}</span>}
                  {verdict === "wrong" && <span className={styles.mark}>✗ {t("quiz.incorrect")}</span>}
                </label>
                {checked && (
                  <div className={styles.explanation}>
                    <span className={styles.why}>{t("quiz.explanation")}: </span>
                    {renderNodes(choice.explanation)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className={styles.actions}>
        {checked ? (
          <button type="button" onClick={retry}>
            {t("quiz.retry")}
          </button>
        ) : (
          <button type="button" onClick={check} className={styles.primary}>
            {t("quiz.check")}
          </button>
        )}
        <p className={styles.result} role="status" aria-live="polite">
          {nudge ? t("quiz.chooseOne") : checked ? t(correct ? "quiz.correct" : "quiz.incorrect") : ""}
        </p>
      </div>
    </section>
  );
}
