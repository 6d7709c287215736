import { describe, expect, it } from "vitest";
import { showsNetworkState } from "./shows-network-state";

describe("showsNetworkState", () => {
  it("is true for listings of links, addresses and routes, route get and bridge listings", () => {
    for (const cmd of ["ip -br link", "ip a", "ip netns exec red ip route", "ip -n red route get 10.0.0.1", "bridge fdb show", "bridge link", "ip -o link | wc -l"]) {
      expect(showsNetworkState(cmd), cmd).toBe(true);
    }
  });

  it("is false for changes, neighbour listings and other programs", () => {
    for (const cmd of ["ip link set veth0 up", "ip addr add 10.0.0.1/24 dev v0", "ip neigh", "ping -c 1 10.0.0.1", "sysctl -w net.ipv4.ip_forward=1", "ip netns"]) {
      expect(showsNetworkState(cmd), cmd).toBe(false);
    }
  });
});

