/**
 * The student's progress, saved in localStorage with a versioned schema.
 * Corrupted or foreign data is discarded with a notice; old versions are
 * migrated; a field that cannot be trusted is dropped, never fatal.
 */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { createSafeStorage } from "./safe-storage";
import { useNotices } from "./notices-store";
import {
  PROGRESS_VERSION,
  emptyLessonProgress,
  migrateProgress,
  normalizeProgress,
} from "./progress-schema";
import type { LessonProgress, SavedProgress } from "./progress-schema";

export const PROGRESS_STORAGE_KEY = "wirebook.progress";

export interface ProgressState extends SavedProgress {
  markVisited(slug: string, now?: number): void;
  setCompleted(slug: string, completed: boolean): void;
  recordQuiz(slug: string, quizId: string, choices: number[], correct: boolean): void;
  resetQuiz(slug: string, quizId: string): void;
  /** A lab challenge's check passed; the first time is kept. */
  recordChallenge(slug: string, challengeId: string, now?: number): void;
}

const update = (state: SavedProgress, slug: string, change: (lesson: LessonProgress) => LessonProgress) => ({
  lessons: { ...state.lessons, [slug]: change(state.lessons[slug] ?? emptyLessonProgress()) },
});

export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      lessons: {},
      markVisited: (slug, now = Date.now()) =>
        set((state) =>
          state.lessons[slug]?.firstVisit ? state : update(state, slug, (l) => ({ ...l, firstVisit: now })),
        ),
      setCompleted: (slug, completed) => set((state) => update(state, slug, (l) => ({ ...l, completed }))),
      recordQuiz: (slug, quizId, choices, correct) =>
        set((state) =>
          update(state, slug, (l) => ({ ...l, quizzes: { ...l.quizzes, [quizId]: { choices, correct } } })),
        ),
      resetQuiz: (slug, quizId) =>
        set((state) =>
          update(state, slug, (l) => {
            const { [quizId]: _removed, ...quizzes } = l.quizzes;
            return { ...l, quizzes };
          }),
        ),
      recordChallenge: (slug, challengeId, now = Date.now()) =>
        set((state) =>
          state.lessons[slug]?.challenges[challengeId]
            ? state
            : update(state, slug, (l) => ({ ...l, challenges: { ...l.challenges, [challengeId]: { solvedAt: now } } })),
        ),
    }),
    {
      name: PROGRESS_STORAGE_KEY,
      version: PROGRESS_VERSION,
      storage: createSafeStorage<SavedProgress>(
        () => globalThis.localStorage,
        () => useNotices.getState().show({ id: "progress-recovered", message: "progress.recovered", tone: "warning" }),
      ),
      partialize: (state) => ({ lessons: state.lessons }),
      migrate: (saved, version) => {
        // Version 2 → 3 only adds a field: nothing the student would notice changed.
        if (version < 2) useNotices.getState().show({ id: "progress-migrated", message: "progress.migrated", tone: "info" });
        return migrateProgress(saved, version);
      },
      // Even a current-version envelope may hold damaged entries: keep what is sound.
      merge: (saved, current) => ({ ...current, ...normalizeProgress(saved) }),
    },
  ),
);

/** Lesson status as the course home shows it. */
export type LessonStatus = "not-started" | "in-progress" | "complete";

export function lessonStatus(progress: LessonProgress | undefined): LessonStatus {
  if (!progress) return "not-started";
  if (progress.completed) return "complete";
  const touched = progress.firstVisit !== null || Object.keys(progress.quizzes).length > 0 || Object.keys(progress.challenges).length > 0;
  return touched ? "in-progress" : "not-started";
}

/** How many of a lesson's challenges the student has solved. */
export function solvedChallengeCount(progress: LessonProgress | undefined): number {
  return progress ? Object.keys(progress.challenges).length : 0;
}
