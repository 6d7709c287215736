/**
 * Replays the `ip`, `bridge`, `sysctl` and `ipcalc` lines of a lab script
 * against one fresh World, without the shell: what the runners print for
 * each, so tests (and the parity report) can hold them against a real
 * machine's transcript. Lines that need the shell (pipes, redirection,
 * `;`, variables) or another program are skipped — except `ping`, whose
 * side effects later listings show (ARP entries, learned FDB entries): its
 * echo requests are sent and the world runs on, but it prints nothing here.
 */
import { parseIpv4 } from "../../../addr";
import { seconds } from "../../../core";
import { openPingSocket } from "../../../stack";
import { World } from "../../../world";
import type { CommandOutput } from "../command-output";
import { runIpcalc } from "../ipcalc";

import { isNetnsExec, namespaceOf, type CommandEnv, type CommandOutcome } from "./command-env";
import { runBridge } from "./run-bridge";
import { runIp } from "./run-ip";
import { runSysctl } from "./run-sysctl";

export type ReplayedStep =
  | { readonly cmd: string; readonly kind: "ran"; readonly output: CommandOutput }
  | { readonly cmd: string; readonly kind: "skipped"; readonly reason: string };

const PROGRAMS = ["ip", "bridge", "sysctl", "ipcalc"] as const;

/** Each command line in order, on `world` (a fresh one by default). */
export function replaySteps(cmds: readonly string[], world: World = new World({ seed: 1 })): ReplayedStep[] {
  return cmds.map((cmd) => replayOne(cmd, world));
}

function replayOne(cmd: string, world: World): ReplayedStep {
  if (/[|;&<>$`\\]/.test(cmd)) return { cmd, kind: "skipped", reason: "needs the shell" };
  const argv = splitWords(cmd);
  if (argv === null) return { cmd, kind: "skipped", reason: "quoting" };
  const output = runArgv(argv, { world, netns: "" });
  return output === null ? { cmd, kind: "skipped", reason: `${argv[0]} is not replayed` } : { cmd, kind: "ran", output };
}

/** One program's outcome, following `ip netns exec` into the namespace; null for a program not replayed. */
export function runArgv(argv: readonly string[], env: CommandEnv): CommandOutput | null {
  const [program, ...args] = argv;
  if (program === "ping") {
    sendPings(args, env);
    return null;
  }
  if (!PROGRAMS.includes(program as (typeof PROGRAMS)[number])) return null;
  const outcome: CommandOutcome =
    program === "ip" ? runIp(args, env) : program === "bridge" ? runBridge(args, env) : program === "sysctl" ? runSysctl(args, env) : runIpcalc(args);
  if (!isNetnsExec(outcome)) return outcome;
  return runArgv(outcome.argv, { world: env.world, netns: outcome.netns });
}

/** `ping [-c N] … DST`: the echo requests go out (and their answers come back) so the caches fill as on a real run. */
function sendPings(args: readonly string[], env: CommandEnv): void {
  const target = args.at(-1);
  const count = Number(args[args.indexOf("-c") + 1] ?? "1") || 1;
  const dst = target === undefined ? undefined : parseIpv4(target);
  if (dst === undefined || !dst.ok) return;
  const wait = Number(args[args.indexOf("-W") + 1] ?? "10") || 10;
  const socket = openPingSocket(namespaceOf(env), 0x4242);
  let replies = 0;
  for (let sequence = 1; sequence <= count; sequence++) {
    socket.sendEcho({ dst: dst.value, sequence, data: new Uint8Array(56) });
    env.world.runFor(seconds(1));
    replies += socket.drain().filter((e) => e.kind === "echo-reply").length;
  }
  // Without every answer ping waits out -W after the last request.
  if (replies < count) env.world.runFor(seconds(Math.max(0, wait - 1)));
  socket.close();
}

/** Words split on blanks, with '…' and "…" quoting; null when a quote is left open. */
function splitWords(line: string): string[] | null {
  const words: string[] = [];
  let current: string | null = null;
  let quote: string | null = null;
  for (const ch of line.trim()) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current ??= "";
    } else if (ch === " " || ch === "\t") {
      if (current !== null) words.push(current);
      current = null;
    } else current = (current ?? "") + ch;
  }
  if (quote !== null) return null;
  if (current !== null) words.push(current);
  return words;
}
