/**
 * The one typed API the simulation worker exposes (via comlink). The UI sees
 * it only as `RemoteSimApi`: every call is asynchronous and every value is
 * structured-clone safe.
 */
import type {
  BorrowPlan,
  Checked,
  ExplorerOptions,
  SplitPlan,
  SubnetFacts,
} from "../sim/addr/explorer-types";

export interface SimApi {
  /** Round-trip check used at start-up and by health probes. */
  hello(): string;
  /** Facts about one address/prefix, e.g. "10.0.3.7/16", "192.168.1.9 255.255.255.0", "2001:db8::/48". */
  describeSubnet(input: string, options: ExplorerOptions): Checked<SubnetFacts>;
  /** A block with some of its sub-blocks split in halves (`split` lists the CIDRs that are divided). */
  planSplits(root: string, split: readonly string[], options: ExplorerOptions): Checked<SplitPlan>;
  /** "N subnets out of NETWORK": the bits to borrow and the resulting subnets. */
  planBorrow(network: string, subnets: number): Checked<BorrowPlan>;
  /** Deliberately kills the worker; lets tests and the UI prove recovery works. */
  crashForTesting(): void;
}

/** How the UI sees the API: the same methods, each returning a promise. */
export type RemoteSimApi = {
  [K in keyof SimApi]: (...args: Parameters<SimApi[K]>) => Promise<Awaited<ReturnType<SimApi[K]>>>;
};
