/**
 * `ss` (iproute2 6.1) over the simulator's sockets: TCP and UDP, as
 * ss-options.ts selects them, laid out as ss-columns.ts does.
 *
 *   State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
 *   LISTEN 0      1            0.0.0.0:80        0.0.0.0:*    users:(("nc",pid=140,fd=3))
 *
 * UDP comes before TCP, as ss dumps them. Addresses are always numeric (ss
 * resolves hosts only with -r); ports are service names from /etc/services
 * unless -n, or unless they lie in net.ipv4.ip_local_port_range (ss's
 * is_ephemeral: names there would be noise); port 0 prints as "*".
 */
import { formatIpv4 } from "../../addr";
import { serviceName, type ServiceProtocol } from "../../apps/net-services";
import { listTcpSockets, listUdpSockets, localPortRange, ssStateName, type InetSocketInfo, type NetNamespace } from "../../stack";
import type { CommandOutput } from "./command-output";
import { renderColumns, ssColumns } from "./ss-columns";
import { parseSsOptions, type SsOptions, type SsState } from "./ss-options";


function port(ns: NetNamespace, value: number, protocol: ServiceProtocol, opts: SsOptions): string {
  if (value === 0) return "*";
  if (opts.numeric) return String(value);
  const range = ns.sysctl.get("net.ipv4.ip_local_port_range");
  const [lo, hi] = localPortRange(range.ok ? range.value : "32768 60999");
  if (value >= lo && value <= hi) return String(value);
  return serviceName(value, protocol) ?? String(value);
}

function row(ns: NetNamespace, s: InetSocketInfo, opts: SsOptions): string[] {
  const users = opts.processes && s.owner ? ` users:(("${s.owner.command}",pid=${s.owner.pid},fd=${s.owner.fd}))` : "";
  return [
    s.protocol, ssStateName(s.state), String(s.recvQ).padEnd(6), String(s.sendQ).padEnd(6),
    `${formatIpv4(s.local.address)}:`, port(ns, s.local.port, s.protocol, opts),
    `${formatIpv4(s.remote.address)}:`, port(ns, s.remote.port, s.protocol, opts),
    users, "",
  ];
}

export function runSs(args: readonly string[], ns: NetNamespace): CommandOutput {
  const parsed = parseSsOptions(args);
  if (!parsed.ok) return { stdout: parsed.stdout ?? "", stderr: parsed.stderr, exit: parsed.exit };
  const opts = parsed.value;
  const sockets = [
    ...(opts.udp ? listUdpSockets(ns).filter((s) => opts.udpStates.has(s.state as SsState)) : []),
    ...(opts.tcp ? listTcpSockets(ns).filter((s) => opts.tcpStates.has(s.state as SsState)) : []),
  ];
  const stdout = renderColumns(ssColumns(opts.showNetid, opts.showState), sockets.map((s) => row(ns, s, opts)), opts.header);
  // Asked for every socket type, ss also tries tables a network namespace cannot dump (measured).
  return { stdout, stderr: opts.allTables ? "RTNETLINK answers: Invalid argument\n" : "", exit: 0 };
}
