/**
 * The ICMP type names of libxt_icmp (iptables 1.8.9): `--icmp-type NAME`
 * takes any unambiguous prefix, case-insensitively, and `iptables -L` prints
 * the first name whose type and code range match. The table itself is the
 * engine's (netfilter/icmp-type-names.ts): one list for matching and printing.
 */
import { ICMP_TYPE_NAMES, type IcmpTypeName } from "../../../netfilter";

export { ICMP_TYPE_NAMES, type IcmpTypeName };

/** The name `iptables -L` prints for a type and code range, or null. */
export function icmpTypeName(type: number, codeMin: number, codeMax: number): string | null {
  return ICMP_TYPE_NAMES.find((name) => name.type === type && name.codeMin === codeMin && name.codeMax === codeMax)?.name ?? null;
}
