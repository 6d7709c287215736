/**
 * The saved shape of a student's progress, versioned. `normalizeProgress`
 * accepts anything read back from storage (any version, partly corrupted) and
 * keeps every entry it can still trust, dropping the rest field by field.
 */
export const PROGRESS_VERSION = 3;

export interface QuizAttempt {
  /** Indexes of the choices the student selected in the last check. */
  choices: number[];
  correct: boolean;
}

/** A lab challenge whose check passed (the lab's `id` is the key). */
export interface SolvedChallenge {
  /** When the check first passed (ms since epoch). */
  solvedAt: number;
}

export interface LessonProgress {
  /** When the lesson was first opened (ms since epoch). */
  firstVisit: number | null;
  completed: boolean;
  quizzes: Record<string, QuizAttempt>;
  /** Challenges solved, by lab id. */
  challenges: Record<string, SolvedChallenge>;
}

export interface SavedProgress {
  lessons: Record<string, LessonProgress>;
}

export const emptyLessonProgress = (): LessonProgress => ({ firstVisit: null, completed: false, quizzes: {}, challenges: {} });

/**
 * Version 1 stored `{ completed: string[], quiz: { "slug/quizId": boolean } }`.
 * Version 2 keeps everything per lesson. Version 3 adds the solved challenges
 * of each lesson: a version 2 lesson keeps everything and has solved none.
 */
export function migrateProgress(saved: unknown, version: number): SavedProgress {
  if (version === 1 && isRecord(saved)) return fromVersion1(saved);
  return normalizeProgress(saved);
}

function fromVersion1(saved: Record<string, unknown>): SavedProgress {
  const lessons: Record<string, LessonProgress> = {};
  const entry = (slug: string) => (lessons[slug] ??= emptyLessonProgress());
  if (Array.isArray(saved.completed)) {
    for (const slug of saved.completed) if (typeof slug === "string") entry(slug).completed = true;
  }
  if (isRecord(saved.quiz)) {
    for (const [key, correct] of Object.entries(saved.quiz)) {
      const [slug, quizId] = key.split("/");
      if (slug && quizId && typeof correct === "boolean") entry(slug).quizzes[quizId] = { choices: [], correct };
    }
  }
  return { lessons };
}

export function normalizeProgress(saved: unknown): SavedProgress {
  const lessons: Record<string, LessonProgress> = {};
  if (!isRecord(saved) || !isRecord(saved.lessons)) return { lessons };
  for (const [slug, value] of Object.entries(saved.lessons)) {
    if (!isRecord(value)) continue;
    lessons[slug] = {
      firstVisit: typeof value.firstVisit === "number" && Number.isFinite(value.firstVisit) ? value.firstVisit : null,
      completed: value.completed === true,
      quizzes: normalizeQuizzes(value.quizzes),
      challenges: normalizeChallenges(value.challenges),
    };
  }
  return { lessons };
}

function normalizeQuizzes(value: unknown): Record<string, QuizAttempt> {
  const quizzes: Record<string, QuizAttempt> = {};
  if (!isRecord(value)) return quizzes;
  for (const [id, attempt] of Object.entries(value)) {
    if (!isRecord(attempt) || typeof attempt.correct !== "boolean") continue;
    const choices = Array.isArray(attempt.choices)
      ? attempt.choices.filter((c): c is number => Number.isInteger(c) && c >= 0)
      : [];
    quizzes[id] = { choices, correct: attempt.correct };
  }
  return quizzes;
}

function normalizeChallenges(value: unknown): Record<string, SolvedChallenge> {
  const challenges: Record<string, SolvedChallenge> = {};
  if (!isRecord(value)) return challenges;
  for (const [id, solved] of Object.entries(value)) {
    if (isRecord(solved) && typeof solved.solvedAt === "number" && Number.isFinite(solved.solvedAt)) challenges[id] = { solvedAt: solved.solvedAt };
  }
  return challenges;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
