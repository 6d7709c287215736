import { useEffect, useState } from "react";
import { loadLesson } from "virtual:wirebook/lessons";
import { LESSON_UPDATED_EVENT } from "../../lesson-pipeline/hmr-events";
import type { CompiledLesson } from "../../lesson-pipeline/types";

export type LessonLoad =
  | { state: "loading" }
  | { state: "ready"; lesson: CompiledLesson }
  | { state: "failed"; message: string };

/** Loads one lesson's compiled tree (its own chunk) and swaps in hot updates while it is open. */
export function useLesson(slug: string, locale: string): LessonLoad {
  const [load, setLoad] = useState<LessonLoad>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setLoad({ state: "loading" });
    loadLesson(slug, locale).then(
      (lesson) => current && setLoad({ state: "ready", lesson }),
      (error: unknown) => current && setLoad({ state: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    const onUpdate = (event: Event) => {
      const lesson = (event as CustomEvent<CompiledLesson>).detail;
      if (current && lesson.meta.slug === slug) {
        setLoad((prev) =>
          prev.state === "ready" && prev.lesson.locale !== lesson.locale ? prev : { state: "ready", lesson },
        );
      }
    };
    window.addEventListener(LESSON_UPDATED_EVENT, onUpdate);
    return () => {
      current = false;
      window.removeEventListener(LESSON_UPDATED_EVENT, onUpdate);
    };
  }, [slug, locale]);
  return load;
}
