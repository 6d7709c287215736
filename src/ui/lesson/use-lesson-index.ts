/**
 * The lesson index, kept in a small store so that when Vite hot-updates it
 * (a lesson added, front matter edited) every view that lists lessons updates.
 */
import { create } from "zustand";
import { lessonIndex } from "virtual:wirebook/lessons";
import { LESSON_INDEX_UPDATED_EVENT } from "../../lesson-pipeline/hmr-events";
import type { LessonIndexEntry } from "../../lesson-pipeline/types";

const useIndexStore = create<{ index: LessonIndexEntry[] }>()(() => ({ index: lessonIndex }));

if (typeof window !== "undefined") {
  window.addEventListener(LESSON_INDEX_UPDATED_EVENT, (event) => {
    useIndexStore.setState({ index: (event as CustomEvent<LessonIndexEntry[]>).detail });
  });
}

export function useLessonIndex(): LessonIndexEntry[] {
  return useIndexStore((s) => s.index);
}
