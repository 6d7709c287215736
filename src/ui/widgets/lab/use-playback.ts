/**
 * The playhead over the event list, driven by requestAnimationFrame while
 * playing (see playback-clock.ts for the pace). With reduced motion the dot
 * does not glide: it shows at the middle of its link for the event's time.
 *
 * Each frame advances the playhead in a ref and publishes the dot's progress
 * on a signal (progress-signal.ts); React state changes only when the
 * playhead reaches another event or stops, so the lab re-renders once per
 * event shown, not once per frame.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { advancePlayhead, progressOf, type Playhead } from "./playback-clock";
import { createProgressSignal, type ProgressSignal } from "./progress-signal";

const nextFrame = (callback: (now: number) => void): number =>
  typeof requestAnimationFrame === "function" ? requestAnimationFrame(callback) : (setTimeout(() => callback(performance.now()), 16) as unknown as number);
const cancelFrame = (handle: number) => (typeof cancelAnimationFrame === "function" ? cancelAnimationFrame(handle) : clearTimeout(handle));

export interface Playback {
  /** The event shown and whether it plays; `elapsed` is as of the last change of event (the frame loop keeps its own). */
  head: Playhead;
  speed: number;
  /** The dot's progress along its link, updated every frame. */
  progress: ProgressSignal;
  seek(position: number): void;
  play(playing: boolean): void;
  setSpeed(speed: number): void;
  /** Plays from `position` (new events from a command). */
  playFrom(position: number): void;
}

/** Where the dot of `head`'s event is drawn: gliding only while playing, and never with reduced motion. */
function dotProgress(head: Playhead, events: readonly EventWords[], reducedMotion: boolean) {
  const current = events[head.position];
  return { event: current?.index ?? -1, progress: reducedMotion || !head.playing ? 0.5 : progressOf(head, current) };
}

export function usePlayback(events: readonly EventWords[], initial: number, reducedMotion: boolean): Playback {
  const [head, setHead] = useState<Playhead>({ position: initial, elapsed: 0, playing: false });
  const [speed, setSpeed] = useState(1);
  const [signal] = useState(createProgressSignal);
  const latest = useRef({ events, speed, reducedMotion });
  useEffect(() => {
    latest.current = { events, speed, reducedMotion };
  });

  // The playhead as of the last frame. Heads the frame loop committed are already
  // here (or behind it); a head from seek/play replaces it.
  const live = useRef(head);
  const fromFrames = useRef(new WeakSet<Playhead>());
  useLayoutEffect(() => {
    if (!fromFrames.current.has(head)) live.current = head;
    signal.set(dotProgress(live.current, events, reducedMotion));
  }, [head, events, reducedMotion, signal]);

  useEffect(() => {
    if (!head.playing) return;
    let last: number | null = null;
    let handle = 0;
    const tick = (now: number) => {
      const ms = last === null ? 0 : now - last;
      last = now;
      const before = live.current;
      const next = advancePlayhead(before, latest.current.events, ms, latest.current.speed);
      live.current = next;
      if (next.position !== before.position || next.playing !== before.playing) {
        fromFrames.current.add(next);
        setHead(next);
      }
      signal.set(dotProgress(next, latest.current.events, latest.current.reducedMotion));
      if (next.playing) handle = nextFrame(tick);
    };
    handle = nextFrame(tick);
    return () => cancelFrame(handle);
  }, [head.playing, signal]);

  // Callers pass a position within the list they render (the ref may lag a render behind).
  const seek = useCallback((position: number) => setHead({ position: Math.max(-1, position), elapsed: 0, playing: false }), []);
  const play = useCallback((playing: boolean) => {
    const h = live.current;
    const atEnd = h.position >= latest.current.events.length - 1;
    setHead(playing && atEnd ? { position: 0, elapsed: 0, playing: true } : { ...h, playing });
  }, []);
  const playFrom = useCallback((position: number) => setHead({ position, elapsed: 0, playing: true }), []);

  return { head, speed, progress: signal, seek, play, setSpeed, playFrom };
}
