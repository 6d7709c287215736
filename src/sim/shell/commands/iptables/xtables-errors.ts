/**
 * The error texts of iptables 1.8.9 (nf_tables), each captured from the real
 * tool (fixtures/*.json). xtables_error(PARAMETER_PROBLEM, …) prints
 * "PROGRAM v1.8.9 (nf_tables): MESSAGE" and the "Try …" line and exits 2;
 * some of iptables' messages end in their own "\n", which leaves an empty
 * line before "Try" — those are passed here with it.
 */
import { failed, type CommandOutput } from "../command-output";

export const XTABLES_VERSION = "v1.8.9 (nf_tables)";

/** exit statuses of xtables (include/xtables.h enum xtables_exittype) */
export const OTHER_PROBLEM = 1;
export const PARAMETER_PROBLEM = 2;
export const VERSION_PROBLEM = 3;
/** The nf_tables batch was refused by the kernel (nft_compat errors). */
export const RESOURCE_PROBLEM = 4;

/** The program a message belongs to: iptables, iptables-restore. */
export type XtablesProgram = "iptables" | "iptables-restore";

/** Thrown to unwind a parse, as xtables_error() exit()s from deep inside; caught by the parsers. */
export class XtablesStop {
  constructor(readonly output: CommandOutput) {}
}

/**
 * Where a parse error is reported: a command line, or a line of an
 * iptables-restore file ("Error occurred at line: N").
 */
export interface ErrorContext {
  readonly program: XtablesProgram;
  readonly restoreLine: number | null;
}

export const COMMAND_LINE: ErrorContext = { program: "iptables", restoreLine: null };

function tryLine(context: ErrorContext): string {
  const where = context.restoreLine === null ? "" : `Error occurred at line: ${context.restoreLine}\n`;
  return `${where}Try \`${context.program} -h' or '${context.program} --help' for more information.\n`;
}

/** xtables_error(PARAMETER_PROBLEM, message) */
export function parameterProblem(message: string, context: ErrorContext = COMMAND_LINE): CommandOutput {
  return failed(`${context.program} ${XTABLES_VERSION}: ${message}\n${tryLine(context)}`, PARAMETER_PROBLEM);
}

/** A word iptables cannot place: `iptables -A INPUT foo`, `iptables -L -n INPUT`. */
export function badArgument(word: string, context: ErrorContext = COMMAND_LINE): CommandOutput {
  return failed(`Bad argument \`${word}'\n${tryLine(context)}`, PARAMETER_PROBLEM);
}

/** Throw a parameter problem out of the parse. */
export function stop(message: string, context: ErrorContext): never {
  throw new XtablesStop(parameterProblem(message, context));
}

/** `iptables -t foo -L` */
export function tableDoesNotExist(table: string): CommandOutput {
  return failed(`iptables ${XTABLES_VERSION}: table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, VERSION_PROBLEM);
}

/** A real option or module the simulator does not model: plainly said, exit 2 (shared ARCHITECTURE.md). */
export function notSupported(what: string, context: ErrorContext = COMMAND_LINE): CommandOutput {
  return failed(`${context.program} ${XTABLES_VERSION}: ${what} is not supported by this simulator\n`, PARAMETER_PROBLEM);
}

export function stopNotSupported(what: string, context: ErrorContext): never {
  throw new XtablesStop(notSupported(what, context));
}
