/**
 * `netstat` (net-tools 2.10) socket listings over the simulator's sockets:
 *
 *   Active Internet connections (servers and established)
 *   Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
 *   tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      137/nc
 *
 * Each row is printf("%-4s  %6ld %6ld %-23s %-23s %-11s") (an address wider
 * than 23 widens its column), then with -p " %-20s" of "PID/name" or "-".
 * TCP rows come before UDP ones. Without -n a port is named from
 * /etc/services and an address by /etc/hosts (no name server answers here,
 * so others stay numeric); 0.0.0.0 and port 0 print as "0.0.0.0" and "*".
 * A UDP socket's state is empty until connect() makes it ESTABLISHED;
 * unconnected UDP sockets count as listening. Without -t/-u the UNIX
 * domain section follows, empty: the simulator has no unix sockets.
 */
import { formatIpv4, type Ipv4Address } from "../../addr";
import { serviceName, type ServiceProtocol } from "../../apps/net-services";
import { listTcpSockets, listUdpSockets, netstatStateName, type InetSocketInfo, type NetNamespace } from "../../stack";
import type { CommandOutput } from "./command-output";
import { parseNetstatOptions, type NetstatOptions } from "./netstat-options";

const PROGNAME_WIDTH = 20;

function endpoint(address: Ipv4Address, port: number, protocol: ServiceProtocol, opts: NetstatOptions, names: (a: Ipv4Address) => string | undefined): string {
  const host = opts.numeric || address === 0 ? formatIpv4(address) : (names(address) ?? formatIpv4(address));
  const service = port === 0 ? "*" : opts.numeric ? String(port) : (serviceName(port, protocol) ?? String(port));
  // Without -W the host part is cut so that host:port fits 23 columns.
  const cut = opts.wide || host.length + service.length <= 22 ? host : host.slice(0, 22 - service.length);
  return `${cut}:${service}`;
}

function line(s: InetSocketInfo, opts: NetstatOptions, names: (a: Ipv4Address) => string | undefined): string {
  const local = endpoint(s.local.address, s.local.port, s.protocol, opts, names);
  const remote = endpoint(s.remote.address, s.remote.port, s.protocol, opts, names);
  const state = s.protocol === "udp" ? (s.state === "ESTABLISHED" ? "ESTABLISHED" : "") : netstatStateName(s.state);
  // /proc/net/tcp's tx_queue of a listener is 0 (its backlog is only in inet_diag, which ss reads).
  const sendQ = s.state === "LISTEN" ? 0 : s.sendQ;
  let text = `${s.protocol.padEnd(4)}  ${String(s.recvQ).padStart(6)} ${String(sendQ).padStart(6)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)}`;
  if (opts.programs) text += ` ${(s.owner ? `${s.owner.pid}/${s.owner.command}` : "-").padEnd(PROGNAME_WIDTH)}`;
  return `${text}\n`;
}

/** -l: listening only; -a: everything; neither: connected only. A UDP socket "listens" until it has a peer. */
function wanted(s: InetSocketInfo, opts: NetstatOptions): boolean {
  if (opts.all) return true;
  const listening = s.protocol === "tcp" ? s.state === "LISTEN" : s.state !== "ESTABLISHED";
  return opts.listening ? listening : !listening;
}

export function runNetstat(args: readonly string[], ns: NetNamespace, names: (a: Ipv4Address) => string | undefined): CommandOutput {
  const parsed = parseNetstatOptions(args);
  if (!parsed.ok) return { stdout: parsed.stdout ?? "", stderr: parsed.stderr, exit: parsed.exit };
  const opts = parsed.value;
  const which = opts.all ? "servers and established" : opts.listening ? "only servers" : "w/o servers";
  let out = `Active Internet connections (${which})\n`;
  out += `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${opts.programs ? ` ${"PID/Program name".padEnd(PROGNAME_WIDTH)}` : ""}\n`;
  const sockets = [...(opts.tcp ? listTcpSockets(ns) : []), ...(opts.udp ? listUdpSockets(ns) : [])];
  for (const s of sockets) if (wanted(s, opts)) out += line(s, opts, names);
  if (opts.unix) {
    out += `Active UNIX domain sockets (${which})\n`;
    out += `Proto RefCnt Flags       Type       State         I-Node  ${opts.programs ? ` ${"PID/Program name".padEnd(PROGNAME_WIDTH)}` : ""} Path\n`;
  }
  return { stdout: out, stderr: "", exit: 0 };
}
