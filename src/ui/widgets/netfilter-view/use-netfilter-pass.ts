/**
 * The packet a host's netfilter saw last at the playhead (`labNetfilterPass`).
 * Like the lab's state at the playhead (use-lab-state-at.ts), requests
 * queue one at a time during playback and a request already superseded when
 * its turn comes is skipped.
 */
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { NetfilterPass } from "../../../sim/shell/exec/lab-netfilter-state-types";
import type { LabId, RemoteSimApi } from "../../../worker/api";

export interface PassWish {
  readonly labId: LabId;
  readonly host: string;
  /** The trace event at the playhead; null before the first event. */
  readonly event: number | null;
  /** The session's version: new events may finish a pass at the same index. */
  readonly version: number;
}

/** `undefined` while the first answer is on its way; null when no packet has reached the host. */
export function useNetfilterPass(api: RemoteSimApi, wish: PassWish | null): NetfilterPass | null | undefined {
  const [pass, setPass] = useState<NetfilterPass | null | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const key = wish === null ? null : `${wish.labId}:${wish.host}:${wish.event ?? "none"}:${wish.version}`;
  const currentWish = useEffectEvent(() => wish);

  useEffect(() => {
    const asked = currentWish();
    if (key === null || asked === null) return;
    let live = true;
    queue.current = queue.current.then(async () => {
      if (!live) return;
      try {
        const answer = asked.event === null ? null : await api.labNetfilterPass(asked.labId, asked.host, asked.event);
        if (live) setPass(answer);
      } catch {
        // A closed lab or a restarting worker: keep the last picture.
      }
    });
    return () => {
      live = false;
    };
  }, [api, key]);

  return pass;
}
