/**
 * One simulator question whose inputs change as the reader types.
 *
 * Calls cross into a web worker, so answers arrive later and possibly out of
 * order. The rules, so the widget never flickers or lies:
 * - the last good answer stays on screen while the next one is computed;
 * - only the answer to the latest inputs is kept (stale ones are dropped);
 * - an answer that rejects the input (`ok: false`) replaces the problem but
 *   keeps the last good value, so the page can show it dimmed;
 * - a rejected promise means the worker crashed and is being restarted: say
 *   so calmly and ask once more; if that fails too, offer a retry button.
 */
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import type { Checked, InputProblem } from "../../../sim/addr/explorer-types";

export type SimFailure = "retrying" | "failed";

export interface SimQuery<T, R = unknown> {
  /** The latest good answer (possibly to earlier inputs), or null before the first. */
  value: T | null;
  /** The request `value` answers. */
  valueFor: R | null;
  /** Why the latest answered input was rejected; null when it was accepted. */
  problem: InputProblem | null;
  /** The current inputs have been asked about but not answered yet. */
  pending: boolean;
  /** The simulator did not answer at all. */
  failure: SimFailure | null;
  /** Asks again after a failure. */
  retry: () => void;
}

/** How long to give a crashed worker to restart before asking again. */
export const RETRY_DELAY_MS = 300;

interface Settled<T, R> {
  key: string | null;
  value: T | null;
  valueFor: R | null;
  problem: InputProblem | null;
  failure: SimFailure | null;
}

/**
 * Asks `ask(request)` whenever `request` changes (compared by its JSON, so it
 * must be plain data); `null` means there is nothing to ask yet.
 */
export function useSimQuery<R, T>(request: R | null, ask: (request: R) => Promise<Checked<T>>): SimQuery<T, R> {
  const key = request === null ? null : JSON.stringify(request);
  const [settled, setSettled] = useState<Settled<T, R>>({ key: null, value: null, valueFor: null, problem: null, failure: null });
  const [attempt, setAttempt] = useState(0);
  // Reads the request of the latest render; the effect re-runs only when its key changes.
  const askLatest = useEffectEvent(() => (request === null ? null : { request, answer: ask(request) }));

  useEffect(() => {
    if (key === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const call = (retriesLeft: number) => {
      const asked = askLatest();
      if (asked === null) return;
      asked.answer.then(
        (answer) => {
          if (!live) return;
          setSettled((previous) =>
            answer.ok
              ? { key, value: answer.value, valueFor: asked.request, problem: null, failure: null }
              : { ...previous, key, problem: answer.problem, failure: null },
          );
        },
        () => {
          if (!live) return;
          if (retriesLeft > 0) {
            setSettled((previous) => ({ ...previous, failure: "retrying" }));
            timer = setTimeout(() => call(retriesLeft - 1), RETRY_DELAY_MS);
          } else {
            setSettled((previous) => ({ ...previous, failure: "failed" }));
          }
        },
      );
    };
    call(1);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    value: settled.value,
    valueFor: settled.valueFor,
    problem: settled.problem,
    pending: key !== null && settled.key !== key && settled.failure !== "failed",
    failure: settled.failure,
    retry,
  };
}
