/**
 * Receiving: a frame reaches the stack (__netif_receive_skb → ip_rcv / arp_rcv),
 * the IPv4 header is checked (ip_rcv_core), input routing decides
 * (ip_route_input_slow): ours → ip_local_deliver, a broadcast → local,
 * someone else's → ip_forward if forwarding is on, else dropped.
 */
import { formatIpv4, type Ipv4Address } from "../addr";
import type { DropReason } from "../core";
import { EtherType, isMulticastMac, parseEthernet, parseIpv4, parseIpv4Header, IcmpType, IpProtocol, UnreachableCode } from "../wire";
import type { NetDevice } from "../link";
import { arpReceive } from "./arp-handler";
import { icmpReceive } from "./icmp-input";
import { icmpSend, ipError } from "./icmp-errors";
import { ipForward } from "./ip-forward";
import type { NetNamespace } from "./namespace";
import { describeRoute, tableName } from "./route";
import { udpReceive } from "./sockets";
import { tcpReceive } from "./tcp/tcp-input";

const ETHERNET_HEADER_LENGTH = 14;

export function deliverFrame(ns: NetNamespace, dev: NetDevice, frame: Uint8Array): void {
  const eth = parseEthernet(frame);
  if (!eth.ok) return drop(ns, dev, "eth_type_trans", "PKT_TOO_SMALL", frame, "runt frame");
  const { dst, ethertype, payload } = eth.value;
  const toUs = dst === dev.mac;
  if (dev.kind !== "loopback" && !toUs && !isMulticastMac(dst)) {
    return drop(ns, dev, "ip_rcv", "OTHERHOST", frame, `for ${dst}, not this host`);
  }
  if (ethertype === EtherType.ARP) {
    if (dev.kind !== "loopback") arpReceive(ns, dev, payload, toUs);
    return;
  }
  if (ethertype !== EtherType.IPV4) return drop(ns, dev, "__netif_receive_skb", "UNHANDLED_PROTO", frame, `ethertype 0x${ethertype.toString(16)}`);
  ipReceive(ns, dev, payload, isMulticastMac(dst), frame.subarray(0, ETHERNET_HEADER_LENGTH));
}

function ipReceive(ns: NetNamespace, dev: NetDevice, bytes: Uint8Array, linkBroadcast: boolean, linkHeader: Uint8Array): void {
  const parsed = parseIpv4(bytes);
  if (!parsed.ok) {
    const reason = parsed.error.kind === "bad-checksum" ? "IP_CSUM" : "IP_INHDR";
    return drop(ns, dev, "ip_rcv_core", reason, bytes, "bad IPv4 header", "ipv4");
  }
  const packet = bytes.slice(0, 20 + (parsed.value.options?.length ?? 0) + parsed.value.payload.length);
  // NF_INET_PRE_ROUTING (ip_rcv → ip_rcv_finish): before routing, so a DNAT here changes where the packet goes.
  if (!ns.netfilter.hook("PREROUTING", packet, { in: dev, linkHeader })) return;
  const header = parseIpv4Header(packet);
  if (!header.ok) return;
  const ip = header.value;
  if (dev.kind !== "loopback" && ns.isLocalAddress(ip.src)) {
    return drop(ns, dev, "ip_route_input_slow", "IP_LOCAL_SOURCE", packet, `source ${formatIpv4(ip.src)} is one of our addresses`, "ipv4");
  }
  const martian = dev.kind === "loopback" ? null : martianReason(ip.src, ip.dst);
  if (martian) return drop(ns, dev, "ip_route_input_slow", martian.reason, packet, martian.detail, "ipv4");
  const broadcast = ip.dst === 0xffffffff || ns.isBroadcastAddress(ip.dst);
  const found = broadcast ? undefined : ns.fib.lookup({ dst: ip.dst });
  ns.env.trace.emit({
    kind: "route-decision", namespace: ns.name, purpose: "input", destination: formatIpv4(ip.dst), source: formatIpv4(ip.src),
    route: found?.route ? describeRoute(found.route) : null, type: broadcast ? "broadcast" : found?.route?.type ?? null,
    table: found?.route ? tableName(found.route.table) : broadcast ? "local" : "main", device: dev.name,
    ...(found?.ok && found.route.gateway !== undefined ? { gateway: formatIpv4(found.route.gateway) } : {}),
  });
  if (broadcast || (found?.ok && found.route.type === "local")) return localDeliver(ns, dev, packet, broadcast || linkBroadcast);
  if (!found!.ok) return ipError(ns, packet, dev, found!.errno);
  if (ns.sysctl.conf(dev.name, "forwarding") === 0) return ipError(ns, packet, dev, "EHOSTUNREACH");
  ipForward(ns, dev, packet, found!.route);
}

/** ip_local_deliver → NF_INET_LOCAL_IN → the protocol handler. */
function localDeliver(ns: NetNamespace, dev: NetDevice, packet: Uint8Array, broadcast: boolean): void {
  if (!ns.netfilter.hook("INPUT", packet, { in: dev })) return;
  const ip = parseIpv4(packet, { verifyChecksum: false });
  if (!ip.ok) return;
  switch (ip.value.protocol) {
    case IpProtocol.ICMP:
      return icmpReceive(ns, dev, packet, ip.value, broadcast);
    case IpProtocol.UDP:
      return udpReceive(ns, dev, packet, ip.value, broadcast);
    case IpProtocol.TCP:
      return tcpReceive(ns, dev, packet, ip.value, broadcast);
    default:
      // No handler (and no raw socket): protocol unreachable (RFC 1122 §3.2.2.1), as ip_protocol_deliver_rcu does.
      drop(ns, dev, "ip_protocol_deliver_rcu", "IP_NOPROTO", packet, `no handler for protocol ${ip.value.protocol}`, "ipv4");
      if (!broadcast) icmpSend(ns, packet, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.PROTOCOL });
  }
}

export function drop(
  ns: NetNamespace, dev: NetDevice | undefined, where: string,
  reason: DropReason,
  bytes: Uint8Array, detail?: string, format: "ethernet" | "ipv4" = "ethernet",
): void {
  ns.env.trace.emit({
    kind: "frame-dropped", namespace: ns.name, ...(dev ? { device: dev.name } : {}), where, reason,
    ...(detail !== undefined ? { detail } : {}), bytes: bytes.slice(), format,
  });
}

/**
 * ip_route_input_slow's martian checks for a packet that came in on a real
 * device: a loopback (127/8) or "this network" (0/8) destination, or a
 * loopback source, is dropped without an ICMP error (route_localnet, off by
 * default, is not modelled). Measured: a ping to 127.0.0.1 that a host with
 * its `lo` down sends out its default route gets no answer from the router.
 */
function martianReason(src: Ipv4Address, dst: Ipv4Address): { readonly reason: "IP_INVALID_SOURCE" | "IP_INVALID_DEST"; readonly detail: string } | null {
  const loopback = (a: Ipv4Address): boolean => (a as number) >>> 24 === 127;
  const zeronet = (a: Ipv4Address): boolean => (a as number) >>> 24 === 0;
  if (zeronet(dst) || loopback(dst)) return { reason: "IP_INVALID_DEST", detail: `martian destination ${formatIpv4(dst)}` };
  if (loopback(src)) return { reason: "IP_INVALID_SOURCE", detail: `martian source ${formatIpv4(src)}` };
  return null;
}
