/**
 * Sending IPv4: build the header for a locally generated packet
 * (ip_build_and_send / ip_push_pending_frames), pass it through netfilter's
 * OUTPUT hook (ip_local_out), then — for every packet, forwarded ones too —
 * POSTROUTING (ip_output), and put it on its device (ip_finish_output2 →
 * neigh_output): loopback needs no link-layer address, a broadcast goes to
 * ff:ff:ff:ff:ff:ff, anything else waits for the neighbour table. A packet
 * of ours that a netfilter rule drops is gone without a word: sendmsg()
 * still succeeds. Measured on Linux 6.18 with iptables-nft: ping counts the
 * request as transmitted and prints no "sendmsg: Operation not permitted"
 * (which older kernels returned, nf_hook() giving -EPERM for NF_DROP),
 * `nc -u` exits 0, and a TCP connect just sees its SYNs go unanswered. Only
 * an OUTPUT REJECT whose ICMP error gets back fails the send with EPERM
 * (local-reject.ts).
 */
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import { err, ok, readU32, type Result } from "../core";
import type { Errno, NetDevice } from "../link";
import { BROADCAST_MAC, EtherType, ZERO_MAC, emitEthernet, emitIpv4, type MacAddress } from "../wire";
import type { NetNamespace } from "./namespace";
import { takeLocalReject } from "./local-reject";
import { routeOutput, type OutputRoute } from "./route-output";

export interface IpSendRequest {
  readonly dst: Ipv4Address;
  readonly src?: Ipv4Address;
  readonly oif?: NetDevice;
  readonly protocol: number;
  readonly payload: Uint8Array | ((src: Ipv4Address) => Uint8Array);
  readonly ttl?: number;
  readonly tos?: number;
  readonly dontFragment?: boolean;
  readonly identification?: number;
  /** For an ICMP error: the packet it is about, whose connection it belongs to (nf_ct_attach in icmp_glue_bits). */
  readonly related?: Uint8Array;
}

export interface IpSent {
  readonly route: OutputRoute;
  readonly packet: Uint8Array;
  /** Netfilter dropped it at OUTPUT or POSTROUTING: nothing left the host, yet the send "succeeded". */
  readonly filtered: boolean;
}

/** Route, build and send one packet from this host; the errno is what sendmsg()/connect() would fail with. */
export function ipSendLocal(ns: NetNamespace, req: IpSendRequest, onNeighFailure?: (packet: Uint8Array) => void): Result<IpSent, Errno> {
  const routed = routeOutput(ns, { dst: req.dst, ...(req.src !== undefined ? { src: req.src } : {}), ...(req.oif ? { oif: req.oif } : {}) });
  if (!routed.ok) return routed;
  const route = routed.value;
  const payload = typeof req.payload === "function" ? req.payload(route.src) : req.payload;
  if (payload.length + 20 > 0xffff) return err("EMSGSIZE");
  const tos = req.tos ?? 0;
  const packet = emitIpv4({
    dscp: tos >>> 2, ecn: tos & 3,
    identification: req.identification ?? ns.nextIpId(),
    dontFragment: req.dontFragment ?? false, moreFragments: false, fragmentOffset: 0,
    ttl: req.ttl ?? ns.sysctl.int("net.ipv4.ip_default_ttl"),
    protocol: req.protocol, src: route.src, dst: req.dst, payload,
  });
  if (packet.length > route.dev.mtu && req.dontFragment) return err("EMSGSIZE");
  return ipLocalOut(ns, packet, route, onNeighFailure ?? (() => {}), req.related);
}

/**
 * ip_local_out: the OUTPUT hook, then a new route lookup if NAT changed the
 * destination there (ip_route_me_harder), then ip_output.
 */
export function ipLocalOut(
  ns: NetNamespace, packet: Uint8Array, route: OutputRoute, onNeighFailure: (packet: Uint8Array) => void, related?: Uint8Array,
): Result<IpSent, Errno> {
  const dst = readU32(packet, 16);
  takeLocalReject(ns);
  if (!ns.netfilter.hook("OUTPUT", packet, { out: route.dev, ...(related ? { related } : {}) })) {
    return takeLocalReject(ns) ? err("EPERM") : ok({ route, packet, filtered: true });
  }
  let out = route;
  if (readU32(packet, 16) !== dst) {
    const again = routeOutput(ns, { dst: ipv4FromNumber(readU32(packet, 16)) });
    if (!again.ok) return again;
    out = again.value;
  }
  const sent = transmitPacket(ns, out.dev, out.nexthop, out.type === "broadcast", packet, onNeighFailure);
  return ok({ route: out, packet, filtered: !sent });
}

/**
 * ip_output → ip_finish_output2: the POSTROUTING hook (`inDev` is where a
 * forwarded packet came in), then frame the packet for `dev` and send it,
 * resolving `nexthop` if needed. False if netfilter dropped it.
 */
export function transmitPacket(
  ns: NetNamespace, dev: NetDevice, nexthop: Ipv4Address, broadcast: boolean, packet: Uint8Array, onNeighFailure: (packet: Uint8Array) => void,
  inDev?: NetDevice,
): boolean {
  if (!ns.netfilter.hook("POSTROUTING", packet, { out: dev, nexthop, ...(inDev ? { in: inDev } : {}) })) return false;
  const frameTo = (mac: MacAddress): void => dev.transmit(emitEthernet({ dst: mac, src: dev.mac, ethertype: EtherType.IPV4, payload: packet }));
  if (dev.kind === "loopback") {
    frameTo(ZERO_MAC);
    return true;
  }
  if (broadcast || nexthop === 0xffffffff) {
    frameTo(BROADCAST_MAC);
    return true;
  }
  ns.neigh.output(dev, nexthop, { packet, onFailure: () => onNeighFailure(packet) }, frameTo);
  return true;
}
