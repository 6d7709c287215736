/**
 * The lab the UI benchmark animates: HOSTS namespaces in groups of ten on
 * their own bridge, one router namespace joining the bridges, and a command
 * that sets PINGERS pings going at once across the router — about
 * PINGERS × COUNT × 2 packets in flight while playback runs.
 */

export const HOSTS = 50;
const PER_BRIDGE = 10;
const PINGERS = 5;
const COUNT = 50;

const bridges = Math.ceil(HOSTS / PER_BRIDGE);
const hostName = (i: number) => `h${i}`;
const hostAddress = (i: number) => `10.9.${Math.floor(i / PER_BRIDGE)}.${10 + (i % PER_BRIDGE)}`;

/** The commands that build the network, one per line, in the root namespace. */
export function manyHostsSetup(): string[] {
  const lines: string[] = ["ip netns add rt", "ip netns exec rt sysctl -w net.ipv4.ip_forward=1"];
  for (let b = 0; b < bridges; b++) {
    lines.push(
      `ip link add bb${b} type bridge`,
      `ip link set bb${b} up`,
      `ip link add rt${b} type veth peer name rt${b}-br`,
      `ip link set rt${b} netns rt`,
      `ip link set rt${b}-br master bb${b}`,
      `ip link set rt${b}-br up`,
      `ip netns exec rt ip addr add 10.9.${b}.1/24 dev rt${b}`,
      `ip netns exec rt ip link set rt${b} up`,
    );
  }
  for (let i = 0; i < HOSTS; i++) {
    const h = hostName(i);
    const b = Math.floor(i / PER_BRIDGE);
    lines.push(
      `ip netns add ${h}`,
      `ip link add ${h}-v type veth peer name ${h}-br`,
      `ip link set ${h}-v netns ${h}`,
      `ip link set ${h}-br master bb${b}`,
      `ip link set ${h}-br up`,
      `ip netns exec ${h} ip addr add ${hostAddress(i)}/24 dev ${h}-v`,
      `ip netns exec ${h} ip link set ${h}-v up`,
      `ip netns exec ${h} ip route add default via 10.9.${b}.1`,
    );
  }
  return lines;
}

/** One line that starts PINGERS pings at once, each from a host on one bridge to a host on the next. */
export function manyPingsCommand(): string {
  const pings: string[] = [];
  for (let p = 0; p < PINGERS; p++) {
    const from = (p * PER_BRIDGE + p) % HOSTS;
    const to = (from + PER_BRIDGE + 1) % HOSTS;
    pings.push(`ip netns exec ${hostName(from)} ping -q -c ${COUNT} -i 0.1 ${hostAddress(to)}`);
  }
  return pings.join(" & ");
}

export const EXPECTED_PACKETS = PINGERS * COUNT * 2;
