/**
 * Forwarding, ip_forward() (net/ipv4/ip_forward.c; RFC 1812 §5.2–5.3): a
 * packet whose TTL would reach 0 is answered with "time exceeded in transit"
 * and dropped (drop reason IP_INHDR, the kernel's "too_many_hops"); one
 * larger than the outgoing MTU with DF set gets "fragmentation needed";
 * otherwise the TTL is decremented (checksum patched incrementally), the
 * netfilter FORWARD hook runs (after the decrement, as in ip_forward(): a
 * LOG there shows TTL=63 for a packet sent with 64), and the packet goes
 * out, with "host unreachable" to its sender if ARP fails for the next hop.
 * ICMP redirects and fragmentation are not modelled.
 */
import { IcmpType, TimeExceededCode, UnreachableCode, decrementTtl, parseIpv4Header } from "../wire";
import type { NetDevice } from "../link";
import { icmpSend } from "./icmp-errors";
import { drop } from "./ip-input";
import { transmitPacket } from "./ip-output";
import type { NetNamespace } from "./namespace";
import type { Route } from "./route";

export function ipForward(ns: NetNamespace, inDev: NetDevice, packet: Uint8Array, route: Route): void {
  const header = parseIpv4Header(packet);
  if (!header.ok) return;
  if (header.value.ttl <= 1) {
    drop(ns, inDev, "ip_forward", "IP_INHDR", packet, `TTL ${header.value.ttl} would reach 0 when forwarded`, "ipv4");
    icmpSend(ns, packet, { type: IcmpType.TIME_EXCEEDED, code: TimeExceededCode.TTL });
    return;
  }
  const outDev = route.dev!;
  if (packet.length > outDev.mtu && header.value.dontFragment) {
    drop(ns, inDev, "ip_forward", "PKT_TOO_BIG", packet, `${packet.length} bytes > MTU ${outDev.mtu} of ${outDev.name}`, "ipv4");
    icmpSend(ns, packet, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.FRAG_NEEDED, mtu: outDev.mtu });
    return;
  }
  // ip-input handed us its own copy of the packet (the kernel's skb_cow): change it in place, so netfilter's
  // per-packet state (its conntrack entry) follows it to POSTROUTING.
  decrementTtl(packet);
  if (!ns.netfilter.hook("FORWARD", packet, { in: inDev, out: outDev })) return;
  const nexthop = route.gateway ?? header.value.dst;
  transmitPacket(ns, outDev, nexthop, route.type === "broadcast", packet, (failed) =>
    icmpSend(ns, failed, { type: IcmpType.DEST_UNREACHABLE, code: UnreachableCode.HOST }), inDev,
  );
}
