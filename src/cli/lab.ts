/**
 * `wirebook lab FILE.lab [--json] [--seed N]`: runs a lab script in the
 * simulator. By default it prints the session as a terminal would show it —
 * `$ cmd`, then what the command printed; a background job's output when the
 * job ends — and exits with the script's status, as `bash FILE.lab` would.
 * `--json` prints the transcript (shared ARCHITECTURE.md, "The transcript").
 * A lesson's script file runs whole: its `#!hidden ` setup lines are commands
 * here, shown like the others, so an author sees what the reader's lab starts
 * from.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { HIDDEN_LINE_PREFIX } from "../lesson-pipeline/directives/lab";
import { defaultRegistry, runLabScript, type CommandRegistry, type ScriptRun } from "../sim/shell/exec";

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = "usage: wirebook lab FILE.lab [--json] [--seed N]\n";

interface LabArgs {
  file: string;
  json: boolean;
  seed: number | string;
}

function parseArgs(args: readonly string[]): LabArgs | string {
  let file: string | undefined;
  let json = false;
  let seed: number | string = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--seed" || arg.startsWith("--seed=")) {
      const value = arg === "--seed" ? args[++i] : arg.slice("--seed=".length);
      if (value === undefined || value === "") return "--seed needs a value";
      seed = /^-?\d+$/.test(value) ? Number(value) : value;
    } else if (arg.startsWith("-")) return `unknown option "${arg}"`;
    else if (file === undefined) file = arg;
    else return `one script at a time (got "${file}" and "${arg}")`;
  }
  return file === undefined ? "no script given" : { file, json, seed };
}

/** The session as a terminal shows it. */
export function formatSession(run: ScriptRun): string {
  const steps = run.transcript.steps;
  return run.events
    .map((event) => {
      const step = steps[event.index]!;
      if (event.kind === "job-done") return `${step.bg_stdout ?? ""}${step.bg_stderr ?? ""}`;
      return `$ ${step.cmd}\n${step.stdout}${step.stderr}`;
    })
    .join("");
}

export async function runLabCommand(args: string[], io: Io, registry: CommandRegistry = defaultRegistry()): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.stderr.write(`wirebook lab: ${parsed}\n${USAGE}`);
    return 2;
  }
  let source: string;
  try {
    source = await readFile(parsed.file, "utf8");
  } catch (error) {
    io.stderr.write(`wirebook lab: cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const run = runLabScript(revealHiddenSetup(source), { script: basename(parsed.file), seed: parsed.seed, registry });
  io.stdout.write(parsed.json ? `${JSON.stringify(run.transcript, null, 2)}\n` : formatSession(run));
  return run.exit;
}

/** `#!hidden ip netns add ns1` → `ip netns add ns1`, on the same line (bash's line numbers stay true). */
function revealHiddenSetup(source: string): string {
  return source
    .split("\n")
    .map((line) => (line.startsWith(HIDDEN_LINE_PREFIX) ? line.slice(HIDDEN_LINE_PREFIX.length) : line))
    .join("\n");
}
