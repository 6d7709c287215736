/**
 * The loopback device (drivers/net/loopback.c): every frame sent comes back in
 * on itself. Its MAC is all zeros, MTU 65536, no ARP; operstate is UNKNOWN
 * when up, because loopback never reports carrier through linkwatch.
 */
import { ZERO_MAC } from "../wire";
import { LOOPBACK_LATENCY_US, NetDevice, type DeviceOwner, type LinkEnv, type LinkFlag, type OperState } from "./device";

export const LOOPBACK_MTU = 65536;

export class LoopbackDevice extends NetDevice {
  readonly kind = "loopback";

  constructor(env: LinkEnv, owner: DeviceOwner, ifindex = 1) {
    super(env, owner, "lo", ifindex, ZERO_MAC, LOOPBACK_MTU);
  }

  carrier(): boolean {
    return true;
  }

  override operState(): OperState {
    return this.adminUp ? "UNKNOWN" : "DOWN";
  }

  protected typeFlags(): LinkFlag[] {
    return ["LOOPBACK"];
  }

  protected xmit(frame: Uint8Array): void {
    this.env.queue.schedule({ after: LOOPBACK_LATENCY_US }, () => this.receive(frame), `lo rx ${this.owner.name}`);
  }
}
