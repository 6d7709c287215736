/**
 * Runs a lab script on the real kernel and records its transcript, the kernel
 * side of the parity tests (shared ARCHITECTURE.md, "The transcript"). The
 * script is cut into steps by the simulator's own splitter, so both sides
 * agree on what a step is; bash runs each step inside a fresh sandbox
 * (sandbox.ts). Between steps the runner waits out the kernel's asynchronous
 * link state (shared KERNEL-PARITY-NOTES.md, "Timing the kernel hides"):
 * after a step that may change links, until every link's carrier and
 * operstate agree (link-settle.ts); and before a step that lists links,
 * addresses or routes, until ~1.2 s after the last link change made while a
 * bridge existed, the one device whose operstate linkwatch holds back.
 *
 *   npx tsx src/parity/kernel-runner.ts path/to/script.lab [--out file.json]
 *
 * exits 77 ("skipped") when this machine cannot run it (not root, no unshare).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { splitScript } from "../sim/shell/script-steps";
import { KILLED_BY_SIGTERM_EXIT, type Transcript, type TranscriptStep } from "../sim/shell/transcript";
import { checkKernelAvailability, SKIPPED_EXIT } from "./kernel-availability";
import { mayChangeLinks } from "./changes-links";
import { allSettled, hasBridge, linkSignature, parseLinkDump, type LinkState } from "./link-settle";
import { KernelSandbox, type BackgroundJob } from "./sandbox";
import { LINK_STATE_DELAY_MS, showsNetworkState } from "./shows-network-state";

/** How long the links may take to settle after a step before we give up waiting (and say so). */
const SETTLE_LIMIT_MS = 5000;
const SETTLE_POLL_MS = 20;
/** Background jobs still running at the end get this long, as in the transcript format. */
const END_GRACE_MS = 1000;

export class ScriptSyntaxError extends Error {}

export interface KernelRunOptions {
  /** Where to report waits that hit their limit; silent by default. */
  warn?: (message: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until no link has carrier and operstate disagreeing; returns the links then. */
async function settleLinks(sandbox: KernelSandbox, warn: (m: string) => void): Promise<LinkState[]> {
  const deadline = performance.now() + SETTLE_LIMIT_MS;
  for (;;) {
    const links = parseLinkDump(await sandbox.linkDump());
    if (allSettled(links)) return links;
    if (performance.now() > deadline) {
      warn(`links still settling after ${SETTLE_LIMIT_MS} ms`);
      return links;
    }
    await sleep(SETTLE_POLL_MS);
  }
}

/** The command a background step's job runs: the line without its final `&`. */
function jobCommand(text: string): string {
  return text.replace(/&\s*$/, "");
}

export async function runOnKernel(script: string, source: string, options: KernelRunOptions = {}): Promise<Transcript> {
  const warn = options.warn ?? (() => {});
  const { steps, errors } = splitScript(source);
  if (errors.length > 0) {
    throw new ScriptSyntaxError(`${script}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`);
  }
  const transcript: Transcript = { script, iptables_backend: "nf_tables", steps: [] };
  const jobs: { step: TranscriptStep; job: BackgroundJob }[] = [];
  const sandbox = await KernelSandbox.start();
  try {
    let signature = linkSignature(await settleLinks(sandbox, warn));
    // When the links last changed while a bridge existed: listings wait for its operstate.
    let lastBridgedChange = Number.NEGATIVE_INFINITY;
    for (const step of steps) {
      if (showsNetworkState(step.text)) {
        const wait = lastBridgedChange + LINK_STATE_DELAY_MS - performance.now();
        if (wait > 0) await sleep(wait);
      }
      if (step.background) {
        const recorded: TranscriptStep = { line: step.line, cmd: step.text, exit: 0, stdout: "", stderr: "", elapsed_ms: 0, background: true };
        transcript.steps.push(recorded);
        jobs.push({ step: recorded, job: sandbox.startBackground(jobCommand(step.text)) });
      } else {
        const result = await sandbox.run(step.text);
        transcript.steps.push({ line: step.line, cmd: step.text, exit: result.exit, stdout: result.stdout, stderr: result.stderr, elapsed_ms: result.elapsedMs });
      }
      if (step.background || mayChangeLinks(step.text)) {
        const links = await settleLinks(sandbox, warn);
        const after = linkSignature(links);
        if (after !== signature && hasBridge(links)) lastBridgedChange = performance.now();
        signature = after;
      }
    }
    await finishJobs(jobs);
  } finally {
    await sandbox.close();
  }
  return transcript;
}

/** Gives running jobs one more second, then kills them (bg_exit 143, bg_killed_at_end). */
async function finishJobs(jobs: readonly { step: TranscriptStep; job: BackgroundJob }[]): Promise<void> {
  await Promise.race([Promise.all(jobs.map((j) => j.job.done)), sleep(END_GRACE_MS)]);
  for (const { step, job } of jobs) {
    const killed = !job.finished();
    const result = killed ? await job.kill() : await job.done;
    step.bg_exit = killed ? KILLED_BY_SIGTERM_EXIT : result.exit;
    step.bg_stdout = result.stdout;
    step.bg_stderr = result.stderr;
    if (killed) step.bg_killed_at_end = true;
  }
}

async function main(argv: string[]): Promise<number> {
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const files = argv.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  if (files.length !== 1) {
    process.stderr.write("usage: npx tsx src/parity/kernel-runner.ts SCRIPT.lab [--out FILE.json]\n");
    return 2;
  }
  const availability = checkKernelAvailability();
  if (!availability.available) {
    process.stderr.write(`kernel-runner: skipped: ${availability.reason} (the sandbox needs root, unshare and nsenter)\n`);
    return SKIPPED_EXIT;
  }
  const file = files[0]!;
  const transcript = await runOnKernel(basename(file), readFileSync(file, "utf8"), { warn: (m) => process.stderr.write(`kernel-runner: ${m}\n`) });
  const json = `${JSON.stringify(transcript, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`kernel-runner: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
