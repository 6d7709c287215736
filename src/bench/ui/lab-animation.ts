/**
 * `npm run bench:ui` (after `npm run build`): how smoothly the lab animates
 * a big network. It serves dist/ with `vite preview` (or the build named by
 * `--dist DIR`, so a build made elsewhere is measured without touching
 * dist/), opens the routing lesson's first lab through a "link to this
 * step" permalink (set in the address by an init script: it is too long
 * for a request line) whose session
 * builds 50 namespaces on five bridges and a router (many-hosts-lab.ts),
 * types one command that starts ~500 packets, and records for a while the
 * frames drawn (requestAnimationFrame) and long tasks (PerformanceObserver
 * "longtask") as playback runs. It prints what it measured; it asserts
 * nothing about time.
 *
 * Long tasks are wall time: on a machine whose cores are busy with other
 * work a short task can wait long enough to count. The machine's load
 * average is printed beside them, and `--cpu` also traces the page while
 * it plays and counts the tasks that took over 50 ms of the main thread's
 * CPU time (task-cpu.ts) — what a machine of its own would see.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { chromium } from "@playwright/test";
import type { Page } from "@playwright/test";
import { encodeSession } from "../../ui/widgets/lab/permalink-codec";
import { EXPECTED_PACKETS, HOSTS, manyHostsSetup, manyPingsCommand } from "./many-hosts-lab";
import { distDirOf } from "./dist-dir";
import { frameStats, longTaskStats } from "./frame-stats";
import { mainThreadTasks, taskCpuStats, type TraceEvent } from "./task-cpu";

const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The lesson and lab whose permalink carries the big network (lab id "arp", with a root terminal). */
const LESSON_PATH = "/lessons/routing-arp-namespaces";
const LAB_ID = "arp";
const MEASURE_MS = 10_000;
/** Playback speed while measuring: the fastest, so the most events pass in the window. */
const SPEED = "4";

function startPreview(distDir: string) {
  // Vite's own entry under this node (not npx), so killing the child stops the server itself.
  const args = ["node_modules/vite/bin/vite.js", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort", "--outDir", distDir];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
  });
  return child;
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`vite preview did not answer on ${ORIGIN}`);
}

/** The query that opens the lab on the big network (~45 kB: past what a server accepts in a request line). */
function permalinkQuery(): string {
  const actions = manyHostsSetup().map((line) => ({ kind: "run" as const, host: "root", line, budgetMs: 10_000 }));
  const session = encodeSession({ version: 1, name: "lab.lab", seed: 1, script: "", actions });
  return `?${LAB_ID}.s=${session}`;
}

/** Puts the query in the address before the app reads it, so it never travels to the server. */
const SET_QUERY = (query: string) => {
  if (location.search === "") history.replaceState(history.state, "", `${location.pathname}${query}${location.hash}`);
};

/** Collects long tasks from page load on, before any script of the page runs. */
const OBSERVE_LONG_TASKS = () => {
  const store = window as unknown as { __longTasks: { start: number; duration: number }[] };
  store.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) store.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
};

/**
 * The recorder, as page source: tsx compiles this file with esbuild's
 * keepNames, whose `__name` helper a function passed to page.evaluate
 * would carry into the page, where it does not exist.
 */
const RECORDER = `(windowMs) => new Promise((resolve) => {
  const start = performance.now();
  const stamps = [];
  function tick(now) {
    stamps.push(now);
    if (now - start < windowMs) return requestAnimationFrame(tick);
    const tasks = window.__longTasks.filter((t) => t.start >= start).map((t) => t.duration);
    resolve({ stamps, longTasks: tasks });
  }
  requestAnimationFrame(tick);
})`;

