/**
 * nc's command line as netcat-openbsd 1.219 reads it (netcat.c, main): GNU
 * getopt over its option string (options may follow operands), strtonum
 * checks worded as nc words them ("timeout invalid: x", "quit timer too
 * large: …"), then the operand rules:
 *
 *   nc [opts] HOST PORT…       connect (ports may be names or lo-hi ranges)
 *   nc -l [opts] PORT          listen on PORT (or -p PORT, with no operand)
 *   nc -l [opts] HOST PORT     listen on HOST:PORT (not with -p or -s)
 *
 * Messages and exit statuses measured on Debian 12. Options nc has but the
 * simulator does not model are refused plainly (exit 1).
 */
import { getopt, getoptComplaint } from "./getopt";
import { NC_HELP, NC_USAGE } from "./nc-usage";

export interface NcOptions {
  readonly listen: boolean;
  readonly keepListening: boolean;
  readonly udp: boolean;
  readonly zeroIo: boolean;
  readonly verbose: boolean;
  readonly numeric: boolean;
  /** -N: shutdown(SHUT_WR) once stdin ends. */
  readonly shutdownOnEof: boolean;
  /** -d: never read stdin. */
  readonly detach: boolean;
  /** -w, ms; undefined: wait as long as it takes. */
  readonly timeoutMs?: number;
  /** -q: seconds to wait after stdin ends before quitting; negative: forever (the default). */
  readonly quitAfter: number;
  /** -p: the local port (client) or the port to listen on. */
  readonly sourcePort?: string;
  /** -s: the local address. */
  readonly sourceAddress?: string;
  /** The host operand (client: where to connect; listener: the address to bind). */
  readonly host?: string;
  /** The port operands (client), or the one port to listen on. */
  readonly ports: readonly string[];
}

export type NcOptionsResult = { readonly ok: true; readonly value: NcOptions } | { readonly ok: false; readonly stderr: string; readonly exit: number };

/** netcat.c's getopt string in a build without TLS (Debian's). */
const SPEC = "46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";
const MODELLED = new Set(["4", "d", "h", "k", "l", "N", "n", "p", "q", "s", "u", "v", "w", "z"]);
const INT_MAX = 2147483647;

const fail = (stderr: string, exit = 1): NcOptionsResult => ({ ok: false, stderr, exit });
const usage = (): NcOptionsResult => fail(NC_USAGE);

/** strtonum(3) (libbsd): a decimal integer in [min, max], else "invalid", "too small" or "too large". */
export function strtonum(text: string, min: number, max: number): { readonly value: number } | { readonly error: "invalid" | "too small" | "too large" } {
  if (!/^\s*[-+]?\d+$/.test(text)) return { error: "invalid" };
  const value = Number(text);
  if (value < min) return { error: "too small" };
  if (value > max) return { error: "too large" };
  return { value };
}

export function parseNcOptions(argv: readonly string[]): NcOptionsResult {
  const parsed = getopt(argv, SPEC);
  if (!parsed.ok) {
    const why = getoptComplaint(parsed);
    return fail(`nc: ${why}\n${NC_USAGE}`);
  }
  const flags = new Set<string>();
  let timeoutMs: number | undefined;
  let quitAfter = -1;
  let sourcePort: string | undefined;
  let sourceAddress: string | undefined;
  let shutdownOnEof = false;
  for (const { name, value = "" } of parsed.value.options) {
    if (name === "h") return { ok: false, stderr: NC_HELP, exit: 0 };
    if (!MODELLED.has(name)) return fail(`nc: option -${name} is not supported by this simulator\n`);
    flags.add(name);
    if (name === "w") {
      const n = strtonum(value, 0, Math.floor(INT_MAX / 1000));
      if ("error" in n) return fail(`nc: timeout ${n.error}: ${value}\n`);
      timeoutMs = n.value * 1000;
    } else if (name === "q") {
      const n = strtonum(value, -INT_MAX - 1, INT_MAX);
      if ("error" in n) return fail(`nc: quit timer ${n.error}: ${value}\n`);
      quitAfter = n.value;
      if (quitAfter >= 0) shutdownOnEof = true;
    } else if (name === "p") {
      sourcePort = value;
    } else if (name === "s") {
      sourceAddress = value;
    } else if (name === "N") {
      shutdownOnEof = true;
    }
  }
  const listen = flags.has("l");
  const operands = parsed.value.operands;
  let host: string | undefined;
  let ports: string[] = [];
  if (operands.length === 0 && listen) {
    host = sourceAddress;
    ports = sourcePort === undefined ? [] : [sourcePort];
  } else if (operands.length === 1 && sourcePort === undefined && sourceAddress === undefined) {
    if (listen) ports = [operands[0]!];
  } else if (operands.length >= 2) {
    if (listen && (sourcePort !== undefined || sourceAddress !== undefined || operands.length > 2)) return usage();
    host = operands[0];
    ports = operands.slice(1);
  } else {
    return usage();
  }
  if (ports.length === 0) return fail("nc: missing port number\n");
  if (listen && flags.has("z")) return fail("nc: cannot use -z and -l\n");
  if (!listen && flags.has("k")) return fail("nc: must use -l with -k\n");
  return {
    ok: true,
    value: {
      listen, keepListening: flags.has("k"), udp: flags.has("u"), zeroIo: flags.has("z"), verbose: flags.has("v"), numeric: flags.has("n"),
      shutdownOnEof, detach: flags.has("d"), quitAfter, ports,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(sourcePort !== undefined ? { sourcePort } : {}),
      ...(sourceAddress !== undefined ? { sourceAddress } : {}),
      ...(host !== undefined ? { host } : {}),
    },
  };
}
