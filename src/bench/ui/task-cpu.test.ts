import { describe, expect, it } from "vitest";
import { mainThreadTasks, taskCpuStats, type TraceEvent } from "./task-cpu";

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: "thread_name", ph: "M", pid, tid, ts: 0, args: { name } });
const task = (pid: number, tid: number, ts: number, wallMs: number, cpuMs: number): TraceEvent => ({ name: "RunTask", ph: "X", pid, tid, ts, dur: wallMs * 1000, tdur: cpuMs * 1000 });

describe("mainThreadTasks", () => {
  it("takes the tasks of the busiest renderer main thread, with their wall and CPU times", () => {
    const events = [
      thread(1, 1, "CrRendererMain"),
      thread(2, 2, "CrRendererMain"),
      thread(2, 3, "Compositor"),
      task(1, 1, 0, 5, 5),
      task(2, 2, 0, 80, 12),
      task(2, 2, 100, 20, 20),
      task(2, 3, 0, 90, 90),
      { name: "Paint", ph: "X", pid: 2, tid: 2, ts: 10, dur: 5000, tdur: 5000 },
    ];
    expect(mainThreadTasks(events)).toEqual([
      { wallMs: 80, cpuMs: 12 },
      { wallMs: 20, cpuMs: 20 },
    ]);
  });
});

describe("taskCpuStats", () => {
  it("tells long tasks that waited for a core from those that worked for 50 ms", () => {
    const stats = taskCpuStats([
      { wallMs: 80, cpuMs: 12 },
      { wallMs: 70, cpuMs: 60 },
      { wallMs: 10, cpuMs: 9 },
    ]);
    expect(stats).toEqual({ tasks: 3, cpuMs: 81, longByWall: 2, longByCpu: 1, maxCpuMs: 60 });
  });
});
