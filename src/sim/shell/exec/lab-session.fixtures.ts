/**
 * Lab scripts tests share: the seed article's two namespaces on a bridge
 * (parity case 001, without its pings), a router between two namespaces,
 * and two hosts on one veth pair.
 */

export const BRIDGE_LAB = `ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link add veth1 type veth peer name veth1-br
ip link add veth2 type veth peer name veth2-br
ip link set veth1 netns ns1
ip link set veth2 netns ns2
ip link set veth1-br master br0
ip link set veth2-br master br0
ip netns exec ns1 ip addr add 192.168.1.10/24 dev veth1
ip netns exec ns1 ip link set veth1 up
ip netns exec ns2 ip addr add 192.168.1.20/24 dev veth2
ip netns exec ns2 ip link set veth2 up
ip link set veth1-br up
ip link set veth2-br up
ip link set br0 up
`;

/** a (10.0.0.1) — r (forwarding) — b (10.0.1.2), each end with a default route via r. */
export const ROUTER_LAB = `ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add b0 netns b type veth peer name r1 netns r
ip -n a addr add 10.0.0.1/24 dev a0
ip -n r addr add 10.0.0.254/24 dev r0
ip -n r addr add 10.0.1.254/24 dev r1
ip -n b addr add 10.0.1.2/24 dev b0
ip -n a link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n b link set b0 up
ip -n a route add default via 10.0.0.254
ip -n b route add default via 10.0.1.254
ip netns exec r sysctl -w net.ipv4.ip_forward=1
`;

/** h1 (10.0.0.1) and h2 (10.0.0.2) on one veth pair, a command a line: where the nc, ss and netstat parity cases start. */
export const TWO_HOSTS: readonly string[] = [
  "ip netns add h1",
  "ip netns add h2",
  "ip link add h1-eth0 type veth peer name h2-eth0",
  "ip link set h1-eth0 netns h1",
  "ip link set h2-eth0 netns h2",
  "ip -n h1 addr add 10.0.0.1/24 dev h1-eth0",
  "ip -n h2 addr add 10.0.0.2/24 dev h2-eth0",
  "ip -n h1 link set h1-eth0 up",
  "ip -n h2 link set h2-eth0 up",
];
