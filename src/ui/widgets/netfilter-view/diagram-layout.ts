/**
 * Where the classic netfilter diagram puts things, in SVG user units:
 *
 *   in ─► PREROUTING ─► ◇routing ─► INPUT ─► local process
 *                          │                      │
 *                          ▼                      ▼
 *                       FORWARD               OUTPUT
 *                          │                      │
 *   out ◄─ POSTROUTING ◄───┴──── ◇routing ◄───────┘
 *
 * Each hook is a box holding its tables in the kernel's priority order (the
 * order comes with the snapshot, from sim/netfilter/hooks.ts). The layout
 * is pure, so the view only draws it.
 */
import type { NetfilterHookName, NetfilterHookPath, NetfilterHookTable } from "../../../sim/shell/exec/lab-netfilter-state-types";

export const DIAGRAM_WIDTH = 760;

const BOX_WIDTH = 168;
const HEADER = 26;
const CHIP_HEIGHT = 26;
const CHIP_GAP = 4;
const PAD = 6;
const ROW_GAP = 44;
const TOP = 16;
/** Arrows meet boxes at their header line. */
const ARROW_DY = HEADER / 2;

/** The places a packet passes that are not hooks. */
export type PointName = "in" | "out" | "local" | "route-in" | "route-out";
export type NodeName = NetfilterHookName | PointName;

export interface ChipBox extends NetfilterHookTable {
  readonly hook: NetfilterHookName;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HookBox {
  readonly hook: NetfilterHookName;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly chips: readonly ChipBox[];
}

export interface PointBox {
  readonly name: PointName;
  /** Centre. */
  readonly x: number;
  readonly y: number;
}

export interface Edge {
  /** "FROM>TO", e.g. "PREROUTING>route-in". */
  readonly id: string;
  readonly from: NodeName;
  readonly to: NodeName;
  /** Polyline, the last point being the arrow head. */
  readonly points: readonly (readonly [number, number])[];
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly hooks: Readonly<Record<NetfilterHookName, HookBox>>;
  readonly points: Readonly<Record<PointName, PointBox>>;
  readonly edges: readonly Edge[];
}

export function edgeId(from: NodeName, to: NodeName): string {
  return `${from}>${to}`;
}

function box(hook: NetfilterHookName, x: number, y: number, tables: readonly NetfilterHookTable[]): HookBox {
  const chips = tables.map((table, index): ChipBox => ({
    ...table,
    hook,
    x: x + PAD,
    y: y + HEADER + index * (CHIP_HEIGHT + CHIP_GAP),
    width: BOX_WIDTH - 2 * PAD,
    height: CHIP_HEIGHT,
  }));
  const height = HEADER + tables.length * (CHIP_HEIGHT + CHIP_GAP) - CHIP_GAP + PAD;
  return { hook, x, y, width: BOX_WIDTH, height: Math.max(height, HEADER + PAD), chips };
}

/**
 * The diagram for `path`, drawing only the tables in `shown` (security is
 * left out until a host uses it).
 */
export function diagramLayout(path: readonly NetfilterHookPath[], shown: ReadonlySet<string>): DiagramLayout {
  const tablesOf = (hook: NetfilterHookName) => (path.find((p) => p.hook === hook)?.tables ?? []).filter((t) => shown.has(t.table));
  const heightOf = (hook: NetfilterHookName) => box(hook, 0, 0, tablesOf(hook)).height;

  const col = { pre: 64, route: 236, input: 404, local: 660 };
  const row1 = TOP;
  const row2 = row1 + Math.max(heightOf("PREROUTING"), heightOf("INPUT")) + ROW_GAP;
  const row3 = row2 + heightOf("FORWARD") + ROW_GAP;

  const hooks: Record<NetfilterHookName, HookBox> = {
    PREROUTING: box("PREROUTING", col.pre, row1, tablesOf("PREROUTING")),
    INPUT: box("INPUT", col.input, row1, tablesOf("INPUT")),
    FORWARD: box("FORWARD", col.route, row2, tablesOf("FORWARD")),
    OUTPUT: box("OUTPUT", col.local - BOX_WIDTH / 2, row3, tablesOf("OUTPUT")),
    POSTROUTING: box("POSTROUTING", col.pre, row3, tablesOf("POSTROUTING")),
  };
  const y1 = row1 + ARROW_DY;
  const y3 = row3 + ARROW_DY;
  const routeInX = col.route + BOX_WIDTH / 2;
  const points: Record<PointName, PointBox> = {
    in: { name: "in", x: 18, y: y1 },
    out: { name: "out", x: 18, y: y3 },
    local: { name: "local", x: col.local, y: y1 },
    "route-in": { name: "route-in", x: routeInX, y: y1 },
    "route-out": { name: "route-out", x: (col.pre + BOX_WIDTH + hooks.OUTPUT.x) / 2 + 40, y: y3 },
  };
  const midY = row2 + heightOf("FORWARD") + ROW_GAP / 2;
  const { PREROUTING: pre, INPUT: input, FORWARD: forward, OUTPUT: output, POSTROUTING: post } = hooks;
  const routeIn = points["route-in"];
  const routeOut = points["route-out"];
  const DIAMOND = 16;
  const LOCAL_HALF = 56;
  const edge = (from: NodeName, to: NodeName, pts: Edge["points"]): Edge => ({ id: edgeId(from, to), from, to, points: pts });
  const edges: Edge[] = [
    edge("in", "PREROUTING", [[points.in.x + 14, y1], [pre.x, y1]]),
    edge("PREROUTING", "route-in", [[pre.x + pre.width, y1], [routeIn.x - DIAMOND, y1]]),
    edge("route-in", "INPUT", [[routeIn.x + DIAMOND, y1], [input.x, y1]]),
    edge("INPUT", "local", [[input.x + input.width, y1], [points.local.x - LOCAL_HALF, y1]]),
    edge("route-in", "FORWARD", [[routeIn.x, y1 + DIAMOND], [routeIn.x, forward.y]]),
    edge("FORWARD", "POSTROUTING", [[forward.x + forward.width / 2, forward.y + forward.height], [forward.x + forward.width / 2, midY], [post.x + post.width - 24, midY], [post.x + post.width - 24, post.y]]),
    edge("local", "OUTPUT", [[points.local.x, y1 + 14], [points.local.x, output.y]]),
    edge("OUTPUT", "route-out", [[output.x, y3], [routeOut.x + DIAMOND, y3]]),
    edge("route-out", "POSTROUTING", [[routeOut.x - DIAMOND, y3], [post.x + post.width, y3]]),
    edge("POSTROUTING", "out", [[post.x, y3], [points.out.x + 14, y3]]),
  ];
  const bottom = Math.max(...Object.values(hooks).map((h) => h.y + h.height));
  return { width: DIAGRAM_WIDTH, height: bottom + TOP, hooks, points, edges };
}
