/**
 * Summaries of what the browser recorded while the lab animated: frame
 * intervals from requestAnimationFrame, and long tasks (> 50 ms, the Long
 * Tasks API's threshold: https://w3c.github.io/longtasks/).
 */

export interface FrameStats {
  readonly frames: number;
  readonly seconds: number;
  readonly fps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Intervals over 50 ms: frames a reader sees as a stutter. */
  readonly janky: number;
}

export interface LongTaskStats {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Stats of frames drawn at the given rAF timestamps (milliseconds, ascending). */
export function frameStats(timestamps: readonly number[]): FrameStats {
  const intervals = timestamps.slice(1).map((t, i) => t - (timestamps[i] ?? t));
  const sorted = [...intervals].sort((a, b) => a - b);
  const span = timestamps.length > 1 ? (timestamps.at(-1) ?? 0) - (timestamps[0] ?? 0) : 0;
  return {
    frames: intervals.length,
    seconds: span / 1000,
    fps: span > 0 ? (intervals.length * 1000) / span : 0,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? 0,
    janky: intervals.filter((ms) => ms > 50).length,
  };
}

export function longTaskStats(durations: readonly number[]): LongTaskStats {
  return {
    count: durations.length,
    totalMs: durations.reduce((sum, ms) => sum + ms, 0),
    maxMs: durations.reduce((max, ms) => Math.max(max, ms), 0),
  };
}
