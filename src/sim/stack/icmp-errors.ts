/**
 * Sending ICMP errors, icmp_send() (net/ipv4/icmp.c), and ip_error() for a
 * received packet that has no usable route (net/ipv4/route.c).
 *
 * icmp_send refuses (RFC 1122 §3.2.2): errors about ICMP errors, about
 * packets to a broadcast/multicast address, about non-first fragments, or
 * from an unspecified/broadcast/multicast source. The error quotes the
 * offending datagram up to 576 bytes in all (RFC 1812 §4.3.2.3), is sent
 * with TOS 0xc0 (IPTOS_PREC_INTERNETCONTROL) and without DF; its source is
 * the address the offending packet was sent to if that was us, else the
 * address output routing picks towards the offender.
 */
import { formatIpv4, type Ipv4Address } from "../addr";
import { describeIcmpForTcpdump, emitIcmp, IcmpType, IpProtocol, parseIcmp, parseIpv4Header, UnreachableCode, type IcmpRepr } from "../wire";
import type { Errno, NetDevice } from "../link";
import { isRateLimitedType } from "./icmp-rate-limit";
import { ipSendLocal } from "./ip-output";
import type { NetNamespace } from "./namespace";
import { routeOutput } from "./route-output";

const ICMP_QUOTE_LIMIT = 576 - 20 - 8;
const TOS_INTERNETCONTROL = 0xc0;

export interface IcmpErrorSpec {
  readonly type: number;
  readonly code: number;
  /** Next-hop MTU for "fragmentation needed". */
  readonly mtu?: number;
}

/**
 * icmp_send(). `offending` is the IPv4 packet (header first) as received or
 * as we built it. True when the error left the host (not suppressed, rate
 * limited or filtered on its way out).
 */
export function icmpSend(ns: NetNamespace, offending: Uint8Array, spec: IcmpErrorSpec): boolean {
  const header = parseIpv4Header(offending);
  if (!header.ok) return false;
  const ip = header.value;
  if (ns.isBroadcastAddress(ip.dst) || isMulticast(ip.dst)) return false;
  if (ip.fragmentOffset !== 0) return false;
  if (ip.src === 0 || ip.src === 0xffffffff || isMulticast(ip.src)) return false;
  if (ip.protocol === IpProtocol.ICMP) {
    const inner = parseIcmp(offending.subarray(ip.headerLength), { verifyChecksum: false });
    if (!inner.ok || isErrorType(inner.value)) return false;
  }
  const src = ns.isLocalAddress(ip.dst) ? ip.dst : undefined;
  const back = routeOutput(ns, { dst: ip.src, ...(src !== undefined ? { src } : {}) }, false);
  if (!back.ok) return false;
  const quoted = offending.slice(0, Math.min(offending.length, ip.totalLength, ICMP_QUOTE_LIMIT));
  const repr: IcmpRepr =
    spec.type === IcmpType.TIME_EXCEEDED
      ? { kind: "time-exceeded", code: spec.code, original: quoted }
      : { kind: "destination-unreachable", code: spec.code, nextHopMtu: spec.mtu ?? 0, original: quoted };
  const ratemask = ns.sysctl.int("net.ipv4.icmp_ratemask");
  const limited =
    back.value.dev.kind !== "loopback" &&
    isRateLimitedType(spec.type, ratemask) &&
    !ns.icmpLimiter.xrlimAllow(ip.src, ns.env.queue.now(), ns.sysctl.int("net.ipv4.icmp_ratelimit") * 1000);
  ns.env.trace.emit({
    kind: "icmp-generated", namespace: ns.name, icmpType: spec.type, code: spec.code,
    description: describeIcmpForTcpdump(repr, ip, offending.subarray(ip.headerLength)), to: formatIpv4(ip.src), rateLimited: limited,
  });
  if (limited) return false;
  const sent = ipSendLocal(ns, { dst: ip.src, src: back.value.src, protocol: IpProtocol.ICMP, payload: emitIcmp(repr), tos: TOS_INTERNETCONTROL, related: offending });
  return sent.ok && !sent.value.filtered;
}

/**
 * ip_error(): a received packet whose input route is an error. With
 * forwarding off on the ingress device nothing is sent (measured: no
 * "From …" line at the pinging host); blackhole (EINVAL) never answers;
 * otherwise net/host unreachable or "packet filtered" (code 13), through
 * ip_error's own token bucket and then icmp_send's.
 */
export function ipError(ns: NetNamespace, packet: Uint8Array, inDev: NetDevice, errno: Errno): void {
  const forwarding = ns.sysctl.conf(inDev.name, "forwarding") !== 0;
  const reason = !forwarding ? (errno === "ENETUNREACH" ? "IP_INNOROUTES" : "IP_INADDRERRORS") : errno === "EINVAL" ? "NOT_SPECIFIED" : "IP_INNOROUTES";
  ns.env.trace.emit({
    kind: "frame-dropped", namespace: ns.name, device: inDev.name, where: "ip_error", reason,
    detail: !forwarding ? "not for this host and forwarding is off" : errno === "EINVAL" ? "blackhole route" : `no usable route (${errno})`,
    bytes: packet.slice(), format: "ipv4",
  });
  if (!forwarding || errno === "EINVAL") return;
  const code = errno === "ENETUNREACH" ? UnreachableCode.NET : errno === "EACCES" ? UnreachableCode.ADMIN_PROHIBITED : UnreachableCode.HOST;
  const header = parseIpv4Header(packet);
  if (!header.ok) return;
  if (!ns.icmpLimiter.routeErrorAllow(header.value.src, ns.env.queue.now())) {
    ns.env.trace.emit({
      kind: "icmp-generated", namespace: ns.name, icmpType: IcmpType.DEST_UNREACHABLE, code,
      description: describeIcmpForTcpdump({ kind: "destination-unreachable", code, nextHopMtu: 0, original: packet }, header.value),
      to: formatIpv4(header.value.src), rateLimited: true,
    });
    return;
  }
  icmpSend(ns, packet, { type: IcmpType.DEST_UNREACHABLE, code });
}

function isErrorType(repr: IcmpRepr): boolean {
  return repr.kind === "destination-unreachable" || repr.kind === "time-exceeded" || repr.kind === "redirect" || repr.kind === "parameter-problem" ||
    (repr.kind === "other" && (repr.type === 4));
}

function isMulticast(ip: Ipv4Address): boolean {
  return ip >>> 28 === 0xe;
}
