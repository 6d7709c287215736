import { describe, expect, it } from "vitest";
import { World } from "../../world";
import { addNamespaces, ip, ns, wire } from "../../world/test-helpers";
import { openTcpSocket } from "./tcp-socket";

function pair(seed: number): World {
  const world = new World({ seed });
  addNamespaces(world, "h1", "h2");
  wire(world, "h1", "h1-eth0", "h2", "h2-eth0", "10.0.0.1/24", "10.0.0.2/24");
  return world;
}

describe("local ports", () => {
  it("gives connect() an even port and bind(0) an odd one, inside ip_local_port_range", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const world = pair(seed);
      const client = openTcpSocket(ns(world, "h1"));
      client.connect(ip("10.0.0.2"), 80);
      expect(client.localPort % 2).toBe(0);
      expect(client.localPort).toBeGreaterThanOrEqual(32768);
      expect(client.localPort).toBeLessThanOrEqual(60999);
      const bound = openTcpSocket(ns(world, "h1"));
      expect(bound.bind().ok).toBe(true);
      expect(bound.localPort % 2).toBe(1);
    }
  });

  it("follows a changed net.ipv4.ip_local_port_range", () => {
    const world = pair(9);
    ns(world, "h1").sysctl.set("net.ipv4.ip_local_port_range", "40000 40001");
    const client = openTcpSocket(ns(world, "h1"));
    client.connect(ip("10.0.0.2"), 80);
    expect(client.localPort).toBe(40000);
  });

  it("picks the same ports again from the same seed", () => {
    const ports = [1, 2].map(() => {
      const world = pair(42);
      const client = openTcpSocket(ns(world, "h1"));
      client.connect(ip("10.0.0.2"), 80);
      return client.localPort;
    });
    expect(ports[0]).toBe(ports[1]);
  });

  it("refuses a second listener on a port with EADDRINUSE unless both set SO_REUSEPORT (as nc does)", () => {
    const world = pair(3);
    const h2 = ns(world, "h2");
    const first = openTcpSocket(h2);
    expect(first.bind(ip("0.0.0.0"), 80).ok).toBe(true);
    first.listen(1);
    const second = openTcpSocket(h2);
    expect(second.bind(ip("0.0.0.0"), 80)).toEqual({ ok: false, error: "EADDRINUSE" });
    const reusing = [openTcpSocket(h2), openTcpSocket(h2)];
    for (const s of reusing) {
      s.reuseAddress = true;
      s.reusePort = true;
    }
    expect(reusing[0]!.bind(ip("0.0.0.0"), 81).ok).toBe(true);
    reusing[0]!.listen(1);
    expect(reusing[1]!.bind(ip("0.0.0.0"), 81).ok).toBe(true);
  });

  it("refuses to bind an address the host does not have", () => {
    const world = pair(3);
    expect(openTcpSocket(ns(world, "h1")).bind(ip("10.0.0.9"), 80)).toEqual({ ok: false, error: "EADDRNOTAVAIL" });
  });

  it("keeps a port held by a listener from a client bind without SO_REUSEADDR", () => {
    const world = pair(3);
    const h1 = ns(world, "h1");
    const listener = openTcpSocket(h1);
    listener.reuseAddress = true;
    listener.bind(ip("10.0.0.1"), 8080);
    listener.listen(1);
    expect(openTcpSocket(h1).bind(ip("0.0.0.0"), 8080)).toEqual({ ok: false, error: "EADDRINUSE" });
  });
});
