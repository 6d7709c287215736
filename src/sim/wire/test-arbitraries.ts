/**
 * fast-check generators of valid protocol reprs, shared by the wire tests
 * (round-trip properties). Test support only: nothing in the simulator
 * imports this file.
 */
import fc from "fast-check";
import { ipv4FromNumber, type Ipv4Address } from "../addr";
import type { ArpRepr } from "./arp";
import type { EthernetRepr } from "./ethernet";
import type { IcmpRepr } from "./icmp";
import type { Ipv4Repr } from "./ipv4";
import { macFromBytes, type MacAddress } from "./mac-address";
import type { TcpRepr } from "./tcp";
import { tcpOptionLength, type TcpOption } from "./tcp-options";
import type { UdpRepr } from "./udp";

export const u8 = fc.integer({ min: 0, max: 0xff });
export const u16 = fc.integer({ min: 0, max: 0xffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });

export const ipv4Address: fc.Arbitrary<Ipv4Address> = u32.map(ipv4FromNumber);
export const macAddress: fc.Arbitrary<MacAddress> = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => macFromBytes(b));
export const payload = (maxLength = 64): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength });

export const ethernetRepr: fc.Arbitrary<EthernetRepr> = fc.record({
  dst: macAddress,
  src: macAddress,
  ethertype: u16,
  payload: payload(),
});

export const arpRepr: fc.Arbitrary<ArpRepr> = fc.record({
  operation: fc.constantFrom(1 as const, 2 as const),
  senderMac: macAddress,
  senderIp: ipv4Address,
  targetMac: macAddress,
  targetIp: ipv4Address,
});

export const ipv4Repr = (body: fc.Arbitrary<Uint8Array> = payload(128)): fc.Arbitrary<Ipv4Repr> =>
  fc
    .record({
      dscp: fc.integer({ min: 0, max: 63 }),
      ecn: fc.integer({ min: 0, max: 3 }),
      identification: u16,
      dontFragment: fc.boolean(),
      moreFragments: fc.boolean(),
      fragmentOffset: fc.integer({ min: 0, max: 0x1fff }).map((n) => n * 8),
      ttl: u8,
      protocol: u8,
      src: ipv4Address,
      dst: ipv4Address,
      options: fc.integer({ min: 0, max: 10 }).chain((words) => fc.uint8Array({ minLength: 4 * words, maxLength: 4 * words })),
      reservedFlag: fc.boolean(),
      payload: body,
    })
    .map(({ options, reservedFlag, ...rest }) => ({
      ...rest,
      ...(options.length > 0 ? { options } : {}),
      ...(reservedFlag ? { reservedFlag } : {}),
    }));

export const icmpRepr: fc.Arbitrary<IcmpRepr> = fc.oneof(
  fc.record({ kind: fc.constantFrom("echo-request" as const, "echo-reply" as const), identifier: u16, sequence: u16, data: payload() }),
  fc.record({ kind: fc.constant("destination-unreachable" as const), code: fc.integer({ min: 0, max: 15 }), nextHopMtu: u16, original: payload() }),
  fc.record({ kind: fc.constant("time-exceeded" as const), code: fc.integer({ min: 0, max: 1 }), original: payload() }),
  fc.record({ kind: fc.constant("redirect" as const), code: fc.integer({ min: 0, max: 3 }), gateway: ipv4Address, original: payload() }),
  fc.record({ kind: fc.constant("parameter-problem" as const), code: u8, pointer: u8, original: payload() }),
  fc.record({
    kind: fc.constant("other" as const),
    type: u8.filter((t) => ![0, 3, 5, 8, 11, 12].includes(t)),
    code: u8,
    rest: u32,
    data: payload(),
  }),
);

export const udpRepr: fc.Arbitrary<UdpRepr> = fc.record({ srcPort: u16, dstPort: u16, payload: payload() });

export const tcpOption: fc.Arbitrary<TcpOption> = fc.oneof(
  fc.constant({ kind: "nop" as const }),
  fc.record({ kind: fc.constant("mss" as const), value: u16 }),
  fc.record({ kind: fc.constant("window-scale" as const), shift: fc.integer({ min: 0, max: 14 }) }),
  fc.constant({ kind: "sack-permitted" as const }),
  fc.record({ kind: fc.constant("sack" as const), blocks: fc.array(fc.tuple(u32, u32), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant("timestamps" as const), tsval: u32, tsecr: u32 }),
  fc.record({ kind: fc.constant("unknown" as const), type: fc.integer({ min: 9, max: 253 }), data: fc.uint8Array({ maxLength: 6 }) }),
);

/** Option lists that fit in 40 bytes and end on a 4-byte boundary (padding is implicit EOL bytes). */
export const tcpOptions: fc.Arbitrary<TcpOption[]> = fc.array(tcpOption, { maxLength: 6 }).map((options) => {
  const fitting: TcpOption[] = [];
  let used = 0;
  for (const option of options) {
    const size = tcpOptionLength(option);
    if (used + size > 39) break;
    fitting.push(option);
    used += size;
  }
  // Pad with NOPs so emit adds no EOL padding the parser would then report.
  while (used % 4 !== 0) {
    fitting.push({ kind: "nop" });
    used++;
  }
  return fitting;
});


export const tcpRepr: fc.Arbitrary<TcpRepr> = fc.record({
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.integer({ min: 0, max: 0x0fff }),
  window: u16,
  urgentPointer: u16,
  options: tcpOptions,
  payload: payload(),
});
