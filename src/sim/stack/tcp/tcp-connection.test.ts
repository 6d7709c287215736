import { describe, expect, it } from "vitest";
import { millis, seconds, type TraceEventOf } from "../../core";
import { parseEthernet, parseIpv4, parseTcp, tcpFlagsText } from "../../wire";
import { World } from "../../world";
import { addNamespaces, ip, ns, wire } from "../../world/test-helpers";
import { openTcpSocket, type TcpSocket } from "./tcp-socket";

function pair(): World {
  const world = new World({ seed: 7 });
  addNamespaces(world, "h1", "h2");
  wire(world, "h1", "h1-eth0", "h2", "h2-eth0", "10.0.0.1/24", "10.0.0.2/24");
  return world;
}

/** Segments seen leaving `device`, as "S", "S.", "." … with their time. */
function segmentsOn(world: World, device: string): { time: number; flags: string; seq: number; ack: number; length: number; options: string[] }[] {
  return world.trace
    .since(0)
    .events.filter((e): e is TraceEventOf<"frame-sent"> => e.kind === "frame-sent" && e.device === device)
    .flatMap((e) => {
      const eth = parseEthernet(e.bytes);
      if (!eth.ok) return [];
      const packet = parseIpv4(eth.value.payload);
      if (!packet.ok || packet.value.protocol !== 6) return [];
      const tcp = parseTcp(packet.value.payload);
      if (!tcp.ok) return [];
      return [{ time: e.time, flags: tcpFlagsText(tcp.value.flags), seq: tcp.value.seq, ack: tcp.value.ack, length: tcp.value.payload.length, options: tcp.value.options.map((o) => o.kind) }];
    });
}

function listen(world: World, name: string, port: number): TcpSocket {
  const server = openTcpSocket(ns(world, name));
  expect(server.bind(ip("0.0.0.0"), port).ok).toBe(true);
  expect(server.listen(1).ok).toBe(true);
  return server;
}

/** h1 connected to a listener on h2:80, the handshake done: the client and the server's accepted socket. */
function established(world: World) {
  const server = listen(world, "h2", 80);
  const client = openTcpSocket(ns(world, "h1"));
  client.connect(ip("10.0.0.2"), 80);
  world.runFor(millis(10));
  return { client, conn: server.accept()! };
}

