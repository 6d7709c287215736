/**
 * Choosing a local port when the program did not (net.ipv4.ip_local_port_range,
 * 32768–60999 by default). Since Linux 4.6 connect() and bind(0) search the
 * range from a random offset with opposite parities, so that connect() can
 * share a port among many destinations while bind() keeps finding free
 * ones (commit 07f4c90062f8, "tcp/dccp: try to not exhaust ip_local_port_range
 * in connect()"): __inet_hash_connect tries even ports first, then odd;
 * inet_csk_find_open_port odd first, then even. UDP (udp_lib_get_port)
 * takes any parity. The random start comes from the namespace's seeded RNG.
 */
import type { Rng } from "../../core";

export type PortPreference = "even" | "odd" | "any";

export function localPortRange(text: string): [number, number] {
  const [lo = 32768, hi = 60999] = text.split(/\s+/).map(Number);
  return [lo, hi];
}

/** The first port from a random start that `usable` accepts, trying the preferred parity first; undefined when none is free. */
export function pickEphemeralPort(range: readonly [number, number], rng: Rng, prefer: PortPreference, usable: (port: number) => boolean): number | undefined {
  const [lo, hi] = range;
  const size = hi - lo + 1;
  if (size <= 0) return undefined;
  const start = rng.intBetween(0, size - 1);
  if (prefer === "any") {
    for (let i = 0; i < size; i++) {
      const port = lo + ((start + i) % size);
      if (usable(port)) return port;
    }
    return undefined;
  }
  const first = prefer === "even" ? 0 : 1;
  for (const parity of [first, 1 - first]) {
    for (let i = 0; i < size; i++) {
      const port = lo + ((start + i) % size);
      if (port % 2 === parity && usable(port)) return port;
    }
  }
  return undefined;
}
