/**
 * What iptables asks the system while it reads its command line, before it
 * talks to the kernel: does a jump target chain exist (`-j FOO` →
 * "Chain 'FOO' does not exist"), and what does a host name resolve to.
 */
import type { Ipv4Address } from "../../../addr";
import type { TableName } from "../../../netfilter/hooks";

export interface IptablesLookup {
  /** A chain of this name (built-in or user) exists in the table. */
  chainExists(table: TableName, chain: string): boolean;
  /**
   * getaddrinfo(3) for `-s NAME`: its IPv4 addresses ([] = not found,
   * "host/network `NAME' not found"). Absent: host names are answered as not
   * supported by this simulator.
   */
  resolveHost?(name: string): readonly Ipv4Address[];
}
