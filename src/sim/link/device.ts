/**
 * A network device (struct net_device): name, ifindex, MAC, MTU, admin state
 * and the carrier its kind derives. Kinds add how frames leave (`xmit`) and
 * where they arrive; the namespace that owns a device receives what reaches
 * its stack through `DeviceOwner`.
 *
 * Flags and operstate follow what `ip link` shows once linkwatch has settled
 * (KERNEL-PARITY-NOTES "Timing the kernel hides"): the model has no 1 s lag.
 */
import type { EventQueue, TraceLog } from "../core";
import type { MacAddress } from "../wire";

export type DeviceKind = "loopback" | "veth" | "bridge";

/** RFC 2863 operational state, as `ip link` prints it (IF_OPER_*). */
export type OperState = "UP" | "DOWN" | "LOWERLAYERDOWN" | "UNKNOWN";

/** Flag words in the order iproute2's print_link_flags() writes them. */
export type LinkFlag = "NO-CARRIER" | "LOOPBACK" | "BROADCAST" | "MULTICAST" | "UP" | "LOWER_UP" | "M-DOWN";

/** What a device needs from the world: the event queue for latency and the trace. */
export interface LinkEnv {
  readonly queue: EventQueue;
  readonly trace: TraceLog;
}

/** The namespace a device lives in, as the device sees it. */
export interface DeviceOwner {
  /** Namespace name for trace events ("" is the initial namespace). */
  readonly name: string;
  /** A frame reached the stack through `device` (after any bridge decided it is local). */
  deliverFrame(device: NetDevice, frame: Uint8Array): void;
}

/** A device a bridge can take as a port sees its master through this. */
export interface PortMaster {
  readonly device: NetDevice;
  /** A frame arrived on port `port` (the bridge's rx_handler). */
  portReceive(port: NetDevice, frame: Uint8Array): void;
}

/**
 * Virtual wire delay. Real veth/loopback hand a frame over within the same
 * softirq; a ping over a veth pair shows ~0.03–0.06 ms RTT on a quiet
 * machine (measured: 0.030 ms on lo, ~0.05 ms over veth). The model has no
 * per-packet CPU cost, so the wire carries the whole cost.
 */
export const VETH_LATENCY_US = 15;
export const LOOPBACK_LATENCY_US = 10;

export abstract class NetDevice {
  abstract readonly kind: DeviceKind;
  adminUp = false;
  /** A device gets its noqueue qdisc the first time it is opened; `ip link` shows "noop" before. */
  everUp = false;
  master: PortMaster | null = null;
  /** True once `ip link set … address` chose the MAC (a bridge then stops following its ports). */
  macAssigned = false;

  constructor(
    protected readonly env: LinkEnv,
    public owner: DeviceOwner,
    public name: string,
    public ifindex: number,
    public mac: MacAddress,
    public mtu: number,
  ) {}

  /** Physical-layer carrier (netif_carrier_ok). */
  abstract carrier(): boolean;

  /** Put `frame` on the wire; called once the frame-sent event is recorded and the device is ready. */
  protected abstract xmit(frame: Uint8Array): void;

  /** `ip link set up/down`. Kinds override to tell peers or masters. */
  setAdminUp(up: boolean): void {
    this.adminUp = up;
    if (up) this.everUp = true;
  }

  operState(): OperState {
    if (!this.adminUp) return "DOWN";
    if (this.carrier()) return "UP";
    // default_operstate(): a device stacked on another (iflink ≠ ifindex, e.g. a veth) is LOWERLAYERDOWN.
    return this.stackedOnAnother() ? "LOWERLAYERDOWN" : "DOWN";
  }

  /** The flags iproute2 prints between < >, in its order. */
  flags(): LinkFlag[] {
    const out: LinkFlag[] = [];
    const running = this.operState() === "UP" || this.operState() === "UNKNOWN";
    if (this.adminUp && !running) out.push("NO-CARRIER");
    out.push(...this.typeFlags());
    if (this.adminUp) out.push("UP");
    if (this.adminUp && this.carrier()) out.push("LOWER_UP");
    if (this.linkedPeerIsDown()) out.push("M-DOWN");
    return out;
  }

  qdisc(): "noop" | "noqueue" {
    return this.everUp ? "noqueue" : "noop";
  }

  /** Can the device carry a frame now (dev_queue_xmit would not drop it)? */
  ready(): boolean {
    return this.adminUp && this.carrier();
  }

  /** Send a frame out of this device, as dev_queue_xmit: recorded, then dropped if the device cannot carry it. */
  transmit(frame: Uint8Array): void {
    if (!this.ready()) {
      this.env.trace.emit({
        kind: "frame-dropped", namespace: this.owner.name, device: this.name, where: "dev_queue_xmit",
        reason: "DEV_READY", detail: `${this.name} is ${this.adminUp ? "without carrier" : "down"}`,
        bytes: frame.slice(), format: "ethernet",
      });
      return;
    }
    this.env.trace.emit({ kind: "frame-sent", namespace: this.owner.name, device: this.name, bytes: frame.slice() });
    this.xmit(frame);
  }

  /** A frame arrives from the wire (netif_receive_skb): recorded, then handed to the bridge or the stack. */
  receive(frame: Uint8Array): void {
    if (!this.adminUp) {
      this.env.trace.emit({
        kind: "frame-dropped", namespace: this.owner.name, device: this.name, where: "netif_receive_skb",
        reason: "DEV_READY", detail: `${this.name} is down`, bytes: frame.slice(), format: "ethernet",
      });
      return;
    }
    this.env.trace.emit({ kind: "frame-received", namespace: this.owner.name, device: this.name, bytes: frame.slice() });
    if (this.master) this.master.portReceive(this, frame);
    else this.owner.deliverFrame(this, frame);
  }

  protected abstract typeFlags(): LinkFlag[];

  protected stackedOnAnother(): boolean {
    return false;
  }

  protected linkedPeerIsDown(): boolean {
    return false;
  }
}
