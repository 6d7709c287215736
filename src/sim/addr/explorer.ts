/**
 * The subnet explorer's model: what the widget asks the simulator (through
 * the worker API) and gets back as plain JSON-safe data.
 */
import type { Checked, ExplorerOptions, SubnetFacts } from "./explorer-types";
import { type AddressInput, parseAddressInput } from "./address-input";
import { AWS_SUBNET_PREFIXES, awsAllowsSubnet } from "./cloud-reservations";
import { withBlock } from "./block-ops";
import { type Failed, fail, ok } from "./problem";

export { planSplits } from "./split-plan";
export { planBorrow } from "./borrow-plan";

/**
 * Facts about one address and prefix ("10.0.3.7/16", "192.168.1.9
 * 255.255.255.0", "2001:db8::/48"). In cloud mode a size AWS would refuse
 * is a problem rather than a quiet fact: the reservations make no sense for
 * a /30, and "AWS won't create this" is the lesson.
 */
export function describeSubnet(input: string, options: ExplorerOptions): Checked<SubnetFacts> {
  const parsed = parseAddressInput(input);
  if (!parsed.ok) return parsed;
  if (options.cloud) {
    const refused = awsSubnetSizeProblem(parsed.value);
    if (refused) return refused;
  }
  return ok(withBlock(parsed.value, (ops, block) => ops.facts(block, options.cloud)));
}

function awsSubnetSizeProblem(input: AddressInput): Failed | null {
  const { family, prefix, prefixAt, prefixSource } = input;
  if (awsAllowsSubnet(family, prefix)) return null;
  const cidr = withBlock(input, (ops, block) => ops.format(ops.canonical(block)));
  const addPrefix = prefixSource === "default" ? "A bare address is a single host; add the subnet's prefix. " : "";
  const offCloud = "Turn off cloud mode to see the plain facts.";
  if (family === 6) {
    const hint = prefix < 64 ? "A VPC's /56 holds 256 subnets of /64: split it into /64s. " : "";
    return fail(`AWS IPv6 subnets are always /64; ${cidr} is a /${prefix}.`, prefixAt, `${addPrefix}${hint}${offCloud}`);
  }
  const { shortest, longest } = AWS_SUBNET_PREFIXES[4];
  if (prefix > longest) {
    return fail(
      `AWS subnets are /${shortest} to /${longest}; ${cidr} is smaller than AWS allows.`,
      prefixAt,
      `${addPrefix}The smallest AWS subnet is a /28: 16 addresses, 11 usable after the 5 AWS reserves. ${offCloud}`,
    );
  }
  return fail(
    `AWS subnets are /${shortest} to /${longest}; ${cidr} is larger than AWS allows.`,
    prefixAt,
    `The largest AWS subnet (and VPC block) is a /16 of 65,536 addresses: split this block into /16s. ${offCloud}`,
  );
}
