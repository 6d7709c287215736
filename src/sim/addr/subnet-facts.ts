/**
 * Everything the subnet explorer shows about one address/prefix, computed
 * for IPv4 or IPv6, with or without the cloud's reservations. Counts travel
 * as decimal strings (a /0 IPv6 block holds 2^128 addresses).
 */
import type { SubnetFacts } from "./explorer-types";
import { type Ipv4Address, formatIpv4, ipv4Bits, ipv4FromNumber } from "./ipv4";
import { ipv4ClassOf } from "./ipv4-class";
import {
  type Ipv4Cidr,
  formatIpv4Cidr,
  ipv4AddressCount,
  ipv4Broadcast,
  ipv4Canonical,
  ipv4FirstUsable,
  ipv4LastAddress,
  ipv4LastUsable,
  ipv4Network,
  ipv4UsableHostCount,
} from "./ipv4-cidr";
import { ipv4PrefixToMask, ipv4Wildcard } from "./ipv4-mask";
import { ipv4SpecialRange } from "./ipv4-special";
import { type Ipv6Address, ipv6Bits, ipv6FromBigInt } from "./ipv6";
import {
  type Ipv6Cidr,
  formatIpv6Cidr,
  ipv6AddressCount,
  ipv6Canonical,
  ipv6LastAddress,
  ipv6Network,
  ipv6PrefixToMask,
} from "./ipv6-cidr";
import { formatIpv6 } from "./ipv6-format";
import { ipv6SpecialRange } from "./ipv6-special";
import { AWS_RESERVED_PER_SUBNET, awsReservedIpv4, awsReservedIpv6 } from "./cloud-reservations";

/** First and last host AWS leaves you: after network, router, DNS and spare; before the last address. */
const CLOUD_FIRST_OFFSET = 4;

export function ipv4SubnetFacts(address: Ipv4Address, prefix: number, cloud: boolean): SubnetFacts {
  const cidr: Ipv4Cidr = { address, prefix };
  const total = ipv4AddressCount(prefix);
  const usable = cloud ? Math.max(0, total - AWS_RESERVED_PER_SUBNET) : ipv4UsableHostCount(prefix);
  const [first, last] = cloud ? ipv4CloudUsable(cidr, usable) : [ipv4FirstUsable(cidr), ipv4LastUsable(cidr)];
  const broadcast = ipv4Broadcast(cidr);
  return {
    family: 4,
    address: formatIpv4(address),
    prefix,
    cidr: formatIpv4Cidr(ipv4Canonical(cidr)),
    mask: formatIpv4(ipv4PrefixToMask(prefix)),
    wildcard: formatIpv4(ipv4Wildcard(prefix)),
    network: formatIpv4(ipv4Network(cidr)),
    broadcast: broadcast === null ? null : formatIpv4(broadcast),
    firstUsable: first === null ? null : formatIpv4(first),
    lastUsable: last === null ? null : formatIpv4(last),
    totalAddresses: String(total),
    usableHosts: String(usable),
    addressBits: ipv4Bits(address),
    maskBits: ipv4Bits(ipv4PrefixToMask(prefix)),
    ipv4Class: ipv4ClassOf(address),
    special: ipv4SpecialRange(address),
    reserved: cloud ? awsReservedIpv4(cidr) : null,
  };
}

function ipv4CloudUsable(cidr: Ipv4Cidr, usable: number): [Ipv4Address | null, Ipv4Address | null] {
  if (usable === 0) return [null, null];
  return [ipv4FromNumber(ipv4Network(cidr) + CLOUD_FIRST_OFFSET), ipv4FromNumber(ipv4LastAddress(cidr) - 1)];
}

/**
 * IPv6 has no broadcast and no classes; without the cloud every address of
 * the block counts (ipcalc's convention — the all-zeros Subnet-Router
 * anycast address of RFC 4291 §2.6.1 is still an address a router answers).
 */
export function ipv6SubnetFacts(address: Ipv6Address, prefix: number, cloud: boolean): SubnetFacts {
  const cidr: Ipv6Cidr = { address, prefix };
  const total = ipv6AddressCount(prefix);
  const reservedCount = BigInt(AWS_RESERVED_PER_SUBNET);
  const usable = !cloud ? total : total > reservedCount ? total - reservedCount : 0n;
  const network = ipv6Network(cidr);
  const lastAddress = ipv6LastAddress(cidr);
  const hasHosts = usable > 0n;
  const first = !hasHosts ? null : cloud ? ipv6FromBigInt(network + BigInt(CLOUD_FIRST_OFFSET)) : network;
  const last = !hasHosts ? null : cloud ? ipv6FromBigInt(lastAddress - 1n) : lastAddress;
  return {
    family: 6,
    address: formatIpv6(address),
    prefix,
    cidr: formatIpv6Cidr(ipv6Canonical(cidr)),
    mask: formatIpv6(ipv6PrefixToMask(prefix)),
    wildcard: null,
    network: formatIpv6(network),
    broadcast: null,
    firstUsable: first === null ? null : formatIpv6(first),
    lastUsable: last === null ? null : formatIpv6(last),
    totalAddresses: total.toString(),
    usableHosts: usable.toString(),
    addressBits: ipv6Bits(address),
    maskBits: ipv6Bits(ipv6PrefixToMask(prefix)),
    ipv4Class: null,
    special: ipv6SpecialRange(address),
    reserved: cloud ? awsReservedIpv6(cidr) : null,
  };
}
