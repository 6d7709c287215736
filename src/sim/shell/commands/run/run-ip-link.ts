/**
 * `ip link add|set|delete|show` against the model. Where the model answers
 * with a bare errno but the kernel attaches an extended ack (mtu bounds, the
 * immutable netns of lo, an over-long name), the refusal is worded from
 * KERNEL_REFUSALS — the texts measured on Debian 12.
 */
import { isMulticastMac, type MacAddress } from "../../../wire";
import type { KernelError } from "../../../link";
import type { LinkChanges, NetNamespace } from "../../../stack";
import { printed, type CommandOutput } from "../command-output";
import type { IpGlobalOptions, LinkAddOptions, LinkAddRequest, LinkChange, LinkRequest, LinkSetRequest, LinkShowRequest } from "../ip-request";
import { formatLinks } from "../link-format";
import { KERNEL_REFUSALS } from "../netlink-errors";
import { namespaceOf, type CommandEnv } from "./command-env";
import { kernelErrorOutput } from "./kernel-error-output";
import { allocNsid, numberVethPeers } from "./nsid-table";
import { linkView } from "./views-from-model";

const OK = printed("");
/** IFNAMSIZ − 1: the kernel's policy rejects longer names. */
const MAX_IFNAME = 15;
const MIN_MTU = 68;
const MAX_MTU = 65535;

export function runIpLink(request: LinkRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  switch (request.action) {
    case "add":
      return linkAdd(request, env);
    case "set":
      return linkSet(request, env);
    case "delete": {
      const deleted = namespaceOf(env).linkDel(request.dev);
      return deleted.ok ? OK : linkError(deleted.error);
    }
    case "show":
      return linkShow(request, options, env);
  }
}

function linkError(error: KernelError): CommandOutput {
  if (error.errno === "EOPNOTSUPP" && error.extack === undefined) return KERNEL_REFUSALS.linkOperationNotSupported;
  return kernelErrorOutput(error);
}

/** dev_alloc_name(): "veth%d" / "bridge%d" take the lowest free number. */
function kernelName(ns: NetNamespace, pattern: string, taken: readonly string[] = []): string {
  for (let i = 0; ; i++) {
    const name = `${pattern}${i}`;
    if (!ns.device(name) && !taken.includes(name)) return name;
  }
}

function linkAdd(request: LinkAddRequest, env: CommandEnv): CommandOutput {
  const here = namespaceOf(env);
  const home = request.netns === null ? here : env.world.namespace(request.netns)!;
  const tooLong = [request.name, request.kind.type === "veth" ? request.kind.peer.name : null].some((n) => n !== null && n.length > MAX_IFNAME);
  if (tooLong) return KERNEL_REFUSALS.linkNameTooLong;
  const mtuProblem = [request.mtu, request.kind.type === "veth" ? request.kind.peer.mtu : null].map(mtuRefusal).find((r) => r !== undefined);
  if (mtuProblem) return mtuProblem;
  if (request.kind.type === "bridge") {
    const name = request.name ?? kernelName(home, "bridge");
    const made = home.linkAdd({ kind: "bridge", name, ...(request.address ? { address: request.address } : {}) });
    if (!made.ok) return linkError(made.error);
    return finishAdd(home, name, request, env);
  }
  // veth_newlink: the peer lives where the request came from unless it names its own namespace.
  const peer = request.kind.peer;
  const peerNs = peer.netns === null ? here : env.world.namespace(peer.netns)!;
  const peerName = peer.name ?? kernelName(peerNs, "veth");
  const name = request.name ?? kernelName(home, "veth", home === peerNs ? [peerName] : []);
  const made = home.linkAdd({
    kind: "veth", name, ...(request.address ? { address: request.address } : {}),
    peer: { name: peerName, ...(peerNs !== home ? { netns: peerNs } : {}), ...(peer.address ? { address: peer.address } : {}) },
  });
  if (!made.ok) return linkError(made.error);
  const peerDone = finishAdd(peerNs, peerName, peer, env);
  if (peerDone.exit !== 0) return peerDone;
  return finishAdd(home, name, request, env);
}

/** The options rtnl_create_link applies after creation: mtu, then IFF_UP. */
function finishAdd(ns: NetNamespace, name: string, options: LinkAddOptions, env: CommandEnv): CommandOutput {
  const changes: LinkChanges = { ...(options.mtu !== null ? { mtu: options.mtu } : {}), ...(options.up ? { up: true } : {}) };
  const result = ns.linkSet(name, changes);
  numberVethPeers(env.world);
  return result.ok ? OK : linkError(result.error);
}

function mtuRefusal(mtu: number | null): CommandOutput | undefined {
  if (mtu === null) return undefined;
  if (mtu < MIN_MTU) return KERNEL_REFUSALS.mtuTooSmall;
  if (mtu > MAX_MTU) return KERNEL_REFUSALS.mtuTooLarge;
  return undefined;
}

function linkSet(request: LinkSetRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const dev = ns.device(request.dev)!;
  const changes: { -readonly [K in keyof LinkChanges]: LinkChanges[K] } = {};
  for (const change of request.changes) applyChange(changes, change, env);
  if (changes.netns && dev.kind === "loopback") return KERNEL_REFUSALS.netnsImmutable;
  if (changes.name !== undefined && changes.name.length > MAX_IFNAME) return KERNEL_REFUSALS.linkNameTooLong;
  if (changes.address !== undefined && isMulticastMac(changes.address as MacAddress)) return KERNEL_REFUSALS.linkBadAddress;
  if (changes.mtu !== undefined) {
    const refusal = dev.kind === "loopback" ? (changes.mtu < MIN_MTU ? KERNEL_REFUSALS.mtuTooSmall : undefined) : mtuRefusal(changes.mtu);
    if (refusal) return refusal;
  }
  const target = changes.netns;
  if (target && target !== ns) allocNsid(env.world, ns, target);
  const result = ns.linkSet(request.dev, changes);
  numberVethPeers(env.world);
  return result.ok ? OK : linkError(result.error);
}

function applyChange(changes: { -readonly [K in keyof LinkChanges]: LinkChanges[K] }, change: LinkChange, env: CommandEnv): void {
  switch (change.change) {
    case "netns":
      changes.netns = env.world.namespace(change.netns)!;
      return;
    case "name":
      changes.name = change.name;
      return;
    case "address":
      changes.address = change.address;
      return;
    case "mtu":
      changes.mtu = change.mtu;
      return;
    case "master":
      changes.master = change.master;
      return;
    case "nomaster":
      changes.master = null;
      return;
    case "state":
      changes.up = change.up;
      return;
  }
}

function linkShow(request: LinkShowRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const links = ns.devices
    .filter((d) => request.dev === null || d.name === request.dev)
    .filter((d) => request.type === null || d.kind === request.type)
    .filter((d) => request.master === null || d.master?.device.name === request.master)
    .filter((d) => !request.up || d.adminUp)
    .map((d) => linkView(d, ns, env.world));
  return printed(formatLinks(links, options));
}
