import { describe, expect, it } from "vitest";
import type { TraceEventBody } from "../../core";
import { IpProtocol, TcpFlag, emitIpv4, emitTcp } from "../../wire";
import { ip } from "../../world/test-helpers";
import { packetInfo } from "../packet-info";
import { ConntrackTable } from "./conntrack-table";

const A = ip("10.0.1.2");
const B = ip("10.0.2.2");

function segment(from: "A" | "B", sport: number, dport: number, flags: number): Uint8Array {
  const [src, dst] = from === "A" ? [A, B] : [B, A];
  const tcp = emitTcp({ srcPort: sport, dstPort: dport, seq: 1000, ack: flags & TcpFlag.ACK ? 2000 : 0, flags, window: 65535, urgentPointer: 0, options: [], payload: new Uint8Array(0) }, { src, dst });
  return emitIpv4({ dscp: 0, ecn: 0, identification: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 64, protocol: IpProtocol.TCP, src, dst, payload: tcp });
}

function tracker() {
  const events: TraceEventBody[] = [];
  let now = 0;
  const table = new ConntrackTable({ namespace: "r", now: () => now, emit: (e) => events.push(e) });
  const see = (bytes: Uint8Array): string => {
    const ct = table.receive(packetInfo(bytes)!, bytes);
    if (typeof ct !== "object") return ct.toUpperCase();
    if (ct.state === "NEW" && ct.dir === "original" && !ct.conn.confirmed) table.confirm(ct);
    return ct.state;
  };
  return { table, see, events, advance: (us: number) => (now += us) };
}

describe("TCP connection tracking (nf_conntrack_tcp_loose = 1; measured through FORWARD on 6.x)", () => {
  it("a handshake goes NEW, ESTABLISHED, ESTABLISHED and ends ESTABLISHED and assured", () => {
    const { table, see } = tracker();
    expect(see(segment("A", 40000, 80, TcpFlag.SYN))).toBe("NEW");
    expect(table.entries()[0]!.tcpState).toBe("SYN_SENT");
    expect(see(segment("B", 80, 40000, TcpFlag.SYN | TcpFlag.ACK))).toBe("ESTABLISHED");
    expect(table.entries()[0]!.tcpState).toBe("SYN_RECV");
    expect(see(segment("A", 40000, 80, TcpFlag.ACK))).toBe("ESTABLISHED");
    const entry = table.entries()[0]!;
    expect([entry.tcpState, entry.assured, entry.timeout]).toEqual(["ESTABLISHED", true, 432000]);
  });

  it("a lone ACK picks a connection up as NEW; SYN-ACK, RST or FIN alone are INVALID", () => {
    const { see } = tracker();
    expect(see(segment("A", 40000, 80, TcpFlag.ACK))).toBe("NEW");
    expect(see(segment("A", 40001, 80, TcpFlag.SYN | TcpFlag.ACK))).toBe("INVALID");
    expect(see(segment("A", 40002, 80, TcpFlag.RST))).toBe("INVALID");
    expect(see(segment("A", 40003, 80, TcpFlag.FIN))).toBe("INVALID");
  });

  it("an RST as the only answer is ESTABLISHED and ends the entry at once", () => {
    const { table, see, events } = tracker();
    see(segment("A", 40004, 80, TcpFlag.SYN));
    expect(see(segment("B", 80, 40004, TcpFlag.RST | TcpFlag.ACK))).toBe("ESTABLISHED");
    expect(table.entries()).toEqual([]);
    expect(events.map((e) => e.kind === "conntrack" && [e.change, e.detail])).toEqual([["new", "confirmed"], ["destroy", "tcp reset"]]);
  });

  it("a SYN_SENT entry expires after 120 s", () => {
    const { table, see, advance } = tracker();
    see(segment("A", 40005, 80, TcpFlag.SYN));
    advance(119_000_000);
    expect(table.count).toBe(1);
    advance(1_000_000);
    expect(table.count).toBe(0);
  });
});
