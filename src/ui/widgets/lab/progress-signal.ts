/**
 * How far the packet dot is along its link, published every animation frame
 * without rendering React: the frame loop sets it, the dot subscribes and
 * moves its own SVG transform. React renders only when the playhead reaches
 * another event, so a frame costs O(1), not a render of the whole lab.
 */

export interface DotProgress {
  /** The event whose frame is moving (its trace index), -1 for none. */
  readonly event: number;
  /** 0–1 along the link. */
  readonly progress: number;
}

export interface ProgressSignal {
  get(): DotProgress;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (value: DotProgress) => void): () => void;
}

export interface ProgressSource extends ProgressSignal {
  set(value: DotProgress): void;
}

export function createProgressSignal(initial: DotProgress = { event: -1, progress: 0.5 }): ProgressSource {
  let value = initial;
  const listeners = new Set<(value: DotProgress) => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next.event === value.event && next.progress === value.progress) return;
      value = next;
      for (const listener of listeners) listener(next);
    },
  };
}