describe("TCP connections", () => {
  it("completes the three-way handshake with Linux's SYN options and hands the connection to accept()", () => {
    const world = pair();
    const server = listen(world, "h2", 80);
    const client = openTcpSocket(ns(world, "h1"));
    expect(client.connect(ip("10.0.0.2"), 80).ok).toBe(true);
    expect(client.state).toBe("SYN_SENT");
    world.runFor(millis(10));
    expect(client.state).toBe("ESTABLISHED");
    const accepted = server.accept();
    expect(accepted?.state).toBe("ESTABLISHED");
    expect(accepted?.remote).toEqual({ address: ip("10.0.0.1"), port: client.localPort });
    const sent = segmentsOn(world, "h1-eth0");
    expect(sent.map((s) => s.flags)).toEqual(["S", "."]);
    expect(sent[0]!.options).toEqual(["mss", "sack-permitted", "timestamps", "nop", "window-scale"]);
    const answered = segmentsOn(world, "h2-eth0");
    expect(answered.map((s) => s.flags)).toEqual(["S."]);
    expect(answered[0]!.ack).toBe((sent[0]!.seq + 1) >>> 0);
  });

  it("answers a SYN to a closed port with RST-ACK acknowledging the SYN, which the client reports as ECONNREFUSED", () => {
    const world = pair();
    const client = openTcpSocket(ns(world, "h1"));
    client.connect(ip("10.0.0.2"), 81);
    world.runFor(millis(10));
    expect(client.state).toBe("CLOSED");
    expect(client.takeError()).toBe("ECONNREFUSED");
    const syn = segmentsOn(world, "h1-eth0")[0]!;
    const rst = segmentsOn(world, "h2-eth0")[0]!;
    expect(rst.flags).toBe("R.");
    expect(rst.seq).toBe(0);
    expect(rst.ack).toBe((syn.seq + 1) >>> 0);
    const drops = world.trace.since(0).events.filter((e) => e.kind === "frame-dropped" && e.reason === "NO_SOCKET");
    expect(drops).toHaveLength(1);
  });

  it("moves data both ways and closes with FIN: the side that closes first ends in TIME_WAIT for 60 s", () => {
    const world = pair();
    const { client, conn } = established(world);
    client.send(new TextEncoder().encode("hello\n"));
    world.runFor(millis(10));
    expect(new TextDecoder().decode(conn.receive())).toBe("hello\n");
    conn.send(new TextEncoder().encode("world\n"));
    world.runFor(millis(10));
    expect(new TextDecoder().decode(client.receive())).toBe("world\n");
    client.shutdownWrite();
    world.runFor(millis(10));
    // The server holds its ACK of the FIN for 40 ms, hoping to send it with its own FIN.
    expect(client.state).toBe("FIN_WAIT1");
    world.runFor(millis(40));
    expect(client.state).toBe("FIN_WAIT2");
    expect(conn.state).toBe("CLOSE_WAIT");
    expect(conn.atEof).toBe(true);
    conn.close();
    world.runFor(millis(10));
    expect(client.state).toBe("TIME_WAIT");
    client.close();
    const connections = ns(world, "h1").sockets.tcp.connections();
    expect(connections.map((c) => c.state)).toEqual(["TIME_WAIT"]);
    expect(ns(world, "h2").sockets.tcp.connections()).toEqual([]);
    world.runFor(seconds(59));
    expect(ns(world, "h1").sockets.tcp.connections()).toHaveLength(1);
    world.runFor(seconds(1));
    expect(ns(world, "h1").sockets.tcp.connections()).toHaveLength(0);
  });

  it("sends the server's FIN with the ACK of the client's FIN when the program closes at once (delayed ACK)", () => {
    const world = pair();
    const { client, conn } = established(world);
    client.send(new TextEncoder().encode("hello\n"));
    world.runFor(millis(1));
    client.shutdownWrite();
    world.runFor(millis(1));
    conn.receive();
    conn.close();
    world.runFor(millis(100));
    expect(segmentsOn(world, "h1-eth0").map((s) => s.flags)).toEqual(["S", ".", "P.", "F.", "."]);
    expect(segmentsOn(world, "h2-eth0").map((s) => s.flags)).toEqual(["S.", ".", "F."]);
  });

  /** When h1 handed a SYN to IP (they wait for ARP, which never resolves here), in seconds. */
  const synTimes = (world: World): number[] =>
    world.trace.since(0).events.filter((e) => e.kind === "route-decision" && e.purpose === "output" && e.namespace === "h1").map((e) => e.time / 1_000_000);

  function unanswered(sysctls: Record<string, string>): { world: World; client: TcpSocket } {
    const world = pair();
    for (const [name, value] of Object.entries(sysctls)) ns(world, "h1").sysctl.set(name, value);
    ns(world, "h2").linkSet("h2-eth0", { up: false });
    const client = openTcpSocket(ns(world, "h1"));
    client.connect(ip("10.0.0.2"), 80);
    return { world, client };
  }

  it("retransmits an unanswered SYN at 1, 3, 7, 15, 31 and 63 s and gives up with ETIMEDOUT at 127 s (tcp_syn_linear_timeouts = 0)", () => {
    const { world, client } = unanswered({ "net.ipv4.tcp_syn_linear_timeouts": "0" });
    world.runFor(seconds(126));
    expect(client.state).toBe("SYN_SENT");
    world.runFor(seconds(2));
    expect(client.takeError()).toBe("ETIMEDOUT");
    // The first output route lookup is connect()'s own.
    expect(synTimes(world)).toEqual([0, 0, 1, 3, 7, 15, 31, 63]);
  });

  it("keeps the first four SYN retransmissions 1 s apart, as Linux ≥ 6.5 does by default, and gives up at 131 s", () => {
    const { world, client } = unanswered({});
    world.runFor(seconds(130));
    expect(client.state).toBe("SYN_SENT");
    world.runFor(seconds(2));
    expect(client.takeError()).toBe("ETIMEDOUT");
    expect(synTimes(world)).toEqual([0, 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
  });

  it("follows net.ipv4.tcp_syn_retries as a time: with 1, SYNs at 0, 1 and 2 s and ETIMEDOUT at 3 s (measured on 6.18)", () => {
    const { world, client } = unanswered({ "net.ipv4.tcp_syn_retries": "1" });
    world.runFor(millis(2999));
    expect(client.state).toBe("SYN_SENT");
    world.runFor(millis(2));
    expect(client.takeError()).toBe("ETIMEDOUT");
    expect(synTimes(world)).toEqual([0, 0, 1, 2]);
  });

  it("resets a connection whose program closes it with unread data", () => {
    const world = pair();
    const { client, conn } = established(world);
    client.send(new TextEncoder().encode("unread"));
    world.runFor(millis(10));
    conn.close();
    world.runFor(millis(10));
    expect(client.state).toBe("CLOSED");
    expect(client.takeError()).toBe("ECONNRESET");
    expect(segmentsOn(world, "h2-eth0").map((s) => s.flags)).toContain("R.");
  });

  it("lets backlog + 1 connections wait for accept(), then leaves further SYNs unanswered", () => {
    const world = pair();
    const server = listen(world, "h2", 80);
    const clients = [1, 2, 3].map(() => {
      const c = openTcpSocket(ns(world, "h1"));
      c.connect(ip("10.0.0.2"), 80);
      world.runFor(millis(5));
      return c;
    });
    world.runFor(millis(10));
    expect(server.pendingConnections).toBe(2);
    expect(clients.map((c) => c.state)).toEqual(["ESTABLISHED", "ESTABLISHED", "SYN_SENT"]);
    server.accept();
    world.runFor(seconds(2));
    expect(clients[2]!.state).toBe("ESTABLISHED");
  });
});
