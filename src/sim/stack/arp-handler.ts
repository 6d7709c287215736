/**
 * ARP (RFC 826) as net/ipv4/arp.c does it.
 *
 * Receiving (arp_process): a request for one of our addresses (any device's:
 * arp_ignore = 0) is answered with a unicast reply, and the asker is entered
 * as STALE (neigh_event_ns); any other ARP packet only updates an entry
 * that already exists — a reply addressed to us confirms it (REACHABLE),
 * anything else makes it STALE. An ARP probe (sender 0.0.0.0, RFC 5227)
 * for our address is answered but teaches nothing.
 *
 * Sending (arp_solicit): the request's sender address is the waiting
 * packet's source if that is ours (arp_announce = 0), else
 * inet_select_addr(dev, target, link).
 */
import type { Ipv4Address } from "../addr";
import { ArpOperation, BROADCAST_MAC, EtherType, ZERO_MAC, emitArp, emitEthernet, parseArp, parseIpv4Header, type MacAddress } from "../wire";
import type { NetDevice } from "../link";
import type { NetNamespace } from "./namespace";
import type { NeighbourEntry, NeighbourIo, PendingPacket } from "./neighbour-table";
import { selectSourceAddress } from "./source-address";

export function arpIo(ns: NetNamespace): NeighbourIo {
  return {
    solicit(entry: NeighbourEntry, unicastTo: MacAddress | null, queued: Uint8Array | undefined): void {
      const header = queued ? parseIpv4Header(queued) : undefined;
      const queuedSrc = header?.ok ? header.value.src : undefined;
      const sender =
        queuedSrc !== undefined && ns.isLocalAddress(queuedSrc)
          ? queuedSrc
          : selectSourceAddress(ns.addrs, ns.devices, entry.dev, entry.ip, "link") ?? (0 as Ipv4Address);
      sendArp(entry.dev, ArpOperation.REQUEST, sender, entry.ip, unicastTo ?? BROADCAST_MAC, ZERO_MAC);
    },
    flush(entry: NeighbourEntry, packets: PendingPacket[]): void {
      for (const pending of packets) {
        entry.dev.transmit(emitEthernet({ dst: entry.mac!, src: entry.dev.mac, ethertype: EtherType.IPV4, payload: pending.packet }));
      }
    },
  };
}

/** arp_rcv → arp_process for one ARP packet received on `dev`; `toUs` is PACKET_HOST (unicast to our MAC). */
export function arpReceive(ns: NetNamespace, dev: NetDevice, payload: Uint8Array, toUs: boolean): void {
  const parsed = parseArp(payload);
  if (!parsed.ok) {
    ns.env.trace.emit({ kind: "frame-dropped", namespace: ns.name, device: dev.name, where: "arp_rcv", reason: "PKT_TOO_SMALL", bytes: payload.slice(), format: "ethernet" });
    return;
  }
  const arp = parsed.value;
  if (isMulticast(arp.targetIp) || arp.targetIp >>> 24 === 127) return;
  const forUs = ns.isLocalAddress(arp.targetIp);
  if (arp.senderIp === 0) {
    if (arp.operation === ArpOperation.REQUEST && forUs) sendArp(dev, ArpOperation.REPLY, arp.targetIp, 0 as Ipv4Address, arp.senderMac, arp.senderMac);
    return;
  }
  if (arp.operation === ArpOperation.REQUEST && forUs) {
    ns.neigh.learn(dev, arp.senderIp, arp.senderMac, false, true);
    sendArp(dev, ArpOperation.REPLY, arp.targetIp, arp.senderIp, arp.senderMac, arp.senderMac);
    return;
  }
  ns.neigh.learn(dev, arp.senderIp, arp.senderMac, arp.operation === ArpOperation.REPLY && toUs, false);
}

function sendArp(dev: NetDevice, operation: ArpOperation, senderIp: Ipv4Address, targetIp: Ipv4Address, ethDst: MacAddress, targetMac: MacAddress): void {
  const payload = emitArp({ operation, senderMac: dev.mac, senderIp, targetMac, targetIp });
  dev.transmit(emitEthernet({ dst: ethDst, src: dev.mac, ethertype: EtherType.ARP, payload }));
}

function isMulticast(ip: Ipv4Address): boolean {
  return ip >>> 28 === 0xe;
}
