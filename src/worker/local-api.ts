/**
 * The simulation API implemented by calling the core directly. The worker
 * exposes exactly this object; Node tests and the CLI use it in-process, so
 * both run the same code.
 */
import { describeSubnet, planBorrow, planSplits } from "../sim/addr/explorer";
import type { RemoteSimApi, SimApi } from "./api";

export function createSimApi(onCrash: () => void = () => {
  throw new Error("crashForTesting: the simulator was asked to crash");
}): SimApi {
  return {
    hello: () => "wirebook-sim",
    describeSubnet,
    planSplits,
    planBorrow,
    crashForTesting: onCrash,
  };
}

/** An in-process `RemoteSimApi` for component tests: the real core, no worker. */
export function createInProcessApi(): RemoteSimApi {
  const api = createSimApi();
  return {
    hello: async () => api.hello(),
    describeSubnet: async (input, options) => api.describeSubnet(input, options),
    planSplits: async (root, split, options) => api.planSplits(root, split, options),
    planBorrow: async (network, subnets) => api.planBorrow(network, subnets),
    crashForTesting: async () => api.crashForTesting(),
  };
}
