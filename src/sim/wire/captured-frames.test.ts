/**
 * Real frames captured from the Linux kernel (fixtures/*.hex, made by
 * fixtures/capture.sh in a sandbox of three namespaces). Our parsers must
 * read them to the fields the kernel meant, re-emit them byte for byte —
 * checksums included — and the decoder must summarise each one exactly as
 * tcpdump did.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIpv4, ipv4FromOctets } from "../addr";
import { fromHex, hexDump, unwrap } from "../core";
import { ArpOperation, emitArp, isGratuitousArp, parseArp } from "./arp";
import { decodeFrame } from "./decode";
import { emitEthernet, EtherType, parseEthernet } from "./ethernet";
import { diffFrames } from "./frame-diff";
import { emitIcmp, parseIcmp, UnreachableCode, type IcmpRepr } from "./icmp";
import { decrementTtl, emitIpv4, IpProtocol, parseIpv4, parseIpv4Header, type Ipv4Repr } from "./ipv4";
import { emitTcp, parseTcp, TcpFlag, type TcpRepr } from "./tcp";
import { emitUdp, parseUdp } from "./udp";

const FIXTURES = new URL("./fixtures/", import.meta.url);

interface Fixture {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The line `tcpdump -nn -S -t` printed for the frame. */
  readonly tcpdump: string;
}

function load(name: string): Fixture {
  const text = readFileSync(new URL(`${name}.hex`, FIXTURES), "utf8");
  const bytes = fromHex(text);
  const tcpdump = /^# tcpdump -nn -S: (.*)$/m.exec(text)?.[1];
  if (!bytes || !tcpdump) throw new Error(`fixture ${name} is malformed`);
  return { name, bytes, tcpdump };
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".hex"))
  .map((f) => f.slice(0, -4))
  .sort();

/** Parse every layer (verifying every checksum), then emit the frame again from the reprs. */
function reemit(frame: Uint8Array): Uint8Array {
  const eth = unwrap(parseEthernet(frame));
  if (eth.ethertype === EtherType.ARP) return emitEthernet({ ...eth, payload: emitArp(unwrap(parseArp(eth.payload))) });
  const ip = unwrap(parseIpv4(eth.payload));
  return emitEthernet({ ...eth, payload: emitIpv4({ ...ip, payload: reemitTransport(ip) }) });
}

function reemitTransport(ip: Ipv4Repr): Uint8Array {
  const endpoints = { src: ip.src, dst: ip.dst };
  switch (ip.protocol) {
    case IpProtocol.ICMP:
      return emitIcmp(unwrap(parseIcmp(ip.payload)));
    case IpProtocol.UDP:
      return emitUdp(unwrap(parseUdp(ip.payload, endpoints)), endpoints);
    case IpProtocol.TCP:
      return emitTcp(unwrap(parseTcp(ip.payload, endpoints)), endpoints);
    default:
      throw new Error(`no fixture should carry protocol ${ip.protocol}`);
  }
}

function ipOf(f: Fixture): Ipv4Repr {
  return unwrap(parseIpv4(unwrap(parseEthernet(f.bytes)).payload));
}

function icmpOf(f: Fixture): IcmpRepr {
  return unwrap(parseIcmp(ipOf(f).payload));
}

function tcpOf(f: Fixture): TcpRepr {
  const ip = ipOf(f);
  return unwrap(parseTcp(ip.payload, ip));
}

