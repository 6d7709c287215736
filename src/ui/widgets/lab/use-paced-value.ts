/**
 * A value that follows another at a bounded rate: at once while `paced` is
 * false, and at most once every `intervalMs` while it is true (the first
 * change after a quiet spell at once, then the latest value, the last one
 * always). Playback moves the playhead every frame; views that fetch from
 * the worker or redraw many nodes for the event at the playhead (the
 * inspector) follow it through this instead.
 */
import { useEffect, useRef, useState } from "react";

export function usePacedValue<T>(value: T, paced: boolean, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(Number.NEGATIVE_INFINITY);
  // Unpaced, the value shows in the same render; `shown` only catches up for when pacing starts.
  if (!paced && !Object.is(shown, value)) setShown(value);

  useEffect(() => {
    if (!paced || Object.is(shown, value)) return;
    const show = () => {
      lastShown.current = performance.now();
      setShown(value);
    };
    const wait = lastShown.current + intervalMs - performance.now();
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, paced, intervalMs, shown]);

  return paced ? shown : value;
}
