// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { PROGRESS_STORAGE_KEY, lessonStatus, solvedChallengeCount, useProgress } from "./progress-store";
import { useNotices } from "./notices-store";

async function reloadFrom(saved: string | null) {
  // setState on a persisted store writes through to storage: reset first, then plant the saved value.
  useProgress.setState({ lessons: {} });
  useNotices.setState({ notices: [] });
  localStorage.clear();
  if (saved !== null) localStorage.setItem(PROGRESS_STORAGE_KEY, saved);
  await useProgress.persist.rehydrate();
}

describe("saved progress", () => {
  beforeEach(() => reloadFrom(null));

  it("survives a reload", async () => {
    useProgress.getState().recordQuiz("ip-addressing", "mask-27", [1], true);
    useProgress.getState().setCompleted("ip-addressing", true);
    await reloadFrom(localStorage.getItem(PROGRESS_STORAGE_KEY));
    const lesson = useProgress.getState().lessons["ip-addressing"];
    expect(lesson?.completed).toBe(true);
    expect(lesson?.quizzes["mask-27"]).toEqual({ choices: [1], correct: true });
  });

  it("resets unreadable JSON with a notice instead of crashing", async () => {
    await reloadFrom("{not json");
    expect(useProgress.getState().lessons).toEqual({});
    expect(useNotices.getState().notices.map((n) => n.message)).toContain("progress.recovered");
    expect(localStorage.getItem(PROGRESS_STORAGE_KEY)).toBeNull();
  });

  it("resets a value of the wrong shape with a notice", async () => {
    await reloadFrom(JSON.stringify([1, 2, 3]));
    expect(useNotices.getState().notices.map((n) => n.message)).toContain("progress.recovered");
  });

  it("keeps sound entries and drops damaged ones field by field", async () => {
    const saved = {
      version: 2,
      state: {
        lessons: {
          good: { firstVisit: 5, completed: true, quizzes: { q: { choices: [0, "x", -1], correct: false } } },
          bad: "nonsense",
          half: { completed: "yes", quizzes: { q1: { correct: "no" }, q2: { correct: true } } },
        },
      },
    };
    await reloadFrom(JSON.stringify(saved));
    const { lessons } = useProgress.getState();
    expect(lessons.good).toEqual({ firstVisit: 5, completed: true, quizzes: { q: { choices: [0], correct: false } }, challenges: {} });
    expect(lessons.bad).toBeUndefined();
    expect(lessons.half).toEqual({ firstVisit: null, completed: false, quizzes: { q2: { choices: [], correct: true } }, challenges: {} });
  });

  it("migrates the version 1 format and says so", async () => {
    const v1 = { version: 1, state: { completed: ["ip-addressing"], quiz: { "ip-addressing/mask-27": true } } };
    await reloadFrom(JSON.stringify(v1));
    const lesson = useProgress.getState().lessons["ip-addressing"];
    expect(lesson?.completed).toBe(true);
    expect(lesson?.quizzes["mask-27"]?.correct).toBe(true);
    expect(useNotices.getState().notices.map((n) => n.message)).toContain("progress.migrated");
  });

  it("remembers a solved challenge across a reload, keeping the first time it was solved", async () => {
    useProgress.getState().recordChallenge("routing", "challenge", 100);
    useProgress.getState().recordChallenge("routing", "challenge", 200);
    await reloadFrom(localStorage.getItem(PROGRESS_STORAGE_KEY));
    const lesson = useProgress.getState().lessons.routing;
    expect(lesson?.challenges).toEqual({ challenge: { solvedAt: 100 } });
    expect(solvedChallengeCount(lesson)).toBe(1);
    expect(lessonStatus(lesson)).toBe("in-progress");
  });

  it("upgrades version 2 progress without losing anything or bothering the student", async () => {
    const v2 = {
      version: 2,
      state: { lessons: { "ip-addressing": { firstVisit: 7, completed: true, quizzes: { "mask-27": { choices: [2], correct: true } } } } },
    };
    await reloadFrom(JSON.stringify(v2));
    expect(useProgress.getState().lessons["ip-addressing"]).toEqual({
      firstVisit: 7,
      completed: true,
      quizzes: { "mask-27": { choices: [2], correct: true } },
      challenges: {},
    });
    expect(useNotices.getState().notices).toEqual([]);
    useProgress.getState().recordChallenge("ip-addressing", "vpc", 9);
    expect(JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY)!)).toMatchObject({ version: 3 });
  });

  it("drops a damaged solved-challenge entry and keeps the sound ones", async () => {
    const saved = { version: 3, state: { lessons: { a: { challenges: { ok: { solvedAt: 5 }, bad: { solvedAt: "yesterday" }, worse: 1 } } } } };
    await reloadFrom(JSON.stringify(saved));
    expect(useProgress.getState().lessons.a?.challenges).toEqual({ ok: { solvedAt: 5 } });
  });

  it("reports a lesson's status as the home page shows it", () => {
    expect(lessonStatus(undefined)).toBe("not-started");
    useProgress.getState().markVisited("a", 10);
    expect(lessonStatus(useProgress.getState().lessons.a)).toBe("in-progress");
    useProgress.getState().setCompleted("a", true);
    expect(lessonStatus(useProgress.getState().lessons.a)).toBe("complete");
  });
});
