/**
 * Network-namespace ids (net/core/net_namespace.c, peernet2id_alloc): the
 * number a namespace gives another, shown as `link-netnsid N` and as
 * `ip netns list`'s "(id: N)". Each namespace numbers the others itself,
 * lowest free id first (idr_alloc from 0), and only when the kernel first
 * needs one: a device moved out allocates an id for its new namespace in the
 * old one (dev_change_net_namespace); a veth announced with its peer in
 * another namespace allocates one for the peer's (rtnl_fill_link_netnsid);
 * `ip netns set` assigns one by hand.
 *
 * The model does not keep nsids yet, so this adapter keeps them beside the
 * world (keyed by namespace object, so a deleted namespace's ids vanish).
 */
import type { VethDevice } from "../../../link";
import type { NetNamespace } from "../../../stack";
import type { World } from "../../../world";

type Ids = Map<NetNamespace, Map<NetNamespace, number>>;

const TABLES = new WeakMap<World, Ids>();

function idsOf(world: World, from: NetNamespace): Map<NetNamespace, number> {
  let table = TABLES.get(world);
  if (table === undefined) TABLES.set(world, (table = new Map()));
  let ids = table.get(from);
  if (ids === undefined) table.set(from, (ids = new Map()));
  return ids;
}

function alive(world: World, ns: NetNamespace): boolean {
  return world.namespace(ns.name) === ns;
}

/** The id `from` gives `to`, if it has given one (and `to` still exists). */
export function nsidOf(world: World, from: NetNamespace, to: NetNamespace): number | undefined {
  return alive(world, to) ? idsOf(world, from).get(to) : undefined;
}

/** peernet2id_alloc: the existing id, or the lowest free one. */
export function allocNsid(world: World, from: NetNamespace, to: NetNamespace): number {
  const ids = idsOf(world, from);
  for (const ns of [...ids.keys()]) if (!alive(world, ns)) ids.delete(ns);
  const known = ids.get(to);
  if (known !== undefined) return known;
  const used = new Set(ids.values());
  let id = 0;
  while (used.has(id)) id++;
  ids.set(to, id);
  return id;
}

export type SetNsidResult = "ok" | "peer-has-id" | "id-in-use";

/** `ip netns set NAME NSID` (rtnl_net_newid); `nsid` null = auto. */
export function setNsid(world: World, from: NetNamespace, to: NetNamespace, nsid: number | null): SetNsidResult {
  const ids = idsOf(world, from);
  for (const ns of [...ids.keys()]) if (!alive(world, ns)) ids.delete(ns);
  if (ids.has(to)) return "peer-has-id";
  if (nsid === null) {
    allocNsid(world, from, to);
    return "ok";
  }
  if ([...ids.values()].includes(nsid)) return "id-in-use";
  ids.set(to, nsid);
  return "ok";
}

/** After a link change: every veth whose peer lives elsewhere has its peer's namespace numbered. */
export function numberVethPeers(world: World): void {
  for (const ns of [world.root, ...world.netnsList().map((n) => world.namespace(n)!)]) {
    for (const dev of ns.devices) {
      const peer = dev.kind === "veth" ? (dev as VethDevice).peer : null;
      if (peer && peer.owner !== ns) allocNsid(world, ns, peer.owner as NetNamespace);
    }
  }
}
