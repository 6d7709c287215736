/**
 * A Linux bridge (net/bridge): a learning switch whose ports are other
 * devices (`ip link set DEV master BR`), and at the same time a device the
 * host's stack can use. No STP: a port forwards as soon as it is up with
 * carrier (br_port_state_selection without STP).
 *
 * Frames arriving on a port (br_handle_frame_finish): learn the source; a
 * broadcast/multicast goes to every other port and up to the host; a frame
 * for the bridge's or a port's own MAC goes up to the host; a known unicast
 * goes to its port (dropped if that is where it came from); an unknown
 * unicast floods to every other port.
 */
import { ZERO_MAC, isMulticastMac, parseEthernet, type MacAddress } from "../wire";
import { NetDevice, type DeviceOwner, type LinkEnv, type LinkFlag, type OperState, type PortMaster } from "./device";
import { DEFAULT_AGEING_TIME, Fdb } from "./fdb";
import { ETHERNET_MTU } from "./veth";

export class BridgeDevice extends NetDevice implements PortMaster {
  readonly kind = "bridge";
  readonly ports: NetDevice[] = [];
  readonly fdb: Fdb;

  constructor(env: LinkEnv, owner: DeviceOwner, name: string, ifindex: number, mac: MacAddress) {
    super(env, owner, name, ifindex, mac, ETHERNET_MTU);
    this.fdb = new Fdb(env.queue.clock, DEFAULT_AGEING_TIME);
  }

  get device(): NetDevice {
    return this;
  }

  /** No ports: carrier stays on (never switched off). With ports: on while at least one forwards. */
  carrier(): boolean {
    return this.ports.length === 0 || this.ports.some((p) => this.forwarding(p));
  }

  override operState(): OperState {
    if (!this.adminUp) return "DOWN";
    // Measured: an up bridge that never had a port shows "state UNKNOWN" with LOWER_UP.
    if (this.ports.length === 0) return "UNKNOWN";
    return this.carrier() ? "UP" : "DOWN";
  }

  protected typeFlags(): LinkFlag[] {
    return ["BROADCAST", "MULTICAST"];
  }

  addPort(port: NetDevice): void {
    this.ports.push(port);
    port.master = this;
    this.recalculateMac();
  }

  removePort(port: NetDevice): void {
    const at = this.ports.indexOf(port);
    if (at >= 0) this.ports.splice(at, 1);
    port.master = null;
    this.fdb.flushPort(port);
    this.recalculateMac();
  }

  /**
   * br_stp_recalculate_bridge_id(): unless an address was set by hand, the
   * bridge takes its lowest port MAC — and all zeros once the last port is
   * gone (measured: `link/ether 00:00:00:00:00:00` after removing it).
   */
  recalculateMac(): void {
    if (this.macAssigned) return;
    let lowest: MacAddress | null = null;
    for (const port of this.ports) if (lowest === null || port.mac < lowest) lowest = port.mac;
    this.mac = lowest ?? ZERO_MAC;
  }

  /** A port forwards when it and the bridge are up and it has carrier (no STP states beyond that). */
  forwarding(port: NetDevice): boolean {
    return this.adminUp && port.adminUp && port.carrier();
  }

  portReceive(port: NetDevice, frame: Uint8Array): void {
    if (!this.forwarding(port)) {
      this.#drop(port, frame, "BRIDGE_INGRESS_STP_STATE", `${port.name} is not forwarding`);
      return;
    }
    const eth = parseEthernet(frame);
    if (!eth.ok) {
      this.#drop(port, frame, "PKT_TOO_SMALL", "runt frame");
      return;
    }
    const { src, dst } = eth.value;
    if (!isMulticastMac(src) && !this.#isLocal(src)) this.fdb.learn(src, port);
    if (isMulticastMac(dst)) {
      this.#flood(frame, port);
      this.receive(frame);
      return;
    }
    if (this.#isLocal(dst)) {
      this.receive(frame);
      return;
    }
    const out = this.fdb.lookup(dst);
    if (out === undefined) this.#flood(frame, port);
    else if (out !== port) this.#forward(out, frame);
  }

  /** The host sends through the bridge (br_dev_xmit): to the learned port, or to every port. */
  protected xmit(frame: Uint8Array): void {
    const eth = parseEthernet(frame);
    if (!eth.ok) return;
    const out = isMulticastMac(eth.value.dst) ? undefined : this.fdb.lookup(eth.value.dst);
    if (out === undefined) this.#flood(frame, null);
    else this.#forward(out, frame);
  }

  #isLocal(mac: MacAddress): boolean {
    return mac === this.mac || this.ports.some((p) => p.mac === mac);
  }

  #flood(frame: Uint8Array, except: NetDevice | null): void {
    for (const port of this.ports) if (port !== except) this.#forward(port, frame);
  }

  #forward(port: NetDevice, frame: Uint8Array): void {
    if (this.forwarding(port)) port.transmit(frame);
  }

  #drop(port: NetDevice, frame: Uint8Array, reason: "BRIDGE_INGRESS_STP_STATE" | "PKT_TOO_SMALL", detail: string): void {
    this.env.trace.emit({
      kind: "frame-dropped", namespace: this.owner.name, device: port.name, where: "br_handle_frame",
      reason, detail, bytes: frame.slice(), format: "ethernet",
    });
  }
}


