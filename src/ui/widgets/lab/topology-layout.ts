/**
 * Where each node of the topology is drawn. d3-force runs to completion
 * off-screen (a fixed number of ticks; d3's jiggle uses its own seeded LCG),
 * so the same topology always gets the same picture.
 *
 * Stability: nodes that already have a position (from the last layout, or
 * where the reader dragged them) are pinned there; only new nodes move, and
 * each starts beside a neighbour it is linked to. A namespace created by a
 * command therefore appears next to what it is cabled to, and nothing the
 * reader was looking at jumps.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import type { NodeId, Topology } from "../../../sim/world/topology";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Layout = ReadonlyMap<NodeId, Point>;

interface LayoutNode extends SimulationNodeDatum {
  id: NodeId;
}

const TICKS = 300;
const LINK_DISTANCE = 180;
/** A new node starts this far from its neighbour, at a golden-angle turn per new node so siblings spread out. */
const NEW_NODE_OFFSET = 120;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function neighbours(topology: Topology): Map<NodeId, NodeId[]> {
  const map = new Map<NodeId, NodeId[]>();
  const add = (a: NodeId, b: NodeId) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const link of topology.links) {
    add(link.a.node, link.b.node);
    add(link.b.node, link.a.node);
  }
  return map;
}

export function layoutTopology(topology: Topology, previous: Layout = new Map()): Map<NodeId, Point> {
  const adjacent = neighbours(topology);
  const placed = new Map<NodeId, Point>();
  for (const node of topology.nodes) {
    const known = previous.get(node.id);
    if (known) placed.set(node.id, known);
  }
  const firstLayout = placed.size === 0;
  let newCount = 0;
  const nodes: LayoutNode[] = topology.nodes.map((node) => {
    const known = placed.get(node.id);
    if (known) return { id: node.id, x: known.x, y: known.y, fx: known.x, fy: known.y };
    if (firstLayout) return { id: node.id };
    const anchor = (adjacent.get(node.id) ?? []).map((id) => placed.get(id)).find((p) => p !== undefined) ?? { x: 0, y: 0 };
    const angle = GOLDEN_ANGLE * newCount++;
    const start = { x: anchor.x + NEW_NODE_OFFSET * Math.cos(angle), y: anchor.y + NEW_NODE_OFFSET * Math.sin(angle) };
    placed.set(node.id, start);
    return { id: node.id, ...start };
  });
  const links: SimulationLinkDatum<LayoutNode>[] = topology.links.map((link) => ({ source: link.a.node, target: link.b.node }));

  const simulation = forceSimulation(nodes)
    .force("link", forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>(links).id((d) => d.id).distance(LINK_DISTANCE).strength(0.8))
    .force("charge", forceManyBody().strength(-700))
    .force("collide", forceCollide(70))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.06))
    .stop();
  simulation.tick(TICKS);

  return new Map(nodes.map((node) => [node.id, { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) }]));
}

/** The box that shows every node with room for its labels: an SVG viewBox. */
export function viewBoxOf(layout: Layout, margin = 110): { x: number; y: number; width: number; height: number } {
  const points = [...layout.values()];
  if (points.length === 0) return { x: -200, y: -150, width: 400, height: 300 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin * 0.7;
  return { x, y, width: Math.max(...xs) - x + margin, height: Math.max(...ys) - y + margin };
}
