/**
 * Choosing a connection's NAT mapping (nf_nat_setup_info / get_unique_tuple
 * in net/netfilter/nf_nat_core.c): the tuple its packets will carry after
 * the rewrite, chosen in the target's range and unique among tracked
 * connections, recorded by changing the connection's reply tuple.
 *
 * - Source NAT keeps the packet's own address and port when they are in
 *   range and nobody else uses the resulting tuple; otherwise an address is
 *   picked by hashing source and destination (stable per client), then a
 *   port: in the given range, or — with no range — in the same class as the
 *   original (1–511, 600–1023, 1024–65535), starting at a random offset.
 *   ICMP queries get a free echo identifier the same way.
 * - Destination NAT never changes a port unless --to-destination gives one.
 * - A connection no nat rule mapped gets a null binding at each NAT hook
 *   (nf_nat_alloc_null_binding), which only moves a port if the tuple
 *   clashes with another connection.
 */
import { fmix32, type Rng } from "../../core";
import type { Ipv4Address } from "../../addr";
import { IpProtocol } from "../../wire";
import type { NatManip } from "../hooks";
import type { PortRange } from "../rule";
import type { Connection } from "../conntrack/connection";
import type { ConntrackTable } from "../conntrack/conntrack-table";
import { hasPorts, invertTuple, tuplesEqual, type Tuple } from "../conntrack/tuple";

/** A NAT range with addresses resolved (MASQUERADE's and REDIRECT's are computed per packet). */
export interface ResolvedNatRange {
  readonly minAddress?: Ipv4Address;
  readonly maxAddress?: Ipv4Address;
  readonly ports?: PortRange;
  /** --random / --random-fully: start the port search at a random offset even for the original port. */
  readonly random?: boolean;
  /** --persistent: the address choice ignores the destination. */
  readonly persistent?: boolean;
}

export function setupNat(conn: Connection, range: ResolvedNatRange, manip: NatManip, table: ConntrackTable, rng: Rng): void {
  const current = invertTuple(conn.reply);
  const chosen = uniqueTuple(current, range, manip, conn, table, rng);
  if (!tuplesEqual(chosen, current)) {
    conn.reply = invertTuple(chosen);
    if (manip === "source") conn.srcNat = true;
    else conn.dstNat = true;
  }
  conn.natDone[manip] = true;
}

/** nf_nat_alloc_null_binding: map to the address the packet already has. */
export function nullBinding(conn: Connection, manip: NatManip, table: ConntrackTable, rng: Rng): void {
  const address = manip === "source" ? conn.reply.dst : conn.reply.src;
  setupNat(conn, { minAddress: address, maxAddress: address }, manip, table, rng);
}

/** get_unique_tuple; `current` is the tuple as the packet now carries it (after any earlier NAT of the other end). */
function uniqueTuple(current: Tuple, range: ResolvedNatRange, manip: NatManip, conn: Connection, table: ConntrackTable, rng: Rng): Tuple {
  const used = (t: Tuple): boolean => table.isTaken(invertTuple(t), conn);
  if (manip === "source" && !range.random && inRange(current, range, manip) && !used(current)) return current;
  const tuple = withAddress(current, range, manip);
  if (!range.random) {
    if (range.ports) {
      if (portInRange(tuple, range.ports, manip) && (range.ports.from === range.ports.to || !used(tuple))) return tuple;
    } else if (!used(tuple)) {
      return tuple;
    }
  }
  return findFreePort(tuple, range, manip, used, rng);
}

function inRange(t: Tuple, range: ResolvedNatRange, manip: NatManip): boolean {
  const address = manip === "source" ? t.src : t.dst;
  if (range.minAddress !== undefined && (address < range.minAddress || address > (range.maxAddress ?? range.minAddress))) return false;
  return !range.ports || portInRange(t, range.ports, manip);
}

function portInRange(t: Tuple, ports: PortRange, manip: NatManip): boolean {
  const port = keyOf(t, manip);
  return port >= ports.from && port <= ports.to;
}

/** find_best_ips_proto: one address, or one picked by a hash of the endpoints. */
function withAddress(t: Tuple, range: ResolvedNatRange, manip: NatManip): Tuple {
  if (range.minAddress === undefined) return t;
  const max = range.maxAddress ?? range.minAddress;
  const count = max - range.minAddress + 1;
  const address = (count <= 1 ? range.minAddress : range.minAddress + (fmix32(t.src ^ (range.persistent ? 0 : t.dst)) % count)) as Ipv4Address;
  return manip === "source" ? { ...t, src: address } : { ...t, dst: address };
}

/** The field nf_nat_l4proto_unique_tuple varies: the ICMP id, else the port at the mangled end. */
function keyOf(t: Tuple, manip: NatManip): number {
  if (t.protocol === IpProtocol.ICMP) return t.srcPort;
  return manip === "source" ? t.srcPort : t.dstPort;
}

function withKey(t: Tuple, manip: NatManip, value: number): Tuple {
  if (t.protocol === IpProtocol.ICMP || manip === "source") return { ...t, srcPort: value };
  return { ...t, dstPort: value };
}

function findFreePort(t: Tuple, range: ResolvedNatRange, manip: NatManip, used: (t: Tuple) => boolean, rng: Rng): Tuple {
  if (!hasPorts(t.protocol) && t.protocol !== IpProtocol.ICMP) return t;
  let min: number;
  let size: number;
  if (range.ports) {
    min = range.ports.from;
    size = range.ports.to - range.ports.from + 1;
  } else if (t.protocol === IpProtocol.ICMP) {
    min = 0;
    size = 65536;
  } else {
    if (manip === "destination") return t;
    const port = keyOf(t, manip);
    [min, size] = port < 512 ? [1, 511] : port < 1024 ? [600, 424] : [1024, 64512];
  }
  let offset = manip !== "destination" || range.random ? rng.intBetween(0, 0xffff) : 0;
  for (let i = 0; i < size; i++, offset++) {
    const candidate = withKey(t, manip, min + (offset % size));
    if (!used(candidate)) return candidate;
  }
  return withKey(t, manip, min + (offset % size));
}
