/**
 * AWS VPC subnet rules ("Subnet CIDR blocks" in the Amazon VPC User Guide):
 * IPv4 subnets are /16 to /28, IPv6 subnets are /64, and in every subnet
 * the first four addresses and the last one are reserved — the network
 * address, the VPC router (+1), the Amazon DNS server (+2; the resolver
 * actually answers at the VPC base + 2, but +2 is held in every subnet),
 * one for future use (+3), and the last address, which AWS calls the
 * broadcast address although VPCs do not support broadcast.
 */
import type { IpFamily, ReservedAddress } from "./explorer-types";
import { formatIpv4, ipv4FromNumber } from "./ipv4";
import { type Ipv4Cidr, ipv4LastAddress, ipv4Network } from "./ipv4-cidr";
import { ipv6FromBigInt } from "./ipv6";
import { type Ipv6Cidr, ipv6LastAddress, ipv6Network } from "./ipv6-cidr";
import { formatIpv6 } from "./ipv6-format";

export const AWS_RESERVED_PER_SUBNET = 5;

export interface PrefixRange {
  shortest: number;
  longest: number;
}

/** Subnet sizes AWS accepts. */
export const AWS_SUBNET_PREFIXES: Readonly<Record<IpFamily, PrefixRange>> = {
  4: { shortest: 16, longest: 28 },
  6: { shortest: 64, longest: 64 },
};

/**
 * VPC block sizes: IPv4 VPCs are /16 to /28 like their subnets; an IPv6 VPC
 * gets a /56 from Amazon or /44–/60 from an IPAM pool, and is carved into /64s.
 */
export const AWS_VPC_PREFIXES: Readonly<Record<IpFamily, PrefixRange>> = {
  4: { shortest: 16, longest: 28 },
  6: { shortest: 44, longest: 64 },
};

const PURPOSES = ["network address", "VPC router", "DNS server", "reserved for future use"] as const;
const LAST_PURPOSE = "broadcast (reserved: VPCs do not support broadcast)";

export function awsReservedIpv4(cidr: Ipv4Cidr): ReservedAddress[] {
  const network = ipv4Network(cidr);
  const reserved = PURPOSES.map((purpose, i) => ({ address: formatIpv4(ipv4FromNumber(network + i)), purpose }));
  return [...reserved, { address: formatIpv4(ipv4LastAddress(cidr)), purpose: LAST_PURPOSE }];
}

export function awsReservedIpv6(cidr: Ipv6Cidr): ReservedAddress[] {
  const network = ipv6Network(cidr);
  const reserved = PURPOSES.map((purpose, i) => ({ address: formatIpv6(ipv6FromBigInt(network + BigInt(i))), purpose }));
  return [...reserved, { address: formatIpv6(ipv6LastAddress(cidr)), purpose: "last address (reserved)" }];
}

/** Whether AWS would create a subnet of this size. */
export function awsAllowsSubnet(family: IpFamily, prefix: number): boolean {
  const range = AWS_SUBNET_PREFIXES[family];
  return prefix >= range.shortest && prefix <= range.longest;
}
