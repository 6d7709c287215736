/**
 * Small helpers for scenario tests: build topologies the way a lab script
 * would (`ip netns add`, `ip link add … type veth`, `ip addr add`, `ip link
 * set up`) and ping through a socket. Not used by production code.
 */
import { must, parseIpv4, parseIpv4Cidr, type Ipv4Address } from "../addr";
import { seconds, unwrap } from "../core";
import type { NetNamespace, SocketEvent } from "../stack";
import { openPingSocket } from "../stack";
import type { World } from "./world";

export const ip = (text: string): Ipv4Address => must(parseIpv4(text));
export const cidr = (text: string) => must(parseIpv4Cidr(text));

export function ns(world: World, name: string): NetNamespace {
  const found = world.namespace(name);
  if (!found) throw new Error(`no namespace ${name}`);
  return found;
}

/** `ip netns add` each name, and bring its lo up. */
export function addNamespaces(world: World, ...names: string[]): void {
  for (const name of names) {
    const n = unwrap(world.netnsAdd(name));
    unwrap(n.linkSet("lo", { up: true }));
  }
}

/** A veth pair `a`@`nsA` ↔ `b`@`nsB`, both up, with optional addresses. */
export function wire(world: World, nsA: string, a: string, nsB: string, b: string, addrA?: string, addrB?: string): void {
  const first = ns(world, nsA);
  unwrap(first.linkAdd({ kind: "veth", name: a, peer: { name: b, netns: ns(world, nsB) } }));
  if (addrA) unwrap(first.addrAdd(a, { cidr: cidr(addrA) }));
  if (addrB) unwrap(ns(world, nsB).addrAdd(b, { cidr: cidr(addrB) }));
  unwrap(first.linkSet(a, { up: true }));
  unwrap(ns(world, nsB).linkSet(b, { up: true }));
}

export interface PingOutcome {
  readonly sendErrors: string[];
  readonly events: SocketEvent[];
}

/** `ping -c count -i 1 [-t ttl] dst` from `from`, waiting `wait` seconds after the last request. */
export function ping(world: World, from: string, dst: string, opts: { count?: number; ttl?: number; wait?: number; id?: number } = {}): PingOutcome {
  const socket = openPingSocket(ns(world, from), opts.id ?? 0x1234);
  const sendErrors: string[] = [];
  const count = opts.count ?? 1;
  for (let seq = 1; seq <= count; seq++) {
    const sent = socket.sendEcho({ dst: ip(dst), sequence: seq, data: new Uint8Array(56).map((_, i) => i), ...(opts.ttl ? { ttl: opts.ttl } : {}) });
    if (!sent.ok) sendErrors.push(sent.error);
    world.runFor(seq < count ? seconds(1) : seconds(opts.wait ?? 1));
  }
  const events = socket.drain();
  socket.close();
  return { sendErrors, events };
}
