/**
 * The ICMP type names of libxt_icmp (iptables 1.8.9, include/libiptc/
 * … xt_icmp_names): `--icmp-type NAME` takes any unambiguous prefix,
 * case-insensitively, and `iptables -L` prints the first name whose type and
 * code range match. Type 255 with codes 0–255 is `any`.
 */
export interface IcmpTypeName {
  readonly name: string;
  readonly type: number;
  readonly codeMin: number;
  readonly codeMax: number;
}

function entry(name: string, type: number, codeMin = 0, codeMax = 0xff): IcmpTypeName {
  return { name, type, codeMin, codeMax };
}

function code(name: string, type: number, value: number): IcmpTypeName {
  return entry(name, type, value, value);
}

export const ICMP_TYPE_NAMES: readonly IcmpTypeName[] = [
  entry("any", 0xff),
  entry("echo-reply", 0),
  // RFC 792
  entry("destination-unreachable", 3),
  code("network-unreachable", 3, 0),
  code("host-unreachable", 3, 1),
  code("protocol-unreachable", 3, 2),
  code("port-unreachable", 3, 3),
  code("fragmentation-needed", 3, 4),
  code("source-route-failed", 3, 5),
  code("network-unknown", 3, 6),
  code("host-unknown", 3, 7),
  code("network-prohibited", 3, 9),
  code("host-prohibited", 3, 10),
  code("TOS-network-unreachable", 3, 11),
  code("TOS-host-unreachable", 3, 12),
  code("communication-prohibited", 3, 13),
  code("host-precedence-violation", 3, 14),
  code("precedence-cutoff", 3, 15),
  entry("source-quench", 4),
  entry("redirect", 5),
  code("network-redirect", 5, 0),
  code("host-redirect", 5, 1),
  code("TOS-network-redirect", 5, 2),
  code("TOS-host-redirect", 5, 3),
  entry("echo-request", 8),
  entry("router-advertisement", 9),
  entry("router-solicitation", 10),
  entry("time-exceeded", 11),
  code("ttl-zero-during-transit", 11, 0),
  code("ttl-zero-during-reassembly", 11, 1),
  entry("parameter-problem", 12),
  code("ip-header-bad", 12, 0),
  code("required-option-missing", 12, 1),
  entry("timestamp-request", 13),
  entry("timestamp-reply", 14),
  entry("address-mask-request", 17),
  entry("address-mask-reply", 18),
];

/** The name `iptables -L` prints for a type and code range, or null. */
export function icmpTypeName(type: number, codeMin: number, codeMax: number): string | null {
  return ICMP_TYPE_NAMES.find((name) => name.type === type && name.codeMin === codeMin && name.codeMax === codeMax)?.name ?? null;
}
