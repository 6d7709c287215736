import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { decodeFrame } from "./decode";
import { emitEthernet, EtherType } from "./ethernet";
import { diffFrames } from "./frame-diff";
import { emitIpv4, IpProtocol } from "./ipv4";
import type { MacAddress } from "./mac-address";
import { emitUdp } from "./udp";

function udpFrame(srcIp: number, srcPort: number, ttl: number): Uint8Array {
  const src = ipv4FromOctets(192, 168, 1, srcIp);
  const dst = ipv4FromOctets(8, 8, 8, 8);
  const payload = emitUdp({ srcPort, dstPort: 53, payload: Uint8Array.of(1, 2, 3, 4) }, { src, dst });
  return emitEthernet({
    dst: "02:00:00:00:00:02" as MacAddress,
    src: "02:00:00:00:00:01" as MacAddress,
    ethertype: EtherType.IPV4,
    payload: emitIpv4({ dscp: 0, ecn: 0, identification: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl, protocol: IpProtocol.UDP, src, dst, payload }),
  });
}

describe("diffFrames", () => {
  it("finds nothing between identical frames", () => {
    const f = udpFrame(10, 5000, 64);
    expect(diffFrames(f, f.slice())).toEqual([]);
  });

  it("lists what NAT rewrote — address, port and both checksums — in frame order", () => {
    const before = udpFrame(10, 5000, 64);
    const after = udpFrame(99, 61000, 64);
    expect(diffFrames(before, after).map((c) => c.key)).toEqual(["ipv4.checksum", "ipv4.src", "udp.srcport", "udp.checksum"]);
    expect(diffFrames(before, after).find((c) => c.key === "ipv4.src")).toEqual({
      key: "ipv4.src",
      name: "Source Address",
      protocol: "ipv4",
      before: "192.168.1.10",
      after: "192.168.1.99",
    });
  });

  it("reports fields present in only one frame, and accepts decoded frames", () => {
    const full = udpFrame(10, 5000, 64);
    const cut = decodeFrame(full.subarray(0, 36));
    const changes = diffFrames(decodeFrame(full), cut);
    expect(changes.find((c) => c.key === "udp.dstport")).toMatchObject({ before: "53", after: null });
    expect(changes.some((c) => c.key.startsWith("eth."))).toBe(false); // the Ethernet header is intact
  });
});
