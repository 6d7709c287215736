/**
 * The world at the playhead: right after the selected event (time travel,
 * `labStateAt`), or as it is now when the playhead is at the end (a command
 * that emitted no events — `ip netns add` — still changes the picture).
 * During playback the playhead moves faster than states can be computed, so
 * requests queue one at a time and a request already superseded when its
 * turn comes is skipped: only the latest wish is computed.
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

export function useLabStateAt(api: RemoteSimApi, wish: StateWish | null): LabState | null {
  const [state, setState] = useState<LabState | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const key = wish === null ? null : `${wish.labId}:${wish.event ?? "now"}:${wish.version}`;
  const currentWish = useEffectEvent(() => wish);

  useEffect(() => {
    const asked = currentWish();
    if (key === null || asked === null) return;
    let live = true;
    queue.current = queue.current.then(async () => {
      if (!live) return;
      try {
        const answer = asked.event === null ? await api.labState(asked.labId) : await api.labStateAt(asked.labId, asked.event);
        if (live) setState(answer);
      } catch {
        // A closed lab or a restarting worker: keep the last picture.
      }
    });
    return () => {
      live = false;
    };
  }, [api, key]);

  return state;
}
