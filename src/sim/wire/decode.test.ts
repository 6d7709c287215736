import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../addr";
import { writeU16 } from "../core";
import { emitArp } from "./arp";
import { decodeBytes, decodeFrame, decodeIpv4Packet } from "./decode";
import type { DecodedFrame } from "./decoded-frame";
import { emitEthernet, EtherType, padToMinimumFrame } from "./ethernet";
import { emitIcmp } from "./icmp";
import { emitIpv4, IpProtocol, type Ipv4Repr } from "./ipv4";
import { BROADCAST_MAC, ZERO_MAC, type MacAddress } from "./mac-address";
import { emitTcp, TcpFlag } from "./tcp";
import { emitUdp } from "./udp";

const a = "02:00:00:00:0a:01" as MacAddress;
const b = "02:00:00:00:0a:fe" as MacAddress;
const src = ipv4FromOctets(10, 0, 0, 1);
const dst = ipv4FromOctets(10, 0, 0, 2);

function ipHeader(protocol: number, payload: Uint8Array): Ipv4Repr {
  return { dscp: 0, ecn: 0, identification: 7, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 64, protocol, src, dst, payload };
}

function frame(protocol: number, transport: Uint8Array): Uint8Array {
  return emitEthernet({ dst: b, src: a, ethertype: EtherType.IPV4, payload: emitIpv4(ipHeader(protocol, transport)) });
}

function field(decoded: DecodedFrame, key: string) {
  return decoded.layers.flatMap((l) => l.fields).find((f) => f.key === key);
}

const ping = frame(IpProtocol.ICMP, emitIcmp({ kind: "echo-request", identifier: 1, sequence: 2, data: Uint8Array.of(0x41, 0x42) }));

