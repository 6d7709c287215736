/**
 * The machine's kernel ring buffer (printk), which `dmesg` prints: each
 * record has the virtual time it was written, a syslog level (0 emerg … 7
 * debug; the LOG target's default is 4, warning) and the text. Records are
 * kept in order; the oldest go once the buffer holds `capacity` (the real
 * buffer is 2^17 bytes by default; a count is close enough here).
 *
 * `logAllNetns` is net.netfilter.nf_log_all_netns (an initial-namespace
 * sysctl, default 0): while it is 0 the LOG target writes nothing for
 * packets in any namespace but the initial one (nf_log_allowed() in
 * net/netfilter/nf_log_syslog.c) — a LOG rule inside `ip netns exec ns1`
 * counts packets but leaves dmesg empty.
 */
import type { Clock, SimTime } from "../core";

export interface KernelLogRecord {
  readonly time: SimTime;
  readonly level: number;
  readonly text: string;
}

export class KernelLog {
  logAllNetns = false;
  #records: KernelLogRecord[] = [];

  constructor(private readonly clock: Clock, private readonly capacity = 4096) {}

  write(level: number, text: string): void {
    this.#records.push({ time: this.clock.now(), level, text });
    if (this.#records.length > this.capacity) this.#records.splice(0, this.#records.length - this.capacity);
  }

  records(): readonly KernelLogRecord[] {
    return this.#records;
  }

  /** `dmesg -C`. */
  clear(): void {
    this.#records = [];
  }
}
