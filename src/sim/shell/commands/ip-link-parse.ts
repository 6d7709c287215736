/**
 * `ip link …` (iproute2 ip/iplink.c). Words are read left to right; a bare
 * word names the device, a second bare word is "garbage". `master`, `netns`,
 * `mtu` and `address` values are checked as they are read, the device itself
 * only after the whole line.
 */
import { parseMac } from "../../wire/mac-address";
import { failed } from "./command-output";
import { deviceDoesNotExist, garbage, invalidArgument, invalidLladdr, IP_EXIT_USAGE, unknownCommand } from "./iproute-errors";
import type { LinkAddOptions, LinkChange, LinkKind, LinkRequest } from "./ip-request";
import type { IpScope } from "./ip-scope";
import { firstMatch } from "./iproute-words";

/** iplink.c's test order: `ip link s` is set, `ip link sh` show, `ip link d` delete. */
const LINK_COMMANDS = ["add", "set", "change", "replace", "delete", "show", "lst", "list", "xstats", "afstats", "property", "help"] as const;

/** Kinds the real kernel knows but we do not model; any other name is "Unknown device type". */
const KNOWN_UNMODELLED_KINDS = new Set(["dummy", "vlan", "vxlan", "macvlan", "macvtap", "ipvlan", "bond", "team", "vrf", "gre", "ipip", "sit", "tun", "tap", "ifb", "geneve", "wireguard", "nlmon", "vcan", "netkit"]);

const DEV_REQUIRED = failed('Not enough information: "dev" argument is required.\n', IP_EXIT_USAGE);

export function parseLink(scope: IpScope): LinkRequest {
  const { args } = scope;
  if (args.done) return { object: "link", action: "show", dev: null, type: null, master: null, up: false };
  const word = args.take();
  switch (firstMatch(word, LINK_COMMANDS)) {
    case "add":
      return parseAdd(scope);
    case "set":
    case "change":
      return parseSet(scope);
    case "delete":
      return parseDelete(scope);
    case "show":
    case "lst":
    case "list":
      return parseShow(scope);
    case undefined:
      return scope.stop(unknownCommand(word, "link"));
    default:
      return scope.unsupported(word);
  }
}

interface DeviceWords {
  name: string | null;
  dev: string | null;
  address: LinkAddOptions["address"];
  mtu: number | null;
  netns: string | null;
  up: boolean | null;
  type: string | null;
}

/** check_ifname (iproute2 lib/utils.c): not empty, shorter than IFNAMSIZ (16), no "/" and no whitespace. */
function readIfname(scope: IpScope): string {
  const name = scope.value();
  if (name === "" || name.length >= 16 || /[/\s]/.test(name)) scope.stop(invalidArgument(name, '"name" not a valid ifname'));
  return name;
}

/**
 * check_altifname: what `ip link add NAME` checks itself — the kernel, not
 * iproute2, refuses a name of 16 to 127 characters ("Attribute failed policy
 * validation").
 */
function isValidAltIfname(name: string): boolean {
  return name !== "" && name.length < 128 && !/[/\s]/.test(name);
}

/**
 * iplink_parse() for `add` and for a veth's `peer` options: stops at `type`
 * (returning with the type's own words still unread).
 */
function parseDeviceWords(scope: IpScope): DeviceWords {
  const { args } = scope;
  const words: DeviceWords = { name: null, dev: null, address: null, mtu: null, netns: null, up: null, type: null };
  while (!args.done) {
    const word = args.take();
    if (word === "up" || word === "down") words.up = word === "up";
    else if (word === "name") words.name = readIfname(scope);
    else if (word === "address") words.address = readMac(scope);
    else if (word === "mtu") words.mtu = readMtu(scope);
    else if (word === "netns") words.netns = readNetns(scope);
    else if (word === "type") {
      words.type = scope.value();
      break;
    } else if (isUnmodelledLinkKeyword(word)) scope.unsupported(word);
    else {
      const dev = word === "dev" ? scope.value() : word;
      if (words.dev !== null) scope.stop(garbage("dev", dev));
      if (!isValidAltIfname(dev)) scope.stop(invalidArgument(dev, '"dev" not a valid ifname'));
      words.dev = dev;
    }
  }
  return words;
}

/** ip link keywords that take part in `add`/`set` but that we do not model. */
function isUnmodelledLinkKeyword(word: string): boolean {
  return [
    "txqueuelen", "txqlen", "qlen", "broadcast", "brd", "peer", "alias", "group", "arp", "multicast", "allmulticast",
    "promisc", "trailers", "dynamic", "vf", "link", "index", "numtxqueues", "numrxqueues", "gso_max_size", "gso_max_segs",
    "link-netns", "link-netnsid", "addrgenmode", "protodown", "xdp", "carrier", "state", "vrf", "parentdev",
  ].includes(word);
}

function readMac(scope: IpScope) {
  const text = scope.value();
  const mac = parseMac(text);
  if (!mac.ok) scope.stop(invalidLladdr(text));
  return mac.value;
}

function readMtu(scope: IpScope): number {
  const text = scope.value();
  // get_integer(): strtol base 0, the whole word, within int range.
  const mtu = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(mtu) || mtu > 0x7fffffff) scope.stop(invalidArgument(text, 'Invalid "mtu" value\n'));
  return mtu;
}

