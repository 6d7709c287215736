/**
 * icmp_rcv (net/ipv4/icmp.c): echo requests are answered (unless
 * icmp_echo_ignore_all, or icmp_echo_ignore_broadcasts for a broadcast);
 * echo replies and errors go to the socket they concern.
 *
 * The reply (icmp_reply) is sent from the address the request was sent to,
 * with TTL ip_default_ttl, TOS copied, and without DF (the kernel's ICMP
 * socket uses IP_PMTUDISC_DONT — measured: replies show "flags [none]").
 */
import { IcmpType, IpProtocol, emitIcmp, parseIcmp, type Ipv4Repr } from "../wire";
import type { NetDevice } from "../link";
import { drop } from "./ip-input";
import { ipSendLocal } from "./ip-output";
import type { NetNamespace } from "./namespace";
import { deliverIcmpError } from "./sockets";

export function icmpReceive(ns: NetNamespace, dev: NetDevice, packet: Uint8Array, ip: Ipv4Repr, broadcast: boolean): void {
  const parsed = parseIcmp(ip.payload);
  if (!parsed.ok) return drop(ns, dev, "icmp_rcv", parsed.error.kind === "bad-checksum" ? "ICMP_CSUM" : "PKT_TOO_SMALL", packet, "bad ICMP message", "ipv4");
  const icmp = parsed.value;
  switch (icmp.kind) {
    case "echo-request": {
      if (ns.sysctl.int("net.ipv4.icmp_echo_ignore_all") !== 0) return;
      if (broadcast && ns.sysctl.int("net.ipv4.icmp_echo_ignore_broadcasts") !== 0) return;
      const reply = emitIcmp({ kind: "echo-reply", identifier: icmp.identifier, sequence: icmp.sequence, data: icmp.data });
      ipSendLocal(ns, {
        dst: ip.src, ...(broadcast ? {} : { src: ip.dst }), protocol: IpProtocol.ICMP, payload: reply,
        tos: (ip.dscp << 2) | ip.ecn,
      });
      return;
    }
    case "echo-reply": {
      for (const socket of ns.sockets.ping) {
        if (socket.identifier !== icmp.identifier) continue;
        socket.push({
          kind: "echo-reply", time: ns.env.queue.now(), from: ip.src, to: ip.dst, identifier: icmp.identifier,
          sequence: icmp.sequence, ttl: ip.ttl, data: icmp.data.slice(), bytes: packet.slice(),
        });
      }
      return;
    }
    case "destination-unreachable":
    case "time-exceeded":
    case "redirect":
    case "parameter-problem":
      deliverIcmpError(ns, ip, icmp, packet);
      return;
    default:
      void IcmpType;
  }
}
