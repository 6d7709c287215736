/**
 * What netfilter needs from the namespace it runs in. Netfilter sits below
 * the IP stack in the layer ladder, so the stack hands it this interface
 * (stack/netfilter-host.ts) instead of netfilter importing the stack.
 */
import type { Ipv4Address } from "../addr";
import type { Clock, Rng, TraceEventBody } from "../core";
import type { NetDevice } from "../link";
import type { KernelLog } from "./kernel-log";

export interface NetfilterHost {
  /** The namespace's name for trace events ("" is the initial namespace). */
  readonly namespace: string;
  /** LOG writes only from the initial namespace unless nf_log_all_netns. */
  readonly isInitNamespace: boolean;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly kernelLog: KernelLog;
  emit(event: TraceEventBody): void;
  /** REJECT with an ICMP error: icmp_send() about `offending` (rate limits apply). */
  sendIcmpError(offending: Uint8Array, type: number, code: number): void;
  /** REJECT --reject-with tcp-reset: nf_send_reset() answering `offending`. */
  sendTcpReset(offending: Uint8Array): void;
  /** MASQUERADE: the address the out device would use towards `nexthop` (inet_select_addr); undefined if it has none. */
  masqueradeAddress(out: NetDevice, nexthop: Ipv4Address | undefined): Ipv4Address | undefined;
  /** REDIRECT in PREROUTING: the first address of the receiving device. */
  primaryAddress(dev: NetDevice): Ipv4Address | undefined;
}
