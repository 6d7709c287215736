/**
 * `ss`'s command line as iproute2 6.1 reads it (misc/ss.c main): getopt_long
 * over its short options, then what they select — which socket tables
 * (-t TCP, -u UDP; Netid is shown when more than one), which states (by
 * default TCP's "connected" ones — all but LISTEN, CLOSE, TIME_WAIT and
 * SYN_RECV — and UDP's ESTABLISHED; -l LISTEN and UNCONN; -a all; the
 * State column is hidden when only one state can show), -n (no service
 * names), -p (processes), -H (no header).
 *
 * Without -t or -u ss lists every socket type; a fresh namespace has no
 * connected unix or netlink sockets, so that listing is modelled only
 * without -a/-l (netlink sockets are not). Filters (`state …`, `dport = …`)
 * and the other options are refused plainly.
 */
import { getopt, getoptComplaint, withShortForms } from "../../apps/getopt";
import { SS_USAGE } from "./ss-usage";

export type SsState = "ESTABLISHED" | "SYN_SENT" | "SYN_RECV" | "FIN_WAIT1" | "FIN_WAIT2" | "TIME_WAIT" | "CLOSED" | "CLOSE_WAIT" | "LAST_ACK" | "LISTEN" | "CLOSING";

export interface SsOptions {
  readonly tcp: boolean;
  readonly udp: boolean;
  /** States listed per table. */
  readonly tcpStates: ReadonlySet<SsState>;
  readonly udpStates: ReadonlySet<SsState>;
  readonly showNetid: boolean;
  readonly showState: boolean;
  readonly numeric: boolean;
  readonly processes: boolean;
  readonly header: boolean;
  /** No -t/-u: ss also asked the kernel for socket types it cannot dump in a namespace ("RTNETLINK answers: Invalid argument"). */
  readonly allTables: boolean;
}

export type SsOptionsResult = { readonly ok: true; readonly value: SsOptions } | { readonly ok: false; readonly stdout?: string; readonly stderr: string; readonly exit: number };

const SPEC = "dhaletuwxnro460spbEf:mMiA:D:F:vVzZN:KHSOT";
const MODELLED = new Set(["h", "V", "a", "l", "t", "u", "n", "p", "4", "H"]);
const LONG: Readonly<Record<string, string>> = {
  "--tcp": "-t", "--udp": "-u", "--listening": "-l", "--all": "-a", "--numeric": "-n", "--processes": "-p",
  "--ipv4": "-4", "--no-header": "-H", "--help": "-h", "--version": "-V",
};

const ALL: readonly SsState[] = ["ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSED", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"];
/** SS_CONN: everything but LISTEN, CLOSE, TIME_WAIT and SYN_RECV. */
const CONNECTED = ALL.filter((s) => s !== "LISTEN" && s !== "CLOSED" && s !== "TIME_WAIT" && s !== "SYN_RECV");

export function parseSsOptions(argv: readonly string[]): SsOptionsResult {
  const translated = withShortForms(argv, LONG);
  if ("unknown" in translated) return { ok: false, stderr: `ss: option ${translated.unknown} is not supported by this simulator\n`, exit: 1 };
  const parsed = getopt(translated.argv, SPEC);
  if (!parsed.ok) {
    return { ok: false, stderr: `ss: ${getoptComplaint(parsed)}\n${SS_USAGE}`, exit: 255 };
  }
  const flags = new Set<string>();
  for (const { name } of parsed.value.options) {
    if (name === "h") return { ok: false, stdout: SS_USAGE, stderr: "", exit: 0 };
    if (name === "V") return { ok: false, stdout: "ss utility, iproute2-6.1.0\n", stderr: "", exit: 0 };
    if (!MODELLED.has(name)) return { ok: false, stderr: `ss: option -${name} is not supported by this simulator\n`, exit: 1 };
    flags.add(name);
  }
  if (parsed.value.operands.length > 0) return { ok: false, stderr: "ss: filter expressions are not supported by this simulator\n", exit: 1 };
  const allTables = !flags.has("t") && !flags.has("u");
  if (allTables && (flags.has("a") || flags.has("l"))) {
    return { ok: false, stderr: "ss: listing netlink and unix sockets is not supported by this simulator; add -t or -u\n", exit: 1 };
  }
  const tcp = flags.has("t") || allTables;
  const udp = flags.has("u") || allTables;
  const chosen: readonly SsState[] | undefined = flags.has("a") ? ALL : flags.has("l") ? ["LISTEN", "CLOSED"] : undefined;
  const tcpStates = new Set<SsState>(chosen ?? CONNECTED);
  const udpStates = new Set<SsState>(chosen ?? ["ESTABLISHED"]);
  // The State column disappears when the filter allows a single state (states & (states - 1) == 0).
  const union = new Set([...(tcp ? tcpStates : []), ...(udp ? udpStates : [])]);
  return {
    ok: true,
    value: {
      tcp, udp, tcpStates, udpStates, allTables,
      showNetid: allTables || (tcp && udp), showState: union.size > 1,
      numeric: flags.has("n"), processes: flags.has("p"), header: !flags.has("H"),
    },
  };
}
