/**
 * How iputils ping words an ICMP error about one of its echo requests
 * (ping/ping.c, pr_icmph, iputils 20221126) — the text after
 * "From 10.0.1.1 icmp_seq=1 ". Types and codes: RFC 792, RFC 1812 §5.2.7.1.
 */

const UNREACHABLE: readonly string[] = [
  "Destination Net Unreachable",
  "Destination Host Unreachable",
  "Destination Protocol Unreachable",
  "Destination Port Unreachable",
  "Frag needed and DF set",
  "Source Route Failed",
  "Destination Net Unknown",
  "Destination Host Unknown",
  "Source Host Isolated",
  "Destination Net Prohibited",
  "Destination Host Prohibited",
  "Destination Net Unreachable for Type of Service",
  "Destination Host Unreachable for Type of Service",
  "Packet filtered",
  "Precedence Violation",
  "Precedence Cutoff",
];

export function describeIcmpError(type: number, code: number, nextHopMtu: number): string {
  switch (type) {
    case 3:
      if (code === 4) return `Frag needed and DF set (mtu = ${nextHopMtu})`;
      return UNREACHABLE[code] ?? `Dest Unreachable, Bad Code: ${code}`;
    case 4:
      return "Source Quench";
    case 5:
      return ["Redirect Network", "Redirect Host", "Redirect Type of Service and Network", "Redirect Type of Service and Host"][code] ?? `Redirect, Bad Code: ${code}`;
    case 11:
      return code === 0 ? "Time to live exceeded" : code === 1 ? "Frag reassembly time exceeded" : `Time exceeded, Bad Code: ${code}`;
    case 12:
      return "Parameter problem";
    default:
      return `Bad ICMP type: ${type}`;
  }
}
