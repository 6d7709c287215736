import { describe, expect, it } from "vitest";
import { mayChangeLinks } from "./changes-links";

describe("mayChangeLinks", () => {
  it("is true for link and namespace changes, and for programs it does not know", () => {
    for (const cmd of ["ip link set veth0 up", "ip netns add red", "ip -n red link add br0 type bridge", "bridge link set dev x cost 4", "ip netns exec red some-daemon"]) {
      expect(mayChangeLinks(cmd), cmd).toBe(true);
    }
  });

  it("is false for listings, address/route/neighbour changes and read-only programs", () => {
    for (const cmd of ["ip -br link", "ip addr add 10.0.0.1/24 dev v0", "ip route add default via 10.0.0.1", "ip neigh flush dev v0", "ip netns exec a ping -c 1 10.0.0.2", "cat /proc/sys/net/ipv4/ip_forward", "ipcalc 10.0.0.0/8"]) {
      expect(mayChangeLinks(cmd), cmd).toBe(false);
    }
  });
});
