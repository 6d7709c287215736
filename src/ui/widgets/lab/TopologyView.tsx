/**
 * The machine drawn as its cabling: namespaces as hosts (routers and the
 * root machine told apart by shape and a word), bridges as switches, veth
 * pairs as lines with each end's interface and address. The frame of the
 * current event moves along its link as a dot labelled with its protocol;
 * drops are red crosses with the reason on hover. d3 computes positions
 * (topology-layout.ts); React draws the SVG.
 *
 * Playback costs O(1) a frame: the dot moves its own transform from the
 * progress signal (no render), and a new event re-renders only the links,
 * dot and drops whose props changed — nodes and links are memoised, and the
 * lab keeps the topology's identity while it does not change.
 */
import { memo, useLayoutEffect, useMemo, useRef } from "react";
import type { KeyboardEvent, PointerEvent } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import type { NodeId, Topology, TopologyInterface, TopologyLink, TopologyNode } from "../../../sim/world/topology";
import type { ProgressSignal } from "./progress-signal";
import { protocolColour, protocolLabel } from "./protocol-style";
import { viewBoxOf, type Layout, type Point } from "./topology-layout";
import styles from "./TopologyView.module.css";

export interface TopologyViewProps {
  topology: Topology;
  layout: Layout;
  /** The drawing's height: px, or any CSS length. */
  height: number | string;
  /** The event at the playhead, and how far its frame has travelled (0–1, changing every frame). */
  current: EventWords | undefined;
  progress: ProgressSignal;
  /** Drops to mark (those of the current command up to the playhead). */
  drops: readonly EventWords[];
  onMove(id: NodeId, to: Point): void;
}

const ROLE_WORDS: Record<TopologyNode["role"], string> = { machine: "machine", host: "host", router: "router", switch: "switch" };
const KEY_STEP = 20;
/** An interface's label: this far along its link from the node's centre (clear of the shape), and this far beside it. */
const LABEL_ALONG = 40;
const LABEL_BESIDE = 9;

function interfaceLabel(iface: TopologyInterface): string {
  return iface.addresses.length > 0 ? `${iface.name} ${iface.addresses[0]}` : iface.name;
}

