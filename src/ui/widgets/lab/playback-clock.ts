/**
 * How playback moves through the event list: one event at a time, a frame
 * crossing a link taking long enough to follow with the eye (DESIGN.md:
 * "packets move along links at a readable pace"), a drop lingering so its
 * cross can be seen, and every other event (route lookups, neighbour
 * changes, process output) passed in the same frame — they are read in the
 * log, not watched.
 */
import type { EventWords } from "../../../sim/shell/exec/event-words";

export interface Playhead {
  /** The event shown (index into the list); -1 before the first. */
  readonly position: number;
  /** Milliseconds (at 1×) spent on the current event. */
  readonly elapsed: number;
  readonly playing: boolean;
}

/** A frame moving along a link at 1×. */
export const LINK_MS = 900;
/** A drop's cross at 1×. */
export const DROP_MS = 700;

/** How long playback dwells on an event at 1×. */
export function dwellMs(event: EventWords | undefined): number {
  if (!event) return 0;
  if (event.drop) return DROP_MS;
  // A frame arriving shows as the end of the move that sent it.
  if (event.link?.direction === "out") return LINK_MS;
  return 0;
}

/** The playhead `ms` of real time later at `speed`×; stops at the last event. */
export function advancePlayhead(head: Playhead, events: readonly EventWords[], ms: number, speed: number): Playhead {
  if (!head.playing) return head;
  let position = Math.max(head.position, 0);
  let elapsed = head.position < 0 ? 0 : head.elapsed + ms * speed;
  // Bounded: one frame never walks more than the whole list.
  for (let guard = 0; guard <= events.length; guard++) {
    const dwell = dwellMs(events[position]);
    if (elapsed < dwell) return { position, elapsed, playing: true };
    if (position >= events.length - 1) return { position: events.length - 1, elapsed: 0, playing: false };
    elapsed -= dwell;
    position += 1;
    if (dwellMs(events[position]) > 0) elapsed = Math.min(elapsed, dwellMs(events[position]) - 1);
  }
  return { position, elapsed: 0, playing: false };
}

/** How far along its link the current event's dot is, 0–1. */
export function progressOf(head: Playhead, event: EventWords | undefined): number {
  const dwell = dwellMs(event);
  return dwell === 0 ? 1 : Math.min(1, head.elapsed / dwell);
}
