/**
 * What iproute2 prints when the kernel refuses a request. Without an extended
 * ack message it prints `RTNETLINK answers: <strerror(errno)>`; with one
 * (most newer kernel paths set it) it prints `Error: <message>.` instead.
 * Both exit with status 2. Texts verified on Debian 12 (fixtures/errors.json).
 */
import { failed, type CommandOutput } from "./command-output";
import { strerror, type Errno } from "../../link/errno";

export type { Errno };

/** Exit status of every kernel refusal reported by ip and bridge. */
export const NETLINK_EXIT = 2;

/**
 * The kernel said no. `extack` is the kernel's extended-ack message when it
 * sets one (e.g. "ipv4: Address already assigned", "Nexthop has invalid
 * gateway"): iproute2 then prints it instead of strerror.
 */
export function formatNetlinkError(errno: Errno, extack?: string): CommandOutput {
  if (extack !== undefined) return failed(`Error: ${extack}.\n`, NETLINK_EXIT);
  return failed(`RTNETLINK answers: ${strerror(errno)}\n`, NETLINK_EXIT);
}

/**
 * The kernel's answers for the refusals a lesson meets, by what was asked —
 * so the model names the situation and gets Debian 12's exact text. Each row
 * was observed with the command in its comment.
 */
export const KERNEL_REFUSALS = {
  /** ip link add v0 … when v0 exists; ip link set v0 name v1 when v1 exists */
  linkExists: formatNetlinkError("EEXIST"),
  /** ip link add aaaaaaaaaaaaaaaaaaaaaaaaaaaaa type bridge (name longer than 15) */
  linkNameTooLong: formatNetlinkError("EINVAL", "Attribute failed policy validation"),
  /** ip link set v0 master v1 (v1 is not a bridge); ip link delete lo */
  linkOperationNotSupported: formatNetlinkError("EOPNOTSUPP"),
  /** ip link set v0 address 01:00:00:00:00:01 (a multicast MAC) */
  linkBadAddress: formatNetlinkError("EADDRNOTAVAIL"),
  /** ip link set v0 mtu 10 */
  mtuTooSmall: formatNetlinkError("EINVAL", "mtu less than device minimum"),
  /** ip link set v0 mtu 100000 */
  mtuTooLarge: formatNetlinkError("EINVAL", "mtu greater than device maximum"),
  /** ip link set lo netns a */
  netnsImmutable: formatNetlinkError("EINVAL", "The interface netns is immutable"),
  /** ip addr add 10.0.0.1/24 dev v0 twice */
  addressAssigned: formatNetlinkError("EEXIST", "ipv4: Address already assigned"),
  /** ip addr del 10.0.0.9/24 dev v0 when absent */
  addressNotFound: formatNetlinkError("EADDRNOTAVAIL", "ipv4: Address not found"),
  /** ip addr add 10.0.0.6/24 dev v0 scope link */
  addressInvalidScope: formatNetlinkError("EINVAL", "ipv4: Invalid scope value"),
  /** ip route add default via 10.0.0.3 when a default route exists; ip neigh add twice */
  routeExists: formatNetlinkError("EEXIST"),
  /** ip route add 10.2.0.0/16 via 10.9.9.9 (gateway not on a connected network) */
  invalidGateway: formatNetlinkError("ENETUNREACH", "Nexthop has invalid gateway"),
  /** ip route add 10.2.0.1/16 dev v0 (host bits set) */
  invalidPrefixForLength: formatNetlinkError("EINVAL", "Invalid prefix for given prefix length"),
  /** ip route add 10.6.0.0/24 dev v0 src 10.9.9.9 (not a local address) */
  invalidPrefsrc: formatNetlinkError("EINVAL", "Invalid prefsrc address"),
  /** ip route add 10.6.0.0/24 (no device, no gateway) */
  routeNoDevice: formatNetlinkError("ENODEV"),
  /** ip route change 10.99.0.0/16 … when absent */
  routeChangeMissing: formatNetlinkError("ENOENT"),
  /** ip route del 10.99.0.0/16 when absent */
  routeDeleteMissing: formatNetlinkError("ESRCH"),
  /** ip route get to an address with no route */
  networkUnreachable: formatNetlinkError("ENETUNREACH"),
  /** ip route get to an `unreachable` route */
  hostUnreachable: formatNetlinkError("EHOSTUNREACH"),
  /** ip route get to a `prohibit` route */
  prohibited: formatNetlinkError("EACCES"),
  /** ip route get to a `blackhole` route; ip route get … iif v0 */
  getInvalid: formatNetlinkError("EINVAL"),
  /** ip neigh add 10.0.0.10 dev v0 (no lladdr) */
  neighNoLladdr: formatNetlinkError("EINVAL", "No link layer address given"),
  /** ip neigh change/del of an absent entry */
  neighMissing: formatNetlinkError("ENOENT"),
  /** ip link add x type foo */
  unknownDeviceType: formatNetlinkError("EOPNOTSUPP", "Unknown device type"),
} as const;
