/**
 * The names `--icmp-type` accepts and `iptables -S` prints back
 * (icmp_codes[] in iptables' extensions/libxt_icmp.c / libipt_icmp.c), with
 * the type and code range each stands for. A type name alone covers every
 * code (0–255); "any" is type 255.
 */
export interface IcmpTypeName {
  readonly name: string;
  readonly type: number;
  readonly codeMin: number;
  readonly codeMax: number;
}

const ALL = [0, 0xff] as const;

function entry(name: string, type: number, code?: number): IcmpTypeName {
  return code === undefined ? { name, type, codeMin: ALL[0], codeMax: ALL[1] } : { name, type, codeMin: code, codeMax: code };
}

export const ICMP_TYPE_NAMES: readonly IcmpTypeName[] = [
  entry("any", 0xff),
  entry("echo-reply", 0),
  entry("destination-unreachable", 3),
  entry("network-unreachable", 3, 0),
  entry("host-unreachable", 3, 1),
  entry("protocol-unreachable", 3, 2),
  entry("port-unreachable", 3, 3),
  entry("fragmentation-needed", 3, 4),
  entry("source-route-failed", 3, 5),
  entry("network-unknown", 3, 6),
  entry("host-unknown", 3, 7),
  entry("network-prohibited", 3, 9),
  entry("host-prohibited", 3, 10),
  entry("TOS-network-unreachable", 3, 11),
  entry("TOS-host-unreachable", 3, 12),
  entry("communication-prohibited", 3, 13),
  entry("host-precedence-violation", 3, 14),
  entry("precedence-cutoff", 3, 15),
  entry("source-quench", 4),
  entry("redirect", 5),
  entry("network-redirect", 5, 0),
  entry("host-redirect", 5, 1),
  entry("TOS-network-redirect", 5, 2),
  entry("TOS-host-redirect", 5, 3),
  entry("echo-request", 8),
  entry("router-advertisement", 9),
  entry("router-solicitation", 10),
  entry("time-exceeded", 11),
  entry("ttl-zero-during-transit", 11, 0),
  entry("ttl-zero-during-reassembly", 11, 1),
  entry("parameter-problem", 12),
  entry("ip-header-bad", 12, 0),
  entry("required-option-missing", 12, 1),
  entry("timestamp-request", 13),
  entry("timestamp-reply", 14),
  entry("address-mask-request", 17),
  entry("address-mask-reply", 18),
];

/** Look a name up (iptables compares case-insensitively by prefix; exact names here). */
export function icmpTypeByName(name: string): IcmpTypeName | undefined {
  return ICMP_TYPE_NAMES.find((e) => e.name.toLowerCase() === name.toLowerCase());
}