describe("captured frames", () => {
  it("include every kind of frame this slice needs", () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(names)("%s", (name) => {
    const fixture = load(name);

    it("parses (every checksum valid) and re-emits byte for byte", () => {
      expect(reemit(fixture.bytes)).toEqual(fixture.bytes);
    });

    it("decodes to tcpdump's own summary line", () => {
      const { summary } = decodeFrame(fixture.bytes);
      // tcpdump goes on to dissect HTTP after "length N"; we stop there.
      if (summary !== fixture.tcpdump) expect(fixture.tcpdump.startsWith(`${summary}: `)).toBe(true);
    });

    it("decodes fields whose byte spans lie inside the frame, with no problems", () => {
      const decoded = decodeFrame(fixture.bytes);
      for (const layer of decoded.layers) {
        expect(layer.problems).toEqual([]);
        for (const field of layer.fields) {
          expect(field.offset).toBeGreaterThanOrEqual(0);
          expect(field.offset + field.length).toBeLessThanOrEqual(fixture.bytes.length);
          expect(field.problem).toBeUndefined();
        }
      }
    });
  });
});

describe("what the kernel put in the captured frames", () => {
  it("ARP request: broadcast, asking who has the router's address", () => {
    const { bytes } = load("arp-request");
    const eth = unwrap(parseEthernet(bytes));
    expect(eth.dst).toBe("ff:ff:ff:ff:ff:ff");
    expect(bytes).toHaveLength(42); // veth does not pad to 60
    const arp = unwrap(parseArp(eth.payload));
    expect(arp).toEqual({
      operation: ArpOperation.REQUEST,
      senderMac: "02:00:00:00:0a:01",
      senderIp: ipv4FromOctets(10, 0, 0, 1),
      targetMac: "00:00:00:00:00:00",
      targetIp: ipv4FromOctets(10, 0, 0, 254),
    });
  });

  it("hex-dumps exactly as `tshark -x` prints the same frame", () => {
    expect(hexDump(load("arp-request").bytes).split("\n")).toEqual([
      "0000  ff ff ff ff ff ff 02 00 00 00 0a 01 08 06 00 01   ................",
      "0010  08 00 06 04 00 01 02 00 00 00 0a 01 0a 00 00 01   ................",
      "0020  00 00 00 00 00 00 0a 00 00 fe                     ..........",
    ]);
  });

  it("ARP reply: unicast back, with the router's MAC", () => {
    const eth = unwrap(parseEthernet(load("arp-reply").bytes));
    const arp = unwrap(parseArp(eth.payload));
    expect(eth.dst).toBe("02:00:00:00:0a:01");
    expect(arp.operation).toBe(ArpOperation.REPLY);
    expect(arp.senderMac).toBe("02:00:00:00:0a:fe");
    expect(formatIpv4(arp.senderIp)).toBe("10.0.0.254");
  });

  it("gratuitous ARP on link up (arp_notify): a broadcast request for our own address", () => {
    const eth = unwrap(parseEthernet(load("arp-gratuitous").bytes));
    const arp = unwrap(parseArp(eth.payload));
    expect(isGratuitousArp(arp)).toBe(true);
    expect(arp.operation).toBe(ArpOperation.REQUEST);
    expect(formatIpv4(arp.senderIp)).toBe("10.0.1.2");
  });

  it("echo request and reply share id and sequence; the reply's payload is the request's", () => {
    const request = icmpOf(load("icmp-echo-request"));
    const reply = icmpOf(load("icmp-echo-reply"));
    expect(request.kind).toBe("echo-request");
    expect(reply.kind).toBe("echo-reply");
    if (request.kind !== "echo-request" || reply.kind !== "echo-reply") return;
    expect(reply.identifier).toBe(request.identifier);
    expect(reply.sequence).toBe(1);
    expect(reply.data).toEqual(request.data);
    expect(request.data).toHaveLength(56); // ping's default -s 56
    const ip = ipOf(load("icmp-echo-request"));
    expect(ip).toMatchObject({ ttl: 64, dontFragment: true, protocol: IpProtocol.ICMP });
  });

  it("a forwarded packet differs only in MACs, TTL and header checksum — as ip_decrease_ttl leaves it", () => {
    const before = load("icmp-echo-routed-before").bytes;
    const after = load("icmp-echo-routed-after").bytes;
    const changed = diffFrames(before, after).map((c) => [c.key, c.before, c.after]);
    expect(changed.map(([key]) => key).sort()).toEqual(["eth.dst", "eth.src", "ipv4.checksum", "ipv4.ttl"]);
    expect(changed.find(([key]) => key === "ipv4.ttl")).toEqual(["ipv4.ttl", "64", "63"]);
    const ipBefore = before.slice(14);
    decrementTtl(ipBefore);
    expect(ipBefore).toEqual(after.subarray(14));
  });

  it("ICMP errors from Linux: TOS 0xc0, the right code, and the offending datagram quoted", () => {
    const cases: [string, string, number][] = [
      ["icmp-net-unreachable", "destination-unreachable", UnreachableCode.NET],
      ["icmp-host-unreachable", "destination-unreachable", UnreachableCode.HOST],
      ["icmp-port-unreachable", "destination-unreachable", UnreachableCode.PORT],
      ["icmp-frag-needed", "destination-unreachable", UnreachableCode.FRAG_NEEDED],
      ["icmp-admin-prohibited", "destination-unreachable", UnreachableCode.ADMIN_PROHIBITED],
      ["icmp-time-exceeded", "time-exceeded", 0],
    ];
    for (const [name, kind, code] of cases) {
      const fixture = load(name);
      const ip = ipOf(fixture);
      expect(ip.dscp << 2, name).toBe(0xc0); // IPTOS_PREC_INTERNETCONTROL
      const icmp = icmpOf(fixture);
      expect(icmp.kind, name).toBe(kind);
      if (icmp.kind !== "destination-unreachable" && icmp.kind !== "time-exceeded") continue;
      expect(icmp.code, name).toBe(code);
      const quoted = unwrap(parseIpv4Header(icmp.original));
      expect(formatIpv4(quoted.src), name).toBe("10.0.0.1");
      // Linux quotes as much as fits in 576 bytes (RFC 1812 §4.3.2.3), not just 8 bytes.
      expect(icmp.original.length, name).toBe(Math.min(quoted.totalLength, 576 - 20 - 8));
    }
  });

  it("time exceeded quotes the datagram as it arrived: TTL 1", () => {
    const icmp = icmpOf(load("icmp-time-exceeded"));
    if (icmp.kind !== "time-exceeded") throw new Error("expected time exceeded");
    expect(unwrap(parseIpv4Header(icmp.original)).ttl).toBe(1);
  });

  it("fragmentation needed carries the next-hop MTU (RFC 1191)", () => {
    const icmp = icmpOf(load("icmp-frag-needed"));
    expect(icmp).toMatchObject({ kind: "destination-unreachable", code: 4, nextHopMtu: 1400 });
  });

  it("TCP SYN carries Linux's options in Linux's order", () => {
    const syn = tcpOf(load("tcp-syn"));
    expect(syn.flags).toBe(TcpFlag.SYN);
    expect(syn.options.map((o) => o.kind)).toEqual(["mss", "sack-permitted", "timestamps", "nop", "window-scale"]);
    expect(syn.options[0]).toEqual({ kind: "mss", value: 1360 }); // 1400 path MTU learned from the frag-needed error − 40
  });

  it("a closed port answers a SYN with RST+ACK: seq 0, ack = ISN + 1, window 0", () => {
    const syn = tcpOf(load("tcp-syn"));
    const rst = tcpOf(load("tcp-rst-ack"));
    expect(rst).toMatchObject({ flags: TcpFlag.RST | TcpFlag.ACK, seq: 0, ack: (syn.seq + 1) >>> 0, window: 0, options: [] });
    expect(rst.srcPort).toBe(syn.dstPort);
  });

  it("the handshake acknowledges ISN + 1 and data segments carry timestamps", () => {
    const synAck = tcpOf(load("tcp-syn-ack"));
    const ack = tcpOf(load("tcp-ack"));
    expect(ack.ack).toBe((synAck.seq + 1) >>> 0);
    const data = tcpOf(load("tcp-psh-ack"));
    expect(String.fromCharCode(...data.payload)).toBe("GET / HTTP/1.0\r\n");
    expect(data.options.map((o) => o.kind)).toEqual(["nop", "nop", "timestamps"]);
  });

  it("a UDP datagram from bash's /dev/udp carries the echoed line", () => {
    const ip = ipOf(load("udp-datagram"));
    const udp = unwrap(parseUdp(ip.payload, ip));
    expect(udp.dstPort).toBe(9);
    expect(Array.from(udp.payload)).toEqual([0x68, 0x69, 0x0a]); // "hi\n"
  });
});
