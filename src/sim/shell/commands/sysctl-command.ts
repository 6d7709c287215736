/**
 * `sysctl` (procps-ng 4 on Debian 12): read `NAME`, write `NAME=VALUE` (with
 * or without -w), `-n` values only, `-q` quiet writes. Names may use "/" for
 * "."; output always uses dots. The model owns the values and says which
 * keys exist and which values it accepts.
 */
import { answered, failed, request, type CommandOutput, type Parsed } from "./command-output";
import { SYSCTL_USAGE } from "./sysctl-usage";
import { unsupportedOption } from "./unsupported";

export type SysctlItem = { readonly op: "read"; readonly key: string } | { readonly op: "write"; readonly key: string; readonly value: string };

export interface SysctlRequest {
  /** -n: print values only. */
  readonly valuesOnly: boolean;
  /** -q: do not echo written values. */
  readonly quiet: boolean;
  readonly items: readonly SysctlItem[];
}

const NO_VARIABLES = failed("sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1);

/** "net/ipv4/ip_forward" → "net.ipv4.ip_forward" (procps reads a "/" name as a path under /proc/sys). */
export function sysctlKey(name: string): string {
  return name.includes("/") ? name.replaceAll("/", ".") : name;
}

/** argv without the program name. */
export function parseSysctl(argv: readonly string[]): Parsed<SysctlRequest> {
  let valuesOnly = false;
  let quiet = false;
  let write = false;
  const words: string[] = [];
  for (const word of argv) {
    if (word.startsWith("--")) {
      if (word === "--values") valuesOnly = true;
      else if (word === "--quiet") quiet = true;
      else if (word === "--write") write = true;
      else return answered(unsupportedOption("sysctl", word));
    } else if (word.startsWith("-") && word.length > 1) {
      for (const letter of word.slice(1)) {
        if (letter === "n") valuesOnly = true;
        else if (letter === "q") quiet = true;
        else if (letter === "w") write = true;
        else if (letter === "o" || letter === "x") continue; // "does nothing" (sysctl(8))
        else return answered(unsupportedOption("sysctl", `-${letter}`));
      }
    } else words.push(word);
  }
  if (words.length === 0) return answered(argv.length === 0 ? failed(SYSCTL_USAGE, 1) : NO_VARIABLES);
  const items: SysctlItem[] = [];
  for (const word of words) {
    const eq = word.indexOf("=");
    if (eq < 0) {
      // With -w every argument must be NAME=VALUE; procps reports the first bad one and stops.
      if (write) return answered(failed("sysctl: command line(0): invalid syntax, continuing...\n", 1));
      items.push({ op: "read", key: sysctlKey(word) });
    } else {
      items.push({ op: "write", key: sysctlKey(word.slice(0, eq)), value: word.slice(eq + 1) });
    }
  }
  return request({ valuesOnly, quiet, items });
}

/** One key's line: "net.ipv4.ip_forward = 1", or "1" with -n. */
export function formatSysctlValue(key: string, value: string, valuesOnly: boolean): string {
  return valuesOnly ? `${value}\n` : `${key} = ${value}\n`;
}

/** A key with no file under /proc/sys. */
export function sysctlUnknownKey(key: string): CommandOutput {
  return failed(`sysctl: cannot stat /proc/sys/${key.replaceAll(".", "/")}: No such file or directory\n`, 1);
}

/** A value the kernel refused (`ip_forward=abc`). */
export function sysctlInvalidValue(key: string): CommandOutput {
  return failed(`sysctl: setting key "${key}": Invalid argument\n`, 1);
}
