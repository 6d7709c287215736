/**
 * The renderer's main-thread tasks from a Chrome trace, with the CPU time
 * each took besides its wall time. A long task (> 50 ms of wall time) on a
 * machine whose cores are shared may be a short task that waited for a core:
 * its CPU time (the trace's `tdur`, thread time) says how long it would take
 * on a machine of its own.
 */

/** The fields of a Chrome trace event this reads (the Trace Event Format). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  /** Wall and thread duration, µs. */
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface TaskTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const MAIN_THREAD = "CrRendererMain";
/** Chrome's name for one task of a thread's run loop. */
const TASK = "RunTask";

/** The top-level tasks of the busiest renderer main thread in `events`. */
export function mainThreadTasks(events: readonly TraceEvent[]): TaskTime[] {
  const mainThreads = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === MAIN_THREAD).map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== "X" || event.name !== TASK || !mainThreads.has(thread)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), event]);
  }
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return busiest.map((task) => ({ wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? task.dur ?? 0) / 1000 }));
}

export interface TaskCpuStats {
  readonly tasks: number;
  /** Main-thread CPU over all tasks, ms. */
  readonly cpuMs: number;
  /** Tasks over 50 ms of wall time, and of them those that also took over 50 ms of CPU. */
  readonly longByWall: number;
  readonly longByCpu: number;
  readonly maxCpuMs: number;
}

export function taskCpuStats(tasks: readonly TaskTime[], thresholdMs = 50): TaskCpuStats {
  return {
    tasks: tasks.length,
    cpuMs: tasks.reduce((sum, t) => sum + t.cpuMs, 0),
    longByWall: tasks.filter((t) => t.wallMs > thresholdMs).length,
    longByCpu: tasks.filter((t) => t.cpuMs > thresholdMs).length,
    maxCpuMs: tasks.reduce((max, t) => Math.max(max, t.cpuMs), 0),
  };
}
