/**
 * Node positions for the topology on screen: recomputed only when nodes or
 * links come or go (see topology-layout.ts for why old nodes stay put), and
 * moved by the reader's drags.
 */
import { useCallback, useMemo, useState } from "react";
import type { NodeId, Topology } from "../../../sim/world/topology";
import { layoutTopology, type Layout, type Point } from "./topology-layout";

function shapeKey(topology: Topology | null): string {
  if (!topology) return "";
  return [...topology.nodes.map((n) => n.id), "|", ...topology.links.map((l) => l.id)].join(" ");
}

export function useTopologyLayout(topology: Topology | null): { layout: Layout; move: (id: NodeId, to: Point) => void } {
  const [cache, setCache] = useState<{ key: string; layout: Layout }>({ key: "", layout: new Map() });
  // The lab keeps the topology object while the picture does not change: the key is computed once per picture.
  const key = useMemo(() => shapeKey(topology), [topology]);
  let current = cache;
  if (topology && key !== cache.key) {
    // Adjusting state while rendering (react.dev "You might not need an effect"): no frame shows the old layout.
    current = { key, layout: layoutTopology(topology, cache.layout) };
    setCache(current);
  }
  const move = useCallback((id: NodeId, to: Point) => {
    setCache((previous) => ({ ...previous, layout: new Map(previous.layout).set(id, to) }));
  }, []);
  return { layout: current.layout, move };
}
