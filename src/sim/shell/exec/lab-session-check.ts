/**
 * Challenge checks: "is the student's network now in the state the challenge
 * asks for?", answered by running the lesson's check lines — lab-script
 * commands such as `ip netns exec ns1 ping -c 1 -W 1 10.0.2.2` — against the
 * student's world. A check passes when every line exits 0; a failing line's
 * trailing `# message` is what the student is told.
 *
 * The lines run on a copy: a fresh world replaying the session's actions
 * from its seed (the same replay time travel uses, world/timeline.ts, since
 * a world holds closures and cannot be cloned). The student's session, its
 * trace, its steps and its terminals never see the check, so checking twice,
 * or checking and then going on, behaves as if no check had run.
 */
import { World } from "../../world";
import { lex } from "../lexer";
import { LabMachine, type MachineAction } from "./lab-session-machine";
import type { LabCheckLine, LabCheckResult } from "./lab-session-types";
import { parseScript } from "../parser";
import type { CommandRegistry } from "./registry";

/** One command of a check, as written. */
export interface CheckCommand {
  /** 1-based line in the check text. */
  readonly line: number;
  /** The whole line, comment included (a comment is harmless to the shell). */
  readonly source: string;
  /** The trailing `# message` without its `#`, or null. */
  readonly message: string | null;
}

/** What a line of a check says, as the lesson check wants to know it. */
export interface CheckLineReading {
  /** Why bash would refuse the line, or null when it parses. */
  readonly problem: string | null;
  readonly message: string | null;
  /** Blank, or only a comment: not a command. */
  readonly empty: boolean;
}

/** What a copy is replayed from: a session's seed, script name, commands and actions so far. */
export interface CheckReplay {
  readonly seed: number | string;
  readonly name: string;
  readonly registry: CommandRegistry;
  readonly actions: readonly MachineAction[];
}

/**
 * Reads one line: its trailing comment is the text after the last token the
 * lexer found — so a `#` inside quotes or inside a word (`a#b`) is not one,
 * exactly as bash(1) "COMMENTS" has it.
 */
export function readCheckLine(text: string): CheckLineReading {
  const lexed = lex(text);
  const tokens = lexed.tokens.filter((token) => token.kind !== "newline" && token.kind !== "eof");
  if (tokens.length === 0 && !lexed.error) return { problem: null, message: null, empty: true };
  const { error } = parseScript(text);
  const problem = error ? error.message : null;
  const last = tokens[tokens.length - 1];
  const comment = lexed.error || !last ? "" : text.slice(last.end).trim();
  const message = comment.startsWith("#") ? comment.replace(/^#+\s*/, "").trim() : "";
  return { problem, message: message === "" ? null : message, empty: false };
}

/** The command lines of a check, one a line; blank and comment-only lines are left out. */
export function parseCheck(text: string): CheckCommand[] {
  const commands: CheckCommand[] = [];
  text.split("\n").forEach((source, index) => {
    const reading = readCheckLine(source);
    if (!reading.empty) commands.push({ line: index + 1, source, message: reading.message });
  });
  return commands;
}

/** A fresh machine in the state the replayed actions left it in. */
function replayCopy(replay: CheckReplay): LabMachine {
  const machine = new LabMachine(new World({ seed: replay.seed }), replay.registry, replay.name);
  for (const action of replay.actions) machine.apply(action);
  return machine;
}

/**
 * Runs one check line as a line of the lab script: in the root namespace,
 * with the script's 60-second limit. The script's shell runs it, or the
 * hidden setup's when the script has ended its own (`exit`, a syntax error);
 * null when neither can. A line bash would refuse is not run: it fails with
 * bash's status 2, and later lines still run.
 */
function runLine(machine: LabMachine, command: CheckCommand): LabCheckLine | null {
  const { lines, error } = parseScript(command.source);
  const failed = (exit: number): LabCheckLine => ({ line: command.line, cmd: command.source.trim(), exit, message: command.message });
  if (error) return failed(error.exitStatus);
  let result: LabCheckLine | null = null;
  for (const line of lines) {
    const step = machine.apply({ kind: "script", source: "script", line }) ?? machine.apply({ kind: "script", source: "hidden", line });
    if (step === null) return null;
    const record = machine.step(step);
    result = { line: command.line, cmd: record.cmd, exit: record.exit ?? 0, message: command.message };
  }
  return result ?? failed(0);
}

/** Runs `check` on a copy of the world `replay` describes; the session it came from is untouched. */
export function runCheck(replay: CheckReplay, check: string): LabCheckResult {
  const commands = parseCheck(check);
  if (commands.length === 0) throw new RangeError("a check needs at least one command line");
  const machine = replayCopy(replay);
  const lines: LabCheckLine[] = [];
  for (const command of commands) {
    const result = runLine(machine, command);
    if (!result) throw new Error("the lab script ran `exit`, so its shell cannot run a check");
    lines.push(result);
  }
  return { passed: lines.every((line) => line.exit === 0), lines };
}
