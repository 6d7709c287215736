/**
 * The playhead over the event list, driven by requestAnimationFrame while
 * playing (see playback-clock.ts for the pace). With reduced motion the dot
 * does not glide: it shows at the middle of its link for the event's time.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { advancePlayhead, progressOf, type Playhead } from "./playback-clock";

const nextFrame = (callback: (now: number) => void): number =>
  typeof requestAnimationFrame === "function" ? requestAnimationFrame(callback) : (setTimeout(() => callback(performance.now()), 16) as unknown as number);
const cancelFrame = (handle: number) => (typeof cancelAnimationFrame === "function" ? cancelAnimationFrame(handle) : clearTimeout(handle));

export interface Playback {
  head: Playhead;
  speed: number;
  progress: number;
  seek(position: number): void;
  play(playing: boolean): void;
  setSpeed(speed: number): void;
  /** Plays from `position` (new events from a command). */
  playFrom(position: number): void;
}

export function usePlayback(events: readonly EventWords[], initial: number, reducedMotion: boolean): Playback {
  const [head, setHead] = useState<Playhead>({ position: initial, elapsed: 0, playing: false });
  const [speed, setSpeed] = useState(1);
  const latest = useRef({ events, speed });
  useEffect(() => {
    latest.current = { events, speed };
  });

  useEffect(() => {
    if (!head.playing) return;
    let last: number | null = null;
    let handle = 0;
    const tick = (now: number) => {
      const ms = last === null ? 0 : now - last;
      last = now;
      setHead((h) => advancePlayhead(h, latest.current.events, ms, latest.current.speed));
      handle = nextFrame(tick);
    };
    handle = nextFrame(tick);
    return () => cancelFrame(handle);
  }, [head.playing]);

  // Callers pass a position within the list they render (the ref may lag a render behind).
  const seek = useCallback((position: number) => setHead({ position: Math.max(-1, position), elapsed: 0, playing: false }), []);
  const play = useCallback((playing: boolean) => {
    setHead((h) => {
      const atEnd = h.position >= latest.current.events.length - 1;
      return playing && atEnd ? { position: 0, elapsed: 0, playing: true } : { ...h, playing };
    });
  }, []);
  const playFrom = useCallback((position: number) => setHead({ position, elapsed: 0, playing: true }), []);

  const current = events[head.position];
  const progress = reducedMotion ? 0.5 : head.playing ? progressOf(head, current) : 0.5;
  return { head, speed, progress, seek, play, setSpeed, playFrom };
}
