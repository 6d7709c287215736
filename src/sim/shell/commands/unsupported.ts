/**
 * What the simulator says when a student uses a real option or subcommand it
 * does not model (shared ARCHITECTURE.md, "The lab script"): a plain
 * statement and a non-zero exit, never a silently different answer.
 */
import { failed, type CommandOutput } from "./command-output";

/** Exit status of every "not supported by this simulator" answer. */
export const UNSUPPORTED_EXIT = 2;

/** `ip: option "-s" is not supported by this simulator` */
export function unsupportedOption(program: string, option: string): CommandOutput {
  return failed(`${program}: option "${option}" is not supported by this simulator\n`, UNSUPPORTED_EXIT);
}

/** `ip link: "xstats" is not supported by this simulator` — a subcommand, keyword or value. */
export function unsupportedWord(where: string, word: string): CommandOutput {
  return failed(`${where}: "${word}" is not supported by this simulator\n`, UNSUPPORTED_EXIT);
}
