/**
 * The world at the playhead: right after the selected event (time travel,
 * `labStateAt`), or as it is now when the playhead is at the end (a command
 * that emitted no events — `ip netns add` — still changes the picture).
 *
 * During playback the playhead moves faster than states can be computed and
 * drawn, so wishes are coalesced: the first after a quiet spell is asked at
 * once (a click on the log answers without delay), then at most one every
 * STATE_INTERVAL_MS, the latest wish winning and the last one always asked.
 * Requests queue one at a time, and a request already superseded when its
 * turn comes is skipped. An answer whose topology did not change keeps the
 * old topology object, so the memoised drawing of it is not redone.
 */
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { LabState } from "../../../sim/shell/exec/lab-session-types";
import type { LabId, RemoteSimApi } from "../../../worker/api";

/** `event` null means "now". */
export interface StateWish {
  readonly labId: LabId;
  readonly event: number | null;
  readonly version: number;
}

/** The shortest time between two state requests while the wish keeps changing (four a second). */
export const STATE_INTERVAL_MS = 250;

/** `next`, with the previous topology object when the two are the same picture. */
export function keepUnchangedTopology(previous: LabState | null, next: LabState): LabState {
  if (!previous || previous.topology === next.topology) return next;
  return JSON.stringify(previous.topology) === JSON.stringify(next.topology) ? { ...next, topology: previous.topology } : next;
}

export function useLabStateAt(api: RemoteSimApi, wish: StateWish | null): LabState | null {
  const [state, setState] = useState<LabState | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** When the last request was sent (performance.now()), for the interval. */
  const lastAsked = useRef(Number.NEGATIVE_INFINITY);
  const key = wish === null ? null : `${wish.labId}:${wish.event ?? "now"}:${wish.version}`;
  const currentWish = useEffectEvent(() => wish);

  useEffect(() => {
    const asked = currentWish();
    if (key === null || asked === null) return;
    let live = true;
    const ask = () => {
      queue.current = queue.current.then(async () => {
        if (!live) return;
        lastAsked.current = performance.now();
        try {
          const answer = asked.event === null ? await api.labState(asked.labId) : await api.labStateAt(asked.labId, asked.event);
          if (live) setState((previous) => keepUnchangedTopology(previous, answer));
        } catch {
          // A closed lab or a restarting worker: keep the last picture.
        }
      });
    };
    const wait = lastAsked.current + STATE_INTERVAL_MS - performance.now();
    const timer = wait > 0 ? setTimeout(ask, wait) : undefined;
    if (timer === undefined) ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return state;
}
