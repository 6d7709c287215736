/**
 * The command lines of iptables-save and iptables-restore (getopt_long over
 * their own option tables), with their exact usage errors.
 */
import { answered, failed, printed, request, type CommandOutput, type Parsed } from "../command-output";
import type { TableName } from "../../../netfilter/hooks";
import { TABLES } from "./iptables-parse";
import type { RestoreRequest, SaveRequest } from "./iptables-request";
import { notSupported, XTABLES_VERSION } from "./xtables-errors";

const SAVE_MANUAL = "Look at manual page `iptables-save.8' for more information.\n";

export const RESTORE_USAGE =
  "Usage: iptables-restore [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]\n\t   [ --counters ]\n\t   [ --verbose ]\n\t   [ --version]\n\t   [ --test ]\n\t   [ --help ]\n\t   [ --noflush ]\n\t   [ --table=<TABLE> ]\n\t   [ --modprobe=<command> ]\n\t   [ --ipv4 ]\n\t   [ --ipv6 ]\n";

/** `iptables-restore FILE` when FILE cannot be read. */
export function restoreCannotOpen(file: string): CommandOutput {
  return failed(`Can't open ${file}: No such file or directory\n`, 1);
}

interface Flag {
  readonly short: string;
  readonly long: string;
  readonly arg: boolean;
}

/** Splits argv the way getopt_long does for a plain option table; returns options and operands. */
function getopt(argv: readonly string[], flags: readonly Flag[], program: string, help: string): { options: { flag: string; arg: string }[]; operands: string[] } | CommandOutput {
  const options: { flag: string; arg: string }[] = [];
  const operands: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? "";
    if (word.startsWith("--") && word.length > 2) {
      const equals = word.indexOf("=");
      const name = word.slice(2, equals < 0 ? undefined : equals);
      const exact = flags.find((flag) => flag.long === name);
      const prefixed = flags.filter((flag) => flag.long.startsWith(name));
      const flag = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
      if (flag === undefined) return failed(`${program}: unrecognized option '${word}'\n${help}`, 1);
      let arg = equals < 0 ? "" : word.slice(equals + 1);
      if (flag.arg && equals < 0) {
        const next = argv[index + 1];
        if (next === undefined) return failed(`${program}: option '--${flag.long}' requires an argument\n${help}`, 1);
        arg = next;
        index++;
      }
      options.push({ flag: flag.short, arg });
    } else if (word.startsWith("-") && word.length > 1) {
      for (let offset = 1; offset < word.length; offset++) {
        const letter = word.charAt(offset);
        const flag = flags.find((candidate) => candidate.short === letter);
        if (flag === undefined) return failed(`${program}: invalid option -- '${letter}'\n${help}`, 1);
        if (!flag.arg) {
          options.push({ flag: letter, arg: "" });
          continue;
        }
        let arg = word.slice(offset + 1);
        if (arg === "") {
          const next = argv[index + 1];
          if (next === undefined) return failed(`${program}: option requires an argument -- '${letter}'\n${help}`, 1);
          arg = next;
          index++;
        }
        options.push({ flag: letter, arg });
        break;
      }
    } else {
      operands.push(word);
    }
  }
  return { options, operands };
}

const SAVE_FLAGS: readonly Flag[] = [
  { short: "c", long: "counters", arg: false },
  { short: "V", long: "version", arg: false },
  { short: "t", long: "table", arg: true },
  { short: "M", long: "modprobe", arg: true },
  { short: "f", long: "file", arg: true },
  { short: "4", long: "ipv4", arg: false },
  { short: "6", long: "ipv6", arg: false },
];

/** `iptables-save [-c] [-t TABLE] [-V]` */
export function parseIptablesSave(argv: readonly string[]): Parsed<SaveRequest> {
  const read = getopt(argv, SAVE_FLAGS, "iptables-save", SAVE_MANUAL);
  if ("exit" in read) return answered(read);
  let counters = false;
  let table: TableName | null = null;
  for (const { flag, arg } of read.options) {
    if (flag === "V") return answered(printed(`iptables-save ${XTABLES_VERSION}\n`));
    if (flag === "c") counters = true;
    else if (flag === "t") {
      if (!(TABLES as readonly string[]).includes(arg)) return answered(failed(`Table \`${arg}' does not exist\n`, 1));
      table = arg as TableName;
    } else if (flag === "f" || flag === "6") return answered(notSupported(`iptables-save option "-${flag}"`));
  }
  if (read.operands.length > 0) return answered(failed("Unknown arguments found on commandline\n", 1));
  return request({ counters, table });
}

const RESTORE_FLAGS: readonly Flag[] = [
  { short: "c", long: "counters", arg: false },
  { short: "v", long: "verbose", arg: false },
  { short: "V", long: "version", arg: false },
  { short: "t", long: "test", arg: false },
  { short: "h", long: "help", arg: false },
  { short: "n", long: "noflush", arg: false },
  { short: "T", long: "table", arg: true },
  { short: "M", long: "modprobe", arg: true },
  { short: "w", long: "wait", arg: false },
  { short: "W", long: "wait-interval", arg: true },
  { short: "4", long: "ipv4", arg: false },
  { short: "6", long: "ipv6", arg: false },
];

/** `iptables-restore [-n] [-c] [-t] [FILE]` */
export function parseIptablesRestore(argv: readonly string[]): Parsed<RestoreRequest> {
  const read = getopt(argv, RESTORE_FLAGS, "iptables-restore", "Try `iptables-restore -h' for more information.\n");
  if ("exit" in read) return answered(read);
  let noflush = false;
  let counters = false;
  let test = false;
  for (const { flag } of read.options) {
    if (flag === "V") return answered(printed(`iptables-restore ${XTABLES_VERSION}\n`));
    if (flag === "h") return answered({ stdout: "", stderr: RESTORE_USAGE, exit: 0 });
    if (flag === "n") noflush = true;
    else if (flag === "c") counters = true;
    else if (flag === "t") test = true;
    else if (flag === "T" || flag === "6" || flag === "v") return answered(notSupported(`iptables-restore option "-${flag}"`, { program: "iptables-restore", restoreLine: null }));
  }
  if (read.operands.length > 1) return answered(failed("Unknown arguments found on commandline\n", 1));
  return request({ noflush, counters, test, file: read.operands[0] ?? null });
}
