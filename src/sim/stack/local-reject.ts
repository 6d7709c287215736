/**
 * Whether a REJECT rule just answered one of this host's own packets.
 *
 * Measured on Linux 6.18 with iptables-nft: a packet of ours that OUTPUT
 * DROPs vanishes and sendmsg() succeeds, but when OUTPUT REJECTs it and the
 * ICMP error gets back to the sender, sendmsg() fails with EPERM — iputils
 * ping prints the "From … Destination Port Unreachable" line, then
 * "ping: sendmsg: Operation not permitted". When the ICMP error is itself
 * filtered on its way out, the send succeeds silently again. The REJECT
 * target (via netfilter-host) marks the namespace while the hook runs;
 * ip_local_out reads and clears the mark.
 */
import type { NetNamespace } from "./namespace";

const rejected = new WeakSet<NetNamespace>();

/** REJECT sent an ICMP error about a packet this namespace is sending. */
export function markLocalReject(ns: NetNamespace): void {
  rejected.add(ns);
}

/** Whether REJECT answered since the last call; clears the mark. */
export function takeLocalReject(ns: NetNamespace): boolean {
  return rejected.delete(ns);
}
