/**
 * net-tools 2.10 `netstat`'s command line (netstat.c main), for its socket
 * listings: -t/-u choose TCP/UDP (neither: every protocol, then the UNIX
 * domain section), -l only listening sockets, -a all, neither connected
 * ones only; -n numeric, -p PID/Program name. Bad options get the usage
 * and exit 3; the other modes (-r, -i, -s, -g, -M) and options are refused
 * plainly.
 */
import { getopt, getoptComplaint, withShortForms } from "../../apps/getopt";
import { NETSTAT_USAGE } from "./netstat-usage";

export interface NetstatOptions {
  readonly tcp: boolean;
  readonly udp: boolean;
  /** No -t/-u: every protocol, and the UNIX domain section. */
  readonly unix: boolean;
  readonly all: boolean;
  readonly listening: boolean;
  readonly numeric: boolean;
  readonly programs: boolean;
  readonly wide: boolean;
}

export type NetstatOptionsResult = { readonly ok: true; readonly value: NetstatOptions } | { readonly ok: false; readonly stdout?: string; readonly stderr: string; readonly exit: number };

const SPEC = "A:CFMacdeghilnNoprsStuUvVWw2fx64";
const MODELLED = new Set(["a", "l", "n", "p", "t", "u", "W", "4", "h", "V"]);
const LONG: Readonly<Record<string, string>> = {
  "--tcp": "-t", "--udp": "-u", "--listening": "-l", "--all": "-a", "--numeric": "-n", "--programs": "-p", "--wide": "-W",
  "--inet": "-4", "--help": "-h", "--version": "-V",
};

export function parseNetstatOptions(argv: readonly string[]): NetstatOptionsResult {
  const translated = withShortForms(argv, LONG);
  if ("unknown" in translated) return { ok: false, stderr: `netstat: option ${translated.unknown} is not supported by this simulator\n`, exit: 1 };
  const parsed = getopt(translated.argv, SPEC);
  if (!parsed.ok) {
    return { ok: false, stderr: `netstat: ${getoptComplaint(parsed)}\n${NETSTAT_USAGE}`, exit: 3 };
  }
  const flags = new Set<string>();
  for (const { name } of parsed.value.options) {
    if (name === "h") return { ok: false, stdout: NETSTAT_USAGE, stderr: "", exit: 0 };
    if (name === "V") return { ok: false, stdout: "net-tools 2.10\nFred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang, Brian Micek and others\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\nHW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n", stderr: "", exit: 0 };
    if (!MODELLED.has(name)) return { ok: false, stderr: `netstat: option -${name} is not supported by this simulator\n`, exit: 1 };
    flags.add(name);
  }
  if (parsed.value.operands.length > 0) return { ok: false, stderr: "netstat: this use of netstat is not supported by this simulator\n", exit: 1 };
  const some = flags.has("t") || flags.has("u");
  return {
    ok: true,
    value: {
      tcp: flags.has("t") || !some, udp: flags.has("u") || !some, unix: !some && !flags.has("4"),
      all: flags.has("a"), listening: flags.has("l"), numeric: flags.has("n"), programs: flags.has("p"), wide: flags.has("W"),
    },
  };
}
