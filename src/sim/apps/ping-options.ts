/**
 * `ping`'s command line as iputils 20221126 reads it (ping/ping.c, main):
 * getopt with its option string, then per-option checks worded as ping
 * words them. Options the simulator does not model are refused plainly.
 */
import { getopt, getoptComplaint } from "./getopt";
import { PING_USAGE } from "./ping-usage";

export interface PingOptions {
  readonly count?: number;
  /** -i, µs. */
  readonly interval: number;
  /** -W, µs: how long to wait for replies after the last request. */
  readonly linger: number;
  /** -w, µs: stop after this long whatever happens. */
  readonly deadline?: number;
  readonly ttl?: number;
  /** -I: a device name or a source address. */
  readonly bindTo?: string;
  readonly quiet: boolean;
  readonly numeric: boolean;
  readonly broadcast: boolean;
  /** -s: ICMP data bytes. */
  readonly size: number;
  readonly destination: string;
}

export type PingOptionsResult = { readonly ok: true; readonly value: PingOptions; readonly warnings: string } | { readonly ok: false; readonly stderr: string; readonly stdout?: string; readonly exit: number };

/** iputils' whole option string; the ones we model are handled below, the rest refused. */
const SPEC = "aAbBc:CdDe:fF:hi:I:l:Lm:M:nN:Op:qQ:rRs:S:t:T:UvVw:W:46";
const MODELLED = new Set(["b", "c", "i", "I", "n", "q", "s", "t", "w", "W", "4", "V"]);
const LONG_MAX = "9223372036854775807";
const MICROS = 1_000_000;

const fail = (stderr: string, exit: number): PingOptionsResult => ({ ok: false, stderr, exit });

/** strtol_or_err: a whole decimal number in [min, max], else "invalid argument" (exit 1). */
function integer(text: string, min: number, max: number, maxText = String(max)): number | PingOptionsResult {
  if (!/^[-+]?\d+$/.test(text.trim())) return fail(`ping: invalid argument: '${text}'\n`, 1);
  const value = Number(text);
  if (value < min || value > max) return fail(`ping: invalid argument: '${text}': out of range: ${min} <= value <= ${maxText}\n`, 1);
  return value;
}

/** ping_strtod: a float; trailing garbage is only warned about (and the number read so far used). */
function seconds(text: string, warnings: string[]): number {
  const match = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text);
  if (!match || match[0].length !== text.length) warnings.push(`ping: option argument contains garbage: ${text.slice(match?.[0].length ?? 0)}\n`, "ping: this will become fatal error in the future\n");
  return match ? Number(match[0]) : 0;
}

export function parsePingOptions(argv: readonly string[]): PingOptionsResult {
  const parsed = getopt(argv, SPEC);
  if (!parsed.ok) {
    const why = getoptComplaint(parsed);
    return fail(`ping: ${why}\n${PING_USAGE}`, 2);
  }
  const warnings: string[] = [];
  let count: number | undefined;
  let interval = MICROS;
  let linger = 10 * MICROS;
  let deadline: number | undefined;
  let ttl: number | undefined;
  let bindTo: string | undefined;
  let size = 56;
  const flags = new Set<string>();
  for (const { name, value = "" } of parsed.value.options) {
    if (!MODELLED.has(name)) return fail(`ping: option -${name} is not supported by this simulator\n`, 2);
    switch (name) {
      case "V":
        return { ok: false, stderr: "", stdout: "ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n", exit: 0 };
      case "c": {
        const n = integer(value, 1, Number.MAX_SAFE_INTEGER, LONG_MAX);
        if (typeof n !== "number") return n;
        count = n;
        break;
      }
      case "t": {
        const n = integer(value, 0, 255);
        if (typeof n !== "number") return n;
        ttl = n;
        break;
      }
      case "w": {
        const n = integer(value, 0, 2147483647);
        if (typeof n !== "number") return n;
        deadline = n * MICROS;
        break;
      }
      case "s": {
        const n = integer(value, 0, 65507);
        if (typeof n !== "number") return n;
        size = n;
        break;
      }
      case "i":
        // Root may use any interval (iputils: only users are held to 2 ms).
        interval = Math.max(0, Math.round(seconds(value, warnings) * MICROS));
        break;
      case "W": {
        const w = seconds(value, warnings);
        if (w < 0) return fail(`ping: bad linger time: ${value}\n`, 2);
        linger = Math.round(w * MICROS);
        break;
      }
      case "I":
        bindTo = value;
        break;
      default:
        flags.add(name);
    }
  }
  const operands = parsed.value.operands;
  if (operands.length === 0) return fail("ping: usage error: Destination address required\n", 1);
  // More than one host makes iputils build a source route (IP options): not modelled.
  if (operands.length > 1) return fail("ping: several destinations (source routing) are not supported by this simulator\n", 2);
  return {
    ok: true,
    warnings: warnings.join(""),
    value: {
      ...(count !== undefined ? { count } : {}), interval, linger, ...(deadline !== undefined ? { deadline } : {}),
      ...(ttl !== undefined ? { ttl } : {}), ...(bindTo !== undefined ? { bindTo } : {}),
      quiet: flags.has("q"), numeric: flags.has("n"), broadcast: flags.has("b"), size, destination: operands[0]!,
    },
  };
}