describe("decodeFrame", () => {
  it("gives each layer in order with Wireshark-style titles", () => {
    const decoded = decodeFrame(ping);
    expect(decoded.layers.map((l) => l.protocol)).toEqual(["ethernet", "ipv4", "icmp"]);
    expect(decoded.layers[1]!.title).toBe("Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2");
    expect(decoded.summary).toBe("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 2, length 10");
  });

  it("points each field at its bytes so a hex view can highlight it", () => {
    const decoded = decodeFrame(ping);
    expect(field(decoded, "ipv4.ttl")).toMatchObject({ name: "Time to Live", value: "64", offset: 22, length: 1 });
    expect(field(decoded, "ipv4.src")).toMatchObject({ value: "10.0.0.1", offset: 26, length: 4 });
    expect(field(decoded, "icmp.seq")).toMatchObject({ value: "2", offset: 40, length: 2 });
    expect(field(decoded, "ipv4.flags.df")).toMatchObject({ value: "Set", offset: 20, length: 1, bits: { offset: 1, length: 1 } });
  });

  it("marks a wrong checksum on the field and the layer, with the right value", () => {
    const bad = ping.slice();
    writeU16(bad, 24, 0x1234);
    const decoded = decodeFrame(bad);
    const checksum = field(decoded, "ipv4.checksum")!;
    expect(checksum.value).toMatch(/^0x1234 \[incorrect, should be 0x[0-9a-f]{4}\]$/);
    expect(checksum.problem).toMatch(/should be/);
    expect(decoded.layers[1]!.problems).toEqual(["bad header checksum 0x1234"]);
    expect(field(decodeFrame(ping), "ipv4.checksum")!.value).toMatch(/\[correct\]$/);
  });

  it("shows the padding a NIC adds after a short packet", () => {
    const arp = emitEthernet({
      dst: BROADCAST_MAC,
      src: a,
      ethertype: EtherType.ARP,
      payload: emitArp({ operation: 1, senderMac: a, senderIp: src, targetMac: ZERO_MAC, targetIp: dst }),
    });
    const padded = padToMinimumFrame(arp);
    const decoded = decodeFrame(padded);
    expect(field(decoded, "eth.padding")).toMatchObject({ offset: 42, length: 18 });
    expect(decoded.summary).toBe("ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 46");
  });

  it("decodes UDP and TCP with their checksums checked and payload as data", () => {
    const udp = decodeFrame(frame(IpProtocol.UDP, emitUdp({ srcPort: 5353, dstPort: 53, payload: Uint8Array.of(1, 2, 3) }, { src, dst })));
    expect(udp.layers.map((l) => l.protocol)).toEqual(["ethernet", "ipv4", "udp", "data"]);
    expect(field(udp, "udp.checksum")!.value).toMatch(/\[correct\]$/);
    const syn = emitTcp(
      { srcPort: 40000, dstPort: 80, seq: 1, ack: 0, flags: TcpFlag.SYN, window: 64240, urgentPointer: 0, options: [{ kind: "mss", value: 1460 }], payload: new Uint8Array(0) },
      { src, dst },
    );
    const tcp = decodeFrame(frame(IpProtocol.TCP, syn));
    expect(field(tcp, "tcp.flags")!.value).toBe("0x002 (SYN)");
    expect(field(tcp, "tcp.option.mss")).toMatchObject({ value: "mss 1460", offset: 54, length: 4 });
    expect(tcp.summary).toBe("IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1, win 64240, options [mss 1460], length 0");
  });

  it("gives repeated fields distinct keys", () => {
    const segment = emitTcp(
      { srcPort: 1, dstPort: 2, seq: 0, ack: 0, flags: TcpFlag.ACK, window: 1, urgentPointer: 0, options: [{ kind: "nop" }, { kind: "nop" }, { kind: "timestamps", tsval: 1, tsecr: 2 }], payload: new Uint8Array(0) },
      { src, dst },
    );
    const keys = decodeFrame(frame(IpProtocol.TCP, segment)).layers.flatMap((l) => l.fields.map((f) => f.key));
    expect(keys).toContain("tcp.option.nop");
    expect(keys).toContain("tcp.option.nop#2");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("decodes a truncated frame as far as it goes and names the problem", () => {
    const cut = decodeFrame(ping.subarray(0, 30));
    expect(cut.layers.map((l) => l.protocol)).toEqual(["ethernet", "ipv4"]);
    expect(field(cut, "ipv4.ttl")?.value).toBe("64");
    expect(field(cut, "ipv4.dst")).toBeUndefined();
    expect(cut.layers[1]!.problems[0]).toMatch(/truncated/);
    expect(decodeFrame(ping.subarray(0, 10)).layers[0]!.problems[0]).toMatch(/needs 14 bytes/);
    const body = decodeFrame(ping.subarray(0, 40));
    expect(body.layers[1]!.problems[0]).toBe("truncated: total length 30, but only 26 bytes are present");
  });

  it("never throws and keeps every field inside the frame, whatever the bytes", () => {
    const arbitraryFrame = fc.oneof(
      fc.uint8Array({ maxLength: 120 }),
      // Valid Ethernet/IPv4 headers over random transport bytes reach the deeper decoders.
      fc.tuple(fc.constantFrom(1, 6, 17, 99), fc.uint8Array({ maxLength: 80 }), fc.nat(120)).map(([p, t, cut]) => frame(p, t).subarray(0, cut)),
    );
    fc.assert(
      fc.property(arbitraryFrame, (bytes) => {
        const decoded = decodeFrame(bytes);
        expect(typeof decoded.summary).toBe("string");
        for (const layer of decoded.layers)
          for (const f of layer.fields) {
            expect(f.offset + f.length).toBeLessThanOrEqual(bytes.length);
            expect(f.length).toBeGreaterThan(0);
          }
      }),
      { numRuns: 500 },
    );
  });
});

describe("decodeIpv4Packet / decodeBytes", () => {
  it("decodes a bare IPv4 packet with offsets from its first byte", () => {
    const packet = ping.subarray(14);
    const decoded = decodeIpv4Packet(packet);
    expect(decoded.layers.map((l) => l.protocol)).toEqual(["ipv4", "icmp"]);
    expect(field(decoded, "ipv4.ttl")!.offset).toBe(8);
    expect(decodeBytes(packet, "ipv4").summary).toBe(decoded.summary);
    expect(decodeBytes(ping, "ethernet").summary).toBe(decoded.summary);
  });
});
