/**
 * The operations the explorer's planners need, for either family, so one
 * planner serves IPv4 (number arithmetic) and IPv6 (bigint arithmetic).
 */
import type { IpFamily, SubnetFacts } from "./explorer-types";
import type { AddressInput } from "./address-input";
import { formatIpv4 } from "./ipv4";
import { type Ipv4Cidr, formatIpv4Cidr, ipv4Canonical, ipv4UsableHostCount } from "./ipv4-cidr";
import { ipv4PrefixToMask } from "./ipv4-mask";
import { ipv4Halves, ipv4Subnets } from "./ipv4-split";
import { type Ipv6Cidr, formatIpv6Cidr, ipv6AddressCount, ipv6Canonical, ipv6PrefixToMask } from "./ipv6-cidr";
import { formatIpv6 } from "./ipv6-format";
import { ipv6Halves, ipv6Subnets } from "./ipv6-split";
import { ipv4SubnetFacts, ipv6SubnetFacts } from "./subnet-facts";

export interface BlockOps<C extends { prefix: number }> {
  family: IpFamily;
  bits: number;
  /** The parsed input as a block of this family (host bits kept), or null for the other family. */
  fromInput(input: AddressInput): C | null;
  canonical(block: C): C;
  format(block: C): string;
  halves(block: C): readonly [C, C] | null;
  subnets(block: C, newPrefix: number, limit: number): C[];
  facts(block: C, cloud: boolean): SubnetFacts;
  maskText(prefix: number): string;
  /** Usable hosts in one block of this length, without cloud reservations. */
  hostsPerBlock(prefix: number): string;
}

export const IPV4_OPS: BlockOps<Ipv4Cidr> = {
  family: 4,
  bits: 32,
  fromInput: (input) => (input.family === 4 ? { address: input.address, prefix: input.prefix } : null),
  canonical: ipv4Canonical,
  format: formatIpv4Cidr,
  halves: ipv4Halves,
  subnets: ipv4Subnets,
  facts: (block, cloud) => ipv4SubnetFacts(block.address, block.prefix, cloud),
  maskText: (prefix) => formatIpv4(ipv4PrefixToMask(prefix)),
  hostsPerBlock: (prefix) => String(ipv4UsableHostCount(prefix)),
};

export const IPV6_OPS: BlockOps<Ipv6Cidr> = {
  family: 6,
  bits: 128,
  fromInput: (input) => (input.family === 6 ? { address: input.address, prefix: input.prefix } : null),
  canonical: ipv6Canonical,
  format: formatIpv6Cidr,
  halves: ipv6Halves,
  subnets: ipv6Subnets,
  facts: (block, cloud) => ipv6SubnetFacts(block.address, block.prefix, cloud),
  maskText: (prefix) => formatIpv6(ipv6PrefixToMask(prefix)),
  hostsPerBlock: (prefix) => ipv6AddressCount(prefix).toString(),
};

/** Something to do with a block of either family, written once. */
export type BlockTask<R> = <C extends { prefix: number }>(ops: BlockOps<C>, block: C) => R;

/** Run `task` with the parsed input's block (as typed, host bits kept) and its family's operations. */
export function withBlock<R>(input: AddressInput, task: BlockTask<R>): R {
  return input.family === 4
    ? task(IPV4_OPS, { address: input.address, prefix: input.prefix })
    : task(IPV6_OPS, { address: input.address, prefix: input.prefix });
}