function along(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

function findInterface(topology: Topology, id: string | undefined): TopologyInterface | undefined {
  if (id === undefined) return undefined;
  for (const node of topology.nodes) for (const iface of node.interfaces) if (iface.id === id) return iface;
  return undefined;
}

/** Interfaces that are not an end of a drawn link (lo, a lone dummy): listed under the node. */
function looseInterfaces(node: TopologyNode, linked: ReadonlySet<string>): TopologyInterface[] {
  return node.interfaces.filter((iface) => !linked.has(iface.id) && iface.kind !== "loopback" && !(node.kind === "bridge"));
}

function NodeShape({ node }: { node: TopologyNode }) {
  switch (node.role) {
    case "router":
      return <circle r={28} className={`${styles.shape} ${styles.router}`} />;
    case "switch":
      return <rect x={-36} y={-19} width={72} height={38} rx={4} className={`${styles.shape} ${styles.switch}`} />;
    case "machine":
      return <rect x={-34} y={-22} width={68} height={44} rx={10} className={`${styles.shape} ${styles.machine}`} />;
    default:
      return <rect x={-30} y={-22} width={60} height={44} rx={4} className={`${styles.shape} ${styles.host}`} />;
  }
}

/** Where an end's label goes: beside the link near its node, the two ends on opposite sides so they never collide. */
function endLabelPlace(from: Point, to: Point, side: 1 | -1): { at: Point; anchor: "start" | "middle" | "end"; above: boolean } {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const u = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const n = { x: -u.y * side, y: u.x * side };
  const at = { x: from.x + u.x * LABEL_ALONG + n.x * LABEL_BESIDE, y: from.y + u.y * LABEL_ALONG + n.y * LABEL_BESIDE };
  // Mostly horizontal: the text runs along the link, away from its node. Mostly vertical: it sits off to the side.
  const horizontal = Math.abs(u.x) >= 0.6;
  const anchor = horizontal ? (u.x > 0 ? "start" : "end") : n.x > 0.2 ? "start" : n.x < -0.2 ? "end" : "middle";
  return { at, anchor, above: n.y < 0 };
}

function EndLabel({ iface, from, to, side }: { iface: TopologyInterface; from: Point; to: Point; side: 1 | -1 }) {
  const { at, anchor, above } = endLabelPlace(from, to, side);
  const lines = [iface.name, ...iface.addresses.slice(0, 1)];
  const firstDy = above ? `${-(lines.length - 1) * 1.15}em` : "0.8em";
  return (
    <text x={at.x} y={at.y} className={styles.ifaceLabel} textAnchor={anchor}>
      {lines.map((line, i) => (
        <tspan key={line} x={at.x} dy={i === 0 ? firstDy : "1.15em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

const LinkLine = memo(function LinkLine({ link, topology, layout, active }: { link: TopologyLink; topology: Topology; layout: Layout; active: boolean }) {
  const a = layout.get(link.a.node);
  const b = layout.get(link.b.node);
  if (!a || !b) return null;
  const ifaceA = findInterface(topology, link.a.interface);
  const ifaceB = findInterface(topology, link.b.interface);
  return (
    <g className={styles.link} data-link={link.id}>
      <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={`${styles.linkLine} ${link.up ? "" : styles.down} ${active ? styles.activeLink : ""}`} />
      {ifaceA && <EndLabel iface={ifaceA} from={a} to={b} side={1} />}
      {ifaceB && <EndLabel iface={ifaceB} from={b} to={a} side={1} />}
    </g>
  );
});

const NodeGroup = memo(function NodeGroup({ node, at, linked, onMove }: { node: TopologyNode; at: Point; linked: ReadonlySet<string>; onMove(id: NodeId, to: Point): void }) {
  const drag = useRef<{ pointer: number; offset: Point } | null>(null);
  const toSvg = (event: PointerEvent<SVGGElement>): Point | null => {
    const svg = event.currentTarget.ownerSVGElement;
    const matrix = svg?.getScreenCTM()?.inverse();
    if (!svg || !matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return { x: point.x, y: point.y };
  };
  const onPointerDown = (event: PointerEvent<SVGGElement>) => {
    const p = toSvg(event);
    if (!p) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointer: event.pointerId, offset: { x: at.x - p.x, y: at.y - p.y } };
  };
  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    const p = drag.current && drag.current.pointer === event.pointerId ? toSvg(event) : null;
    if (p && drag.current) onMove(node.id, { x: Math.round(p.x + drag.current.offset.x), y: Math.round(p.y + drag.current.offset.y) });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const delta: Record<string, Point> = { ArrowLeft: { x: -KEY_STEP, y: 0 }, ArrowRight: { x: KEY_STEP, y: 0 }, ArrowUp: { x: 0, y: -KEY_STEP }, ArrowDown: { x: 0, y: KEY_STEP } };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    onMove(node.id, { x: at.x + d.x, y: at.y + d.y });
  };
  const loose = looseInterfaces(node, linked);
  const addresses = node.interfaces.filter((iface) => iface.kind !== "loopback").flatMap((iface) => iface.addresses.map((address) => `${iface.name} ${address}`));
  return (
    <g
      transform={`translate(${at.x} ${at.y})`}
      className={styles.node}
      data-node={node.id}
      tabIndex={0}
      role="group"
      aria-label={`${node.name}, ${ROLE_WORDS[node.role]}${addresses.length ? `: ${addresses.join(", ")}` : ""}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <NodeShape node={node} />
      <text className={styles.nodeName} textAnchor="middle" y={-2}>
        {node.name}
      </text>
      <text className={styles.roleLabel} textAnchor="middle" y={13}>
        {ROLE_WORDS[node.role]}
      </text>
      {loose.map((iface, i) => (
        <text key={iface.id} className={styles.ifaceLabel} textAnchor="middle" y={36 + 14 * i}>
          {interfaceLabel(iface)}
        </text>
      ))}
    </g>
  );
});

function PacketDot({ event, layout, progress }: { event: EventWords; layout: Layout; progress: ProgressSignal }) {
  const dot = useRef<SVGGElement>(null);
  const link = event.link;
  const from = link ? layout.get(link.from) : undefined;
  const to = link ? layout.get(link.to) : undefined;
  // A frame arriving ("in") sits at the far end; one leaving glides along the link.
  const transformAt = (t: number): string => {
    const at = from && to ? along(from, to, link?.direction === "in" ? 1 : t) : { x: 0, y: 0 };
    return `translate(${at.x} ${at.y})`;
  };
  const latestTransform = useRef(transformAt);
  useLayoutEffect(() => {
    latestTransform.current = transformAt;
  });
  useLayoutEffect(
    () =>
      progress.subscribe((value) => {
        const element = dot.current;
        if (!element || value.event !== event.index) return;
        const transform = latestTransform.current(value.progress);
        if (element.getAttribute("transform") !== transform) element.setAttribute("transform", transform);
      }),
    [progress, event.index],
  );
  if (!link || !from || !to) return null;
  const now = progress.get();
  const colour = protocolColour(event.protocol);
  return (
    <g ref={dot} className={styles.packet} transform={transformAt(now.event === event.index ? now.progress : 0.5)} data-testid="packet-dot" aria-hidden="true">
      <circle r={8} fill={colour} className={styles.dot} />
      <text x={11} y={-9} className={styles.dotLabel} fill={colour}>
        {protocolLabel(event.protocol)}
      </text>
    </g>
  );
}

function DropMark({ event, layout }: { event: EventWords; layout: Layout }) {
  const node = event.device?.node ?? `ns:${event.host}`;
  const at = layout.get(node);
  if (!at) return null;
  return (
    <g className={styles.drop} transform={`translate(${at.x + 26} ${at.y - 24})`} data-testid="drop-mark">
      <title>{event.drop?.detail ? `${event.drop.words} — ${event.drop.detail}` : (event.drop?.words ?? event.text)}</title>
      <circle r={11} className={styles.dropHalo} />
      <path d="M -6 -6 L 6 6 M 6 -6 L -6 6" className={styles.cross} />
    </g>
  );
}

export const TopologyView = memo(function TopologyView({ topology, layout, height, current, progress, drops, onMove }: TopologyViewProps) {
  const box = useMemo(() => viewBoxOf(layout), [layout]);
  const linked = useMemo(
    () => new Set(topology.links.flatMap((link) => [link.a.interface, link.b.interface].filter((id): id is string => id !== undefined))),
    [topology],
  );
  const viewBox = `${box.x} ${box.y} ${box.width} ${box.height}`;
  // Two layers with one viewBox: the cabling, still while playback runs, and
  // above it what moves (the dot, the drops) in a composited layer of its own,
  // so a frame repaints the dot, not the page.
  return (
    <div className={styles.stage}>
      <svg
        className={styles.svg}
        viewBox={viewBox}
        style={{ height }}
        preserveAspectRatio="xMidYMid meet"
        aria-label="Topology: drag a node, or focus it and use the arrow keys, to move it"
      >
        {topology.links.map((link) => (
          <LinkLine key={link.id} link={link} topology={topology} layout={layout} active={current?.link?.id === link.id} />
        ))}
        {topology.nodes.map((node) => {
          const at = layout.get(node.id);
          return at ? <NodeGroup key={node.id} node={node} at={at} linked={linked} onMove={onMove} /> : null;
        })}
      </svg>
      <svg className={styles.moving} viewBox={viewBox} preserveAspectRatio="xMidYMid meet">
        {drops.map((drop) => (
          <DropMark key={drop.index} event={drop} layout={layout} />
        ))}
        {current && <PacketDot event={current} layout={layout} progress={progress} />}
      </svg>
    </div>
  );
});
