/**
 * What differs between two runs of the same script in a socket listing:
 * ports the kernel picked from net.ipv4.ip_local_port_range (32768–60999
 * by default; KERNEL-PARITY-NOTES "Normalize before comparing": ephemeral
 * ports are chosen at random) and process ids. Well-known ports the script
 * chose stay facts.
 */

const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

export const EPHEMERAL = "<ephemeral>";

export function isEphemeralPort(port: number): boolean {
  return port >= EPHEMERAL_LOW && port <= EPHEMERAL_HIGH;
}

/** "10.0.0.1:45678" → "10.0.0.1:<ephemeral>"; other endpoints unchanged. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.replace(/:(\d+)$/, (whole, port: string) => (isEphemeralPort(Number(port)) ? `:${EPHEMERAL}` : whole));
}

/** pid=1234 → pid=<pid> (ss), "1234/nc" → "<pid>/nc" (netstat). */
export function normalizePids(text: string): string {
  return text.replace(/\bpid=\d+/g, "pid=<pid>").replace(/^\d+\//, "<pid>/");
}
