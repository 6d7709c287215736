/**
 * The frame the inspector shows: the one at the playhead, and the capture of
 * the same packet before it (the hop before, or before NAT) for the diff.
 * While playing, the inspector follows the playhead at most every
 * INSPECT_INTERVAL_MS: at 4× the playhead passes several frames a second,
 * each a decode in the worker and a redraw of the hex dump, and no one reads
 * a hex dump that changes every frame. Paused, stepping or clicking in the
 * log, it follows at once.
 */
import { useMemo } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { usePacedValue } from "./use-paced-value";

export const INSPECT_INTERVAL_MS = 250;

export interface InspectedFrame {
  readonly selected?: EventWords;
  readonly previous?: EventWords;
}

/** The capture at `position` (if it carries bytes) and the last earlier one of the same protocol and kind. */
export function inspectedAt(events: readonly EventWords[], position: number): InspectedFrame {
  const selected = events[position];
  if (!selected?.bytes) return {};
  for (let i = position - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.bytes && event.protocol === selected.protocol && event.kind === selected.kind) return { selected, previous: event };
  }
  return { selected };
}

export function useInspectedFrame(events: readonly EventWords[], position: number, playing: boolean): InspectedFrame {
  const at = usePacedValue(position, playing, INSPECT_INTERVAL_MS);
  return useMemo(() => inspectedAt(events, at), [events, at]);
}
