/**
 * The TCP options Linux 6.x puts on its segments (tcp_options_write,
 * tcp_syn_options, tcp_synack_options, tcp_established_options), in its
 * byte layout, so a decode looks like a capture from a real machine:
 *
 *   SYN      mss 1460,sackOK,TS val 4157509929 ecr 0,nop,wscale 7
 *   SYN-ACK  mss 1460,sackOK,TS val 3162668535 ecr 4157509929,nop,wscale 7
 *   others   nop,nop,TS val 4157509932 ecr 3162668535
 *
 * A SYN-ACK offers only what the SYN offered (RFC 7323 §2.2, RFC 2018 §2).
 * The window-scale shift comes from the largest receive buffer
 * (tcp_rmem[2] = 6 MiB on a stock Debian 12 kernel → 7, tcp_select_initial_window).
 */
import type { TcpOption } from "../../wire";

export const LINUX_WSCALE = 7;

/** What a SYN (or SYN-ACK) told us about the peer. */
export interface PeerOptions {
  readonly mss?: number;
  readonly sackPermitted: boolean;
  readonly timestamps?: { readonly tsval: number; readonly tsecr: number };
  readonly windowScale?: number;
}

export function readPeerOptions(options: readonly TcpOption[]): PeerOptions {
  let mss: number | undefined;
  let sackPermitted = false;
  let timestamps: PeerOptions["timestamps"];
  let windowScale: number | undefined;
  for (const o of options) {
    if (o.kind === "mss") mss = o.value;
    else if (o.kind === "sack-permitted") sackPermitted = true;
    else if (o.kind === "timestamps") timestamps = { tsval: o.tsval, tsecr: o.tsecr };
    else if (o.kind === "window-scale") windowScale = Math.min(o.shift, 14);
  }
  return { sackPermitted, ...(mss !== undefined ? { mss } : {}), ...(timestamps ? { timestamps } : {}), ...(windowScale !== undefined ? { windowScale } : {}) };
}

export function synOptions(mss: number, tsval: number): TcpOption[] {
  return [
    { kind: "mss", value: mss },
    { kind: "sack-permitted" },
    { kind: "timestamps", tsval, tsecr: 0 },
    { kind: "nop" },
    { kind: "window-scale", shift: LINUX_WSCALE },
  ];
}

export function synAckOptions(mss: number, tsval: number, peer: PeerOptions): TcpOption[] {
  const options: TcpOption[] = [{ kind: "mss", value: mss }];
  if (peer.sackPermitted && peer.timestamps) {
    options.push({ kind: "sack-permitted" }, { kind: "timestamps", tsval, tsecr: peer.timestamps.tsval });
  } else if (peer.timestamps) {
    options.push({ kind: "nop" }, { kind: "nop" }, { kind: "timestamps", tsval, tsecr: peer.timestamps.tsval });
  } else if (peer.sackPermitted) {
    options.push({ kind: "nop" }, { kind: "nop" }, { kind: "sack-permitted" });
  }
  if (peer.windowScale !== undefined) options.push({ kind: "nop" }, { kind: "window-scale", shift: LINUX_WSCALE });
  return options;
}

export function establishedOptions(tsval: number, tsecr: number): TcpOption[] {
  return [{ kind: "nop" }, { kind: "nop" }, { kind: "timestamps", tsval, tsecr }];
}

/**
 * The window a SYN or SYN-ACK advertises (unscaled, RFC 7323 §2.2): the
 * initial receive window rounded down to whole segments (tcp_select_initial_window):
 * 64240 = 44 × 1460 on Ethernet, 65160 = 45 × 1448 in a SYN-ACK whose
 * segments will carry timestamps; 65495 on loopback.
 */
export function initialWindow(segmentSize: number): number {
  return Math.floor(65535 / segmentSize) * segmentSize;
}
