/**
 * Why a packet was dropped, named as the Linux kernel names it
 * (enum skb_drop_reason, include/net/dropreason-core.h, without the
 * SKB_DROP_REASON_ prefix) — so what the simulator reports matches what
 * `perf trace -e skb:kfree_skb` or `dropwatch` show on a real machine.
 * Only the reasons the simulator can produce are listed; add more by their
 * kernel name.
 */
export type DropReason =
  /** No more specific reason applies. */
  | "NOT_SPECIFIED"
  /** No socket is bound to the destination port (before an ICMP port unreachable / TCP RST). */
  | "NO_SOCKET"
  /** Shorter than the protocol header it claims to be. */
  | "PKT_TOO_SMALL"
  /** A header field is invalid, e.g. IPv4 version/IHL or total length — or TTL ran out while forwarding (ip_forward's "too_many_hops"). */
  | "IP_INHDR"
  /** The IPv4 header checksum is wrong (ip_rcv_core). */
  | "IP_CSUM"
  | "TCP_CSUM"
  | "UDP_CSUM"
  | "ICMP_CSUM"
  /** Addressed to another host's MAC (PACKET_OTHERHOST) — a NIC in promiscuous mode or a bridge port sees it. */
  | "OTHERHOST"
  /** Dropped by a netfilter rule (DROP, or REJECT after sending its error). */
  | "NETFILTER_DROP"
  /** Reverse-path filter (rp_filter) rejected the source address. */
  | "IP_RPFILTER"
  /** No transport protocol handler for the IP protocol number. */
  | "IP_NOPROTO"
  /** Not for this host and forwarding is off (ip_forward = 0). */
  | "IP_INADDRERRORS"
  /** No route to deliver or forward a received packet. */
  | "IP_INNOROUTES"
  /** No route for a locally generated packet. */
  | "IP_OUTNOROUTES"
  /** A received packet whose source is one of our own addresses. */
  | "IP_LOCAL_SOURCE"
  /** A martian source on a real link, e.g. 127.0.0.1 (ip_route_input_slow, Linux ≥ 6.13). */
  | "IP_INVALID_SOURCE"
  /** A martian destination on a real link: 127/8 or 0/8 (ip_route_input_slow, Linux ≥ 6.13). */
  | "IP_INVALID_DEST"
  /** Larger than the path MTU with DF set (after ICMP "fragmentation needed"). */
  | "PKT_TOO_BIG"
  /** ARP resolution failed: the neighbour entry went FAILED with the packet queued. */
  | "NEIGH_FAILED"
  /** Too many packets were already waiting on an unresolved neighbour (unres_qlen). */
  | "NEIGH_QUEUEFULL"
  /** The device is down or has no carrier. */
  | "DEV_READY"
  /** No handler for the frame's ethertype. */
  | "UNHANDLED_PROTO"
  /** The ingress bridge port is not in a forwarding STP state. */
  | "BRIDGE_INGRESS_STP_STATE"
  /** A fragment could not be reassembled in time. */
  | "FRAG_REASM_TIMEOUT";
