/**
 * ping's counters and its closing report (iputils ping_common.c: acknowledge,
 * gather_statistics, finish), in integer µs as iputils keeps them.
 */
import type { SimTime } from "../core";

export class PingStatistics {
  transmitted = 0;
  received = 0;
  duplicates = 0;
  errors = 0;
  /** The most requests ever in flight when one was answered (printed as "pipe N" when > 1). */
  pipe = 0;
  minRtt = Infinity;
  maxRtt = 0;
  sumRtt = 0;
  sumSquares = 0;
  firstSend: SimTime | undefined;
  lastSend: SimTime | undefined;
  readonly #seen = new Set<number>();

  transmit(now: SimTime): void {
    this.transmitted++;
    this.firstSend ??= now;
    this.lastSend = now;
  }

  /** A reply; returns true for a duplicate (the sequence was already answered). */
  reply(sequence: number, rtt: number): boolean {
    this.#acknowledge(sequence);
    this.minRtt = Math.min(this.minRtt, rtt);
    this.maxRtt = Math.max(this.maxRtt, rtt);
    this.sumRtt += rtt;
    this.sumSquares += rtt * rtt;
    if (this.#seen.has(sequence)) {
      this.duplicates++;
      return true;
    }
    this.#seen.add(sequence);
    this.received++;
    return false;
  }

  error(sequence: number): void {
    this.#acknowledge(sequence);
    this.errors++;
  }

  #acknowledge(sequence: number): void {
    const inFlight = ((this.transmitted - sequence) & 0xffff) + 1;
    if (inFlight <= 0x8000) this.pipe = Math.max(this.pipe, inFlight);
  }
}

const three = (us: number): string => `${Math.floor(us / 1000)}.${String(Math.floor(us % 1000)).padStart(3, "0")}`;

/** printf("%g") for the loss percentage: six significant digits, no trailing zeros. */
export function formatG(value: number): string {
  if (value === 0) return "0";
  const fixed = value.toPrecision(6);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** finish(): the blank line, the summary, and the rtt line when anything came back. */
export function formatPingStatistics(name: string, s: PingStatistics): string {
  let text = `\n--- ${name} ping statistics ---\n${s.transmitted} packets transmitted, ${s.received} received`;
  if (s.duplicates) text += `, +${s.duplicates} duplicates`;
  if (s.errors) text += `, +${s.errors} errors`;
  if (s.transmitted) {
    const elapsed = (s.lastSend ?? 0) - (s.firstSend ?? 0);
    text += `, ${formatG(((s.transmitted - s.received) * 100) / s.transmitted)}% packet loss, time ${Math.floor((elapsed + 500) / 1000)}ms`;
  }
  text += "\n";
  let tail = "";
  if (s.received + s.duplicates > 0) {
    const total = s.received + s.duplicates;
    const avg = Math.floor(s.sumRtt / total);
    const variance = Math.floor((s.sumSquares - Math.floor((s.sumRtt * s.sumRtt) / total)) / total);
    const mdev = Math.floor(Math.sqrt(variance));
    tail = `rtt min/avg/max/mdev = ${three(s.minRtt)}/${three(avg)}/${three(s.maxRtt)}/${three(mdev)} ms`;
  }
  if (s.pipe > 1) tail += `${tail ? ", " : ""}pipe ${s.pipe}`;
  return `${text}${tail}\n`;
}
