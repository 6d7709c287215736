/**
 * Data shapes the subnet explorer's model returns. The model lives in the
 * simulation core (it is networking logic); the widget only renders these.
 * All values are JSON-safe so they cross the worker boundary unchanged:
 * 128-bit quantities travel as decimal strings, never as bigint.
 */

export type IpFamily = 4 | 6;

/** Why an input was rejected, phrased for a student, with where it went wrong. */
export interface InputProblem {
  /** One sentence, e.g. "256 is not a valid octet: each part is 0–255." */
  message: string;
  /** 0-based character offset into the input where the problem starts, if known. */
  offset?: number;
  /** What to try instead, e.g. "Did you mean 255.255.255.224 (/27)?" */
  hint?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** A named special-purpose range the address falls in (RFC 6890 registry and friends). */
export interface SpecialRange {
  cidr: string;
  name: string;   // "Private-Use", "Loopback", "Shared Address Space (CGNAT)", …
  rfc: string;    // "RFC 1918"
}

/** One address the cloud (AWS VPC) reserves in a subnet, with the reason. */
export interface ReservedAddress {
  address: string;
  purpose: string; // "network address", "VPC router", "DNS server", "reserved for future use", "broadcast"
}

export interface SubnetFacts {
  family: IpFamily;
  /** The address as typed, normalised (e.g. "10.0.3.7", "2001:db8::1"). */
  address: string;
  prefix: number;
  /** Canonical block, e.g. "10.0.0.0/16". */
  cidr: string;
  /** Dotted mask for IPv4 ("255.255.0.0"); for IPv6 the mask in compressed form. */
  mask: string;
  /** Wildcard (inverse) mask, IPv4 only. */
  wildcard: string | null;
  network: string;
  /** Broadcast address, IPv4 only and only when the prefix is ≤ 30. */
  broadcast: string | null;
  firstUsable: string | null;
  lastUsable: string | null;
  /** Number of addresses in the block, decimal. */
  totalAddresses: string;
  /** Usable hosts (RFC 3021 /31 and /32 handled; cloud mode subtracts the reservations). */
  usableHosts: string;
  /** The address as '0'/'1' characters, 32 or 128 long; the first `prefix` are the network part. */
  addressBits: string;
  maskBits: string;
  /** Classful class of an IPv4 address and that class's default prefix (historic, RFC 791). */
  ipv4Class: { letter: "A" | "B" | "C" | "D" | "E"; defaultPrefix: number | null } | null;
  special: SpecialRange | null;
  /** Present in cloud mode: the five addresses AWS reserves in every subnet. */
  reserved: ReservedAddress[] | null;
}

export interface ExplorerOptions {
  /** Reserve the first four and the last address of each subnet, as AWS VPC does. */
  cloud: boolean;
}

/**
 * A block divided into subnets, shown the way visual subnet calculators do:
 * one row per leaf subnet, plus the tree of splits so the UI can draw "join"
 * cells that span the leaves they would merge.
 */
export interface SplitPlan {
  root: string;                 // canonical CIDR
  leaves: SplitLeaf[];          // in address order
  /** Internal nodes (blocks that are split), each spanning leaves [firstLeaf, lastLeaf]. */
  nodes: SplitNode[];
  /** How many more times the deepest leaf can be halved (0 when it is a single address). */
  maxPrefix: number;
}

export interface SplitLeaf {
  cidr: string;
  depth: number;               // splits below the root
  facts: SubnetFacts;
  /** Whether this leaf may be split again (prefix < family max, and ≥ /28 in cloud mode for AWS). */
  canSplit: boolean;
}

export interface SplitNode {
  cidr: string;
  depth: number;
  firstLeaf: number;
  lastLeaf: number;
}

/** "N subnets out of this network": how many bits to borrow and what that yields. */
export interface BorrowPlan {
  network: string;             // canonical CIDR of the starting network
  subnetsWanted: number;
  borrowedBits: number;
  newPrefix: number;
  newMask: string;
  subnetsMade: string;         // 2^borrowedBits, decimal
  hostsPerSubnet: string;      // usable hosts in each new subnet
  /** The first subnets (at most 64), so a lesson can show the list. */
  subnets: string[];
}