/** rAF timestamps and long tasks over `ms` of the page's time. */
function record(page: Page, ms: number): Promise<{ stamps: number[]; longTasks: number[] }> {
  return page.evaluate(`(${RECORDER})(${ms})`);
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Runs `measure` with the page traced; the main thread's tasks in that time. */
async function traced<T>(page: Page, measure: () => Promise<T>): Promise<{ result: T; tasks: ReturnType<typeof mainThreadTasks> }> {
  const browser = page.context().browser();
  if (!browser) throw new Error("--cpu needs a launched browser");
  await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline"] });
  const result = await measure();
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return { result, tasks: mainThreadTasks(Array.isArray(trace) ? trace : (trace.traceEvents ?? [])) };
}

function cpuLine(stats: ReturnType<typeof taskCpuStats>): string {
  return `  main-thread CPU:       ${fixed(stats.cpuMs, 0)} ms in ${stats.tasks} tasks; ${stats.longByWall} over 50 ms of wall time, ${stats.longByCpu} over 50 ms of CPU; most CPU in one task ${fixed(stats.maxCpuMs)} ms`;
}

async function main() {
  const args = process.argv.slice(2);
  const distDir = distDirOf(args);
  const withCpu = args.includes("--cpu");
  if (!existsSync(`${distDir}/index.html`)) {
    process.stderr.write(`bench:ui measures the built site in ${distDir}/: run \`npm run build\` first (or pass --dist DIR).\n`);
    process.exitCode = 2;
    return;
  }
  const preview = startPreview(distDir);
  const browser = await (async () => {
    await waitForServer(Date.now() + 60_000);
    const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
    return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
  })().catch((error: unknown) => {
    preview.kill();
    throw error;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(120_000);
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.addInitScript(SET_QUERY, permalinkQuery());

    const opening = performance.now();
    await page.goto(`${ORIGIN}${LESSON_PATH}`);
    const lab = page.getByTestId("lab").first();
    await lab.locator(`svg [data-node="ns:h${HOSTS - 1}"]`).waitFor({ timeout: 120_000 });
    const openedMs = performance.now() - opening;
    const nodes = await lab.locator("svg [data-node]").count();
    const before = await record(page, 2_000);

    await lab.getByLabel("speed").selectOption(SPEED);
    await lab.getByRole("tab", { name: "root" }).click();
    await lab.getByRole("tabpanel", { name: "root terminal" }).locator("[data-terminal-screen]").click();
    await page.keyboard.type(manyPingsCommand());
    const typed = performance.now();
    await page.keyboard.press("Enter");
    await lab.getByRole("button", { name: "Pause" }).waitFor({ timeout: 120_000 });
    const toPlayMs = performance.now() - typed;
    // A long log draws only the entries in sight, each saying how many there are in all.
    const entries = lab.getByRole("list", { name: "Events" }).getByRole("listitem");
    const events = Number((await entries.first().getAttribute("aria-setsize")) ?? (await entries.count()));
    const loadBefore = loadavg()[0] ?? 0;
    const { result: during, tasks: cpuTasks } = withCpu ? await traced(page, () => record(page, MEASURE_MS)) : { result: await record(page, MEASURE_MS), tasks: null };
    const loadAfter = loadavg()[0] ?? 0;
    const stepText = await lab.getByText(/^step \d+\/\d+$/).textContent();

    const idle = frameStats(before.stamps);
    const frames = frameStats(during.stamps);
    const tasks = longTaskStats(during.longTasks);
    const idleTasks = longTaskStats(before.longTasks);
    const lines = [
      `lab animation — ${nodes} nodes drawn (${HOSTS} hosts), ${EXPECTED_PACKETS} packets started by one command`,
      `  open from permalink:   ${fixed(openedMs / 1000)} s (load, replay ${manyHostsSetup().length} commands, first draw)`,
      `  Enter → playing:       ${fixed(toPlayMs / 1000)} s (run, fetch events, render log); ${events} events in the log`,
      `  idle, 2 s:             ${fixed(idle.fps)} fps, ${idleTasks.count} long tasks`,
      `  playing at ${SPEED}×, ${MEASURE_MS / 1000} s:  ${frames.frames} frames, ${fixed(frames.fps)} fps, interval p50 ${fixed(frames.p50Ms)} ms, p95 ${fixed(frames.p95Ms)} ms, max ${fixed(frames.maxMs)} ms, ${frames.janky} over 50 ms`,
      `  long tasks (> 50 ms):  ${tasks.count}, total ${fixed(tasks.totalMs, 0)} ms, longest ${fixed(tasks.maxMs, 0)} ms`,
      `  machine load:          ${fixed(loadBefore, 2)} → ${fixed(loadAfter, 2)} (1-min load average, ${cpus().length} cores)`,
      ...(cpuTasks ? [cpuLine(taskCpuStats(cpuTasks))] : []),
      `  playhead after:        ${stepText ?? "?"}`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    await browser.close();
    preview.kill();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
