/**
 * ICMP error rate limiting per destination host (struct inet_peer), as
 * measured on a 6.x router (KERNEL-PARITY-NOTES): the tokens are time.
 *
 * - icmp_send() → icmpv4_xrlim_allow() → inet_peer_xrlim_allow(peer,
 *   icmp_ratelimit = 1 s): the bucket fills by elapsed time up to
 *   XRLIM_BURST_FACTOR (6) × 1 s; each error costs 1 s. Only types in
 *   icmp_ratemask (0x1818: unreachable, source quench, time exceeded,
 *   parameter problem), and never towards loopback. Measured: 12 TTL-expired
 *   probes 0.2 s apart → 8 errors (6 at once, then 1/s).
 * - ip_error() (a forwarded packet with no usable route) first takes from the
 *   same peer's tokens with ip_rt_error_burst 5 s / cost 1 s, then calls
 *   icmp_send(), which takes another: each such error costs 2. Measured: 12
 *   pings 0.2 s apart to an unrouted net → 2 "Destination Net Unreachable".
 *
 * A new peer starts with rate_last 60 s in the past, i.e. a full bucket.
 */
import { seconds, type Duration, type SimTime } from "../core";
import type { Ipv4Address } from "../addr";

const XRLIM_BURST_FACTOR = 6;
const IP_RT_ERROR_COST: Duration = seconds(1);
const IP_RT_ERROR_BURST: Duration = seconds(5);
const NEW_PEER_AGE: Duration = seconds(60);

interface Peer {
  tokens: Duration;
  last: SimTime;
}

export class IcmpRateLimiter {
  readonly #peers = new Map<Ipv4Address, Peer>();

  /** inet_peer_xrlim_allow: may an error go to `peer` now, with `interval` (icmp_ratelimit) per message? */
  xrlimAllow(peer: Ipv4Address, now: SimTime, interval: Duration): boolean {
    const p = this.#peer(peer, now);
    let tokens = p.tokens + (now - p.last);
    p.last = now;
    if (tokens > XRLIM_BURST_FACTOR * interval) tokens = XRLIM_BURST_FACTOR * interval;
    let allowed = false;
    if (tokens >= interval) {
      tokens -= interval;
      allowed = true;
    }
    p.tokens = tokens;
    return allowed;
  }

  /** ip_error's own check before it calls icmp_send. */
  routeErrorAllow(peer: Ipv4Address, now: SimTime): boolean {
    const p = this.#peer(peer, now);
    p.tokens = Math.min(p.tokens + (now - p.last), IP_RT_ERROR_BURST);
    p.last = now;
    if (p.tokens < IP_RT_ERROR_COST) return false;
    p.tokens -= IP_RT_ERROR_COST;
    return true;
  }

  #peer(address: Ipv4Address, now: SimTime): Peer {
    let p = this.#peers.get(address);
    if (!p) {
      p = { tokens: 0, last: now - NEW_PEER_AGE };
      this.#peers.set(address, p);
    }
    return p;
  }
}

/** icmp_ratemask bit test. */
export function isRateLimitedType(type: number, ratemask: number): boolean {
  return type < 32 && ((ratemask >>> type) & 1) === 1;
}
