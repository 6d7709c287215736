/**
 * Rewriting a packet for NAT (nf_nat_ipv4_manip_pkt and the per-protocol
 * l4proto_manip_pkt): one end's address, and its port (TCP, UDP) or the
 * echo identifier (ICMP queries), in place. Checksums are patched
 * incrementally (RFC 1624 eqn. 3, as inet_proto_csum_replace4/2 do):
 * the IPv4 header checksum for the address; the TCP/UDP checksum for the
 * port and, because it covers the pseudo header, the address too; the ICMP
 * checksum for the identifier. A UDP checksum of 0 means "none" and stays
 * 0; one that becomes 0 is sent as 0xffff (RFC 768; CSUM_MANGLED_0).
 *
 * `ipOffset` lets the same code rewrite the datagram an ICMP error quotes,
 * which may be cut short: a field is changed only if it is there, like the
 * kernel's checks on the header length it can pull.
 */
import { readU16, readU32, writeU16, writeU32 } from "../../core";
import { IpProtocol, updateChecksum } from "../../wire";
import type { NatManip } from "../hooks";
import { isQueryType } from "../packet-info";
import type { Tuple } from "../conntrack/tuple";

export function manipPacket(bytes: Uint8Array, ipOffset: number, target: Tuple, manip: NatManip): void {
  const headerLength = (bytes[ipOffset]! & 0x0f) * 4;
  const addrAt = ipOffset + (manip === "source" ? 12 : 16);
  const oldAddr = readU32(bytes, addrAt);
  const newAddr = manip === "source" ? target.src : target.dst;
  const fragmentOffset = readU16(bytes, ipOffset + 6) & 0x1fff;
  if (fragmentOffset === 0) manipTransport(bytes, ipOffset + headerLength, bytes[ipOffset + 9]!, target, manip, oldAddr, newAddr);
  if (oldAddr !== newAddr) {
    writeU32(bytes, addrAt, newAddr);
    patch32(bytes, ipOffset + 10, oldAddr, newAddr);
  }
}

function manipTransport(bytes: Uint8Array, at: number, protocol: number, target: Tuple, manip: NatManip, oldAddr: number, newAddr: number): void {
  const newPort = manip === "source" ? target.srcPort : target.dstPort;
  const portAt = at + (manip === "source" ? 0 : 2);
  if (protocol === IpProtocol.TCP || protocol === IpProtocol.UDP) {
    if (bytes.length < at + 4) return;
    const oldPort = readU16(bytes, portAt);
    writeU16(bytes, portAt, newPort);
    const checkAt = at + (protocol === IpProtocol.TCP ? 16 : 6);
    if (bytes.length < checkAt + 2) return;
    if (protocol === IpProtocol.UDP && readU16(bytes, checkAt) === 0) return;
    patch32(bytes, checkAt, oldAddr, newAddr);
    patch16(bytes, checkAt, oldPort, newPort);
    if (protocol === IpProtocol.UDP && readU16(bytes, checkAt) === 0) writeU16(bytes, checkAt, 0xffff);
    return;
  }
  if (protocol === IpProtocol.ICMP && bytes.length >= at + 8 && isQueryType(bytes[at]!)) {
    // icmp_manip_pkt: the identifier is the tuple's source "port", whichever end is mangled.
    const oldId = readU16(bytes, at + 4);
    writeU16(bytes, at + 4, target.srcPort);
    patch16(bytes, at + 2, oldId, target.srcPort);
  }
}

function patch16(bytes: Uint8Array, checkAt: number, oldWord: number, newWord: number): void {
  if (oldWord === newWord) return;
  writeU16(bytes, checkAt, updateChecksum(readU16(bytes, checkAt), oldWord, newWord));
}

function patch32(bytes: Uint8Array, checkAt: number, oldValue: number, newValue: number): void {
  patch16(bytes, checkAt, oldValue >>> 16, newValue >>> 16);
  patch16(bytes, checkAt, oldValue & 0xffff, newValue & 0xffff);
}