function readNetns(scope: IpScope): string {
  const name = scope.value();
  // A number would be a PID; we model named namespaces only.
  if (/^[0-9]+$/.test(name)) scope.unsupported(`netns ${name}`);
  if (!scope.lookup.netnsExists(name)) scope.stop(invalidArgument(name, 'Invalid "netns" value\n'));
  return name;
}

function deviceName(scope: IpScope, words: DeviceWords): string | null {
  if (words.name !== null && words.dev !== null && words.name !== words.dev) {
    scope.stop(failed('both "name" and "dev" cannot be used when creating devices.\n', IP_EXIT_USAGE));
  }
  return words.name ?? words.dev;
}

function addOptions(scope: IpScope, words: DeviceWords): LinkAddOptions {
  return { name: deviceName(scope, words), address: words.address, mtu: words.mtu, netns: words.netns, up: words.up };
}

function parseAdd(scope: IpScope): LinkRequest {
  const words = parseDeviceWords(scope);
  if (words.type === null) scope.stop(failed('Not enough information: "type" argument is required\n', 1));
  const kind = parseKind(scope, words.type);
  return { object: "link", action: "add", kind, ...addOptions(scope, words) };
}

function parseKind(scope: IpScope, type: string): LinkKind {
  const { args } = scope;
  if (type === "bridge") {
    if (!args.done) scope.unsupported(`type bridge ${args.peek()}`);
    return { type: "bridge" };
  }
  if (type === "veth") {
    const noPeer: LinkAddOptions = { name: null, address: null, mtu: null, netns: null, up: null };
    if (args.done) return { type: "veth", peer: noPeer };
    if (args.take() !== "peer") {
      // link_veth.c prints its usage on stdout.
      scope.stop({ stdout: "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n", stderr: "", exit: 1 });
    }
    const peerWords = parseDeviceWords(scope);
    if (peerWords.type !== null) scope.unsupported(`peer type ${peerWords.type}`);
    return { type: "veth", peer: addOptions(scope, peerWords) };
  }
  if (KNOWN_UNMODELLED_KINDS.has(type)) return scope.unsupported(`type ${type}`);
  return scope.stop(failed("Error: Unknown device type.\n", 2));
}

function parseSet(scope: IpScope): LinkRequest {
  const { args } = scope;
  let dev: string | null = null;
  const changes: LinkChange[] = [];
  while (!args.done) {
    const word = args.take();
    if (word === "up" || word === "down") changes.push({ change: "state", up: word === "up" });
    else if (word === "name") changes.push({ change: "name", name: readIfname(scope) });
    else if (word === "address") changes.push({ change: "address", address: readMac(scope) });
    else if (word === "mtu") changes.push({ change: "mtu", mtu: readMtu(scope) });
    else if (word === "netns") changes.push({ change: "netns", netns: readNetns(scope) });
    else if (word === "master") {
      const master = scope.value();
      if (!scope.deviceExists(master)) scope.stop(invalidArgument(master, "Device does not exist\n"));
      changes.push({ change: "master", master });
    } else if (word === "nomaster") changes.push({ change: "nomaster" });
    else if (isUnmodelledLinkKeyword(word)) scope.unsupported(word);
    else {
      const name = word === "dev" ? scope.value() : word;
      if (dev !== null) scope.stop(garbage("dev", name));
      dev = name;
    }
  }
  if (dev === null) return scope.stop(DEV_REQUIRED);
  scope.requireDevice(dev);
  return { object: "link", action: "set", dev, changes };
}

function parseDelete(scope: IpScope): LinkRequest {
  const { args } = scope;
  let dev: string | null = null;
  while (!args.done) {
    const word = args.take();
    if (word === "type" || isUnmodelledLinkKeyword(word)) scope.unsupported(word);
    const name = word === "dev" ? scope.value() : word;
    if (dev !== null) scope.stop(garbage("dev", name));
    dev = name;
  }
  if (dev === null) return scope.stop(DEV_REQUIRED);
  scope.requireDevice(dev);
  return { object: "link", action: "delete", dev };
}

/** `ip link show [dev] NAME [type T] [master BR] [up]` (ipaddress.c's ipaddr_list_flush_or_save). */
function parseShow(scope: IpScope): LinkRequest {
  const { args } = scope;
  let dev: string | null = null;
  let type: string | null = null;
  let master: string | null = null;
  let up = false;
  while (!args.done) {
    const word = args.take();
    if (word === "up") up = true;
    else if (word === "type") type = scope.value();
    else if (word === "master") {
      master = scope.value();
      if (!scope.deviceExists(master)) scope.stop(invalidArgument(master, "Device does not exist\n"));
    } else if (["to", "scope", "label", "group", "vrf", "nomaster", "permanent", "dynamic", "primary", "secondary", "tentative", "deprecated", "dadfailed", "temporary", "proto"].includes(word)) {
      scope.unsupported(word);
    } else {
      const name = word === "dev" ? scope.value() : word;
      if (dev !== null) scope.stop(garbage("dev", name));
      dev = name;
    }
  }
  if (dev !== null && !scope.deviceExists(dev)) scope.stop(deviceDoesNotExist(dev));
  return { object: "link", action: "show", dev, type, master, up };
}

