/**
 * What netfilter gets from the namespace it runs in (netfilter/host.ts):
 * the clock, trace and RNG, the machine's kernel log, and the few stack
 * services its targets use — icmp_send() for REJECT, a TCP reset
 * (nf_send_reset), and address selection for MASQUERADE and REDIRECT.
 */
import type { Ipv4Address } from "../addr";
import type { NetDevice } from "../link";
import type { KernelLog, NetfilterHost } from "../netfilter";
import { IpProtocol, TcpFlag, emitIpv4, emitTcp, parseIpv4Header, parseTcp } from "../wire";
import { icmpSend } from "./icmp-errors";
import { ipLocalOut } from "./ip-output";
import { markLocalReject } from "./local-reject";
import type { NetNamespace } from "./namespace";
import { routeOutput } from "./route-output";
import { selectSourceAddress } from "./source-address";

/** The World calls the initial namespace "" (world/world.ts ROOT_NETNS). */
const INIT_NETNS = "";

export function netfilterHost(ns: NetNamespace, kernelLog: KernelLog): NetfilterHost {
  return {
    namespace: ns.name,
    isInitNamespace: ns.name === INIT_NETNS,
    clock: ns.env.queue.clock,
    rng: ns.rng.fork("netfilter"),
    kernelLog,
    emit: (event) => ns.env.trace.emit(event),
    sendIcmpError: (offending, type, code) => {
      // REJECT answering one of our own packets fails its sendmsg() with EPERM (local-reject.ts).
      if (icmpSend(ns, offending, { type, code }) && isOwnPacket(ns, offending)) markLocalReject(ns);
    },
    sendTcpReset: (offending) => sendTcpReset(ns, offending),
    masqueradeAddress: (out: NetDevice, nexthop: Ipv4Address | undefined) => selectSourceAddress(ns.addrs, ns.devices, out, nexthop ?? 0, "global"),
    primaryAddress: (dev: NetDevice) => ns.addrs.find((a) => a.dev === dev && !a.secondary)?.local,
  };
}

/**
 * nf_send_reset (net/ipv4/netfilter/nf_reject_ipv4.c): answer a TCP
 * segment with an RST from its destination — seq = its ACK number if it had
 * one, else ACK of everything it carried (SYN and FIN count one each);
 * ID 0, DF, the default TTL; never an RST for an RST. It leaves through
 * OUTPUT carrying the rejected connection (nf_ct_attach).
 */
function sendTcpReset(ns: NetNamespace, offending: Uint8Array): void {
  const header = parseIpv4Header(offending);
  if (!header.ok || header.value.fragmentOffset !== 0) return;
  const ip = header.value;
  const segment = parseTcp(offending.subarray(ip.headerLength, ip.totalLength));
  if (!segment.ok || segment.value.flags & TcpFlag.RST) return;
  const th = segment.value;
  const hasAck = (th.flags & TcpFlag.ACK) !== 0;
  const consumed = th.payload.length + (th.flags & TcpFlag.SYN ? 1 : 0) + (th.flags & TcpFlag.FIN ? 1 : 0);
  const tcp = emitTcp({
    srcPort: th.dstPort, dstPort: th.srcPort, seq: hasAck ? th.ack : 0, ack: hasAck ? 0 : (th.seq + consumed) >>> 0,
    flags: TcpFlag.RST | (hasAck ? 0 : TcpFlag.ACK), window: 0, urgentPointer: 0, options: [], payload: new Uint8Array(0),
  }, { src: ip.dst, dst: ip.src });
  const packet = emitIpv4({
    dscp: 0, ecn: 0, identification: 0, dontFragment: true, moreFragments: false, fragmentOffset: 0,
    ttl: ns.sysctl.int("net.ipv4.ip_default_ttl"), protocol: IpProtocol.TCP, src: ip.dst, dst: ip.src, payload: tcp,
  });
  const route = routeOutput(ns, { dst: ip.src }, false);
  if (!route.ok) return;
  ipLocalOut(ns, packet, route.value, () => {}, offending);
}

/** A packet this namespace is sending: its source is one of our addresses (REJECT in OUTPUT). */
function isOwnPacket(ns: NetNamespace, packet: Uint8Array): boolean {
  const header = parseIpv4Header(packet);
  return header.ok && ns.isLocalAddress(header.value.src);
}
