/**
 * "Check my solution" under a challenge lab: runs the lesson's ```check block
 * against the student's world (on a copy: the session is untouched, see
 * sim/shell/exec/lab-session-check.ts) and says "Solved ✓" or what the first
 * failing line's `# message` says. The verdict is announced (a live region)
 * and a solved challenge is saved with the lesson's progress.
 */
import { useState } from "react";
import type { LabCheckResult } from "../../../sim/shell/exec/lab-session-types";
import type { LabId, RemoteSimApi } from "../../../worker/api";
import { useT } from "../../i18n/use-t";
import { useLessonSlug } from "../../lesson/lesson-context";
import { useProgress } from "../../store/progress-store";
import styles from "./ChallengeCheck.module.css";

export interface ChallengeCheckProps {
  api: RemoteSimApi;
  /** The open lab; null while it is opening. */
  labId: LabId | null;
  /** The lesson's check: lab-script commands, one a line, each with a trailing `# message`. */
  check: string;
  /** Names the challenge in the student's progress: the lab's id. */
  challengeId: string;
}

type Verdict =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "solved" }
  | { kind: "failed"; message: string }
  | { kind: "error"; message: string };

export function ChallengeCheck({ api, labId, check, challengeId }: ChallengeCheckProps) {
  const t = useT();
  const slug = useLessonSlug();
  const solvedBefore = useProgress((s) => (slug ? s.lessons[slug]?.challenges[challengeId] !== undefined : false));
  const recordChallenge = useProgress((s) => s.recordChallenge);
  const [verdict, setVerdict] = useState<Verdict>({ kind: "idle" });

  const firstFailure = (result: LabCheckResult): string => {
    const line = result.lines.find((l) => l.exit !== 0);
    if (!line) return "";
    return line.message ?? t("challenge.failedCommand", { cmd: line.cmd, exit: line.exit });
  };

  const run = async () => {
    if (labId === null) return;
    setVerdict({ kind: "checking" });
    try {
      const result = await api.labCheck(labId, check);
      if (result.passed) {
        setVerdict({ kind: "solved" });
        if (slug) recordChallenge(slug, challengeId);
      } else {
        setVerdict({ kind: "failed", message: firstFailure(result) });
      }
    } catch (error) {
      setVerdict({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const text =
    verdict.kind === "checking"
      ? t("challenge.checking")
      : verdict.kind === "solved"
        ? t("challenge.solved")
        : verdict.kind === "failed"
          ? t("challenge.notYet", { message: verdict.message })
          : verdict.kind === "error"
            ? t("challenge.error", { message: verdict.message })
            : solvedBefore
              ? t("challenge.solvedBefore")
              : "";
  const shown = verdict.kind === "idle" ? (solvedBefore ? "before" : "idle") : verdict.kind;

  return (
    <div className={styles.check} role="group" aria-label={t("challenge.label")}>
      <button type="button" className={styles.button} onClick={() => void run()} disabled={labId === null || verdict.kind === "checking"}>
        {t("challenge.check")}
      </button>
      <p className={styles.result} role="status" aria-live="polite" data-result={shown} data-testid="challenge-result">
        {text}
      </p>
    </div>
  );
}
