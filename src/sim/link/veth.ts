/**
 * A veth pair (drivers/net/veth.c): what one end transmits, the other
 * receives. Carrier follows the pair — veth_open() turns carrier on for both
 * ends only when both are up, veth_close() turns it off for both — so an up
 * end whose peer is down shows NO-CARRIER and LOWERLAYERDOWN (measured on
 * 6.x: `v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> … state LOWERLAYERDOWN`).
 */
import type { MacAddress } from "../wire";
import { NetDevice, VETH_LATENCY_US, type DeviceOwner, type LinkEnv, type LinkFlag } from "./device";

export const ETHERNET_MTU = 1500;

export class VethDevice extends NetDevice {
  readonly kind = "veth";
  /** Set right after construction by `createVethPair`; null once the peer is destroyed. */
  peer: VethDevice | null = null;

  constructor(env: LinkEnv, owner: DeviceOwner, name: string, ifindex: number, mac: MacAddress) {
    super(env, owner, name, ifindex, mac, ETHERNET_MTU);
  }

  carrier(): boolean {
    return this.adminUp && this.peer !== null && this.peer.adminUp;
  }

  protected typeFlags(): LinkFlag[] {
    return ["BROADCAST", "MULTICAST"];
  }

  protected override stackedOnAnother(): boolean {
    return this.peer !== null;
  }

  /** iproute2 prints M-DOWN when the device it links to (the peer) is in the same namespace and not up. */
  protected override linkedPeerIsDown(): boolean {
    return this.peer !== null && this.peer.owner === this.owner && !this.peer.adminUp;
  }

  protected xmit(frame: Uint8Array): void {
    const peer = this.peer;
    if (!peer) return;
    this.env.queue.schedule({ after: VETH_LATENCY_US }, () => peer.receive(frame), `veth ${this.name}→${peer.name}`);
  }
}

export function createVethPair(
  env: LinkEnv,
  a: { owner: DeviceOwner; name: string; ifindex: number; mac: MacAddress },
  b: { owner: DeviceOwner; name: string; ifindex: number; mac: MacAddress },
): [VethDevice, VethDevice] {
  const first = new VethDevice(env, a.owner, a.name, a.ifindex, a.mac);
  const second = new VethDevice(env, b.owner, b.name, b.ifindex, b.mac);
  first.peer = second;
  second.peer = first;
  return [first, second];
}
