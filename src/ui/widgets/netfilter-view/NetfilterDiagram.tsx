/**
 * The classic netfilter diagram (diagram-layout.ts) for one host: hooks as
 * boxes holding their tables in priority order, routing decisions between
 * them, the current packet's way lit, each table it went through marked
 * with its decision, and per-chain counters. The lines are SVG; each table
 * is an HTML button over it (keyboard, focus and hover work natively), whose
 * popover lists the chain's rules as `iptables -t TABLE -S CHAIN` prints them.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { NetfilterHookName, NetfilterPass, NetfilterSnapshot } from "../../../sim/shell/exec/lab-netfilter-state-types";
import { useT } from "../../i18n/use-t";
import { diagramLayout, type ChipBox, type DiagramLayout, type PointName } from "./diagram-layout";
import { chainPackets, chipKey, chipMarks, findChain, litEdges, litNodes, type ChipMark } from "./pass-reading";
import { decisionWords } from "./pass-sentence";
import styles from "./NetfilterView.module.css";

export interface ChainRef {
  readonly table: string;
  readonly chain: string;
}

export interface NetfilterDiagramProps {
  readonly host: string;
  readonly snapshot: NetfilterSnapshot;
  readonly pass: NetfilterPass | null;
  /** The chain whose rules the panel below shows. */
  readonly selected: ChainRef | null;
  readonly onSelect: (chain: ChainRef) => void;
}

/** How long the pointer may take to move from a table onto its popover. */
const HOVER_GRACE_MS = 150;

const percent = (value: number, of: number) => `${(value / of) * 100}%`;

function chipIcon(mark: ChipMark | undefined): string {
  if (!mark) return "";
  if (mark.dropped) return "✕";
  if (mark.rewrite && !mark.traversal) return "⇄";
  return "✓";
}

export function NetfilterDiagram({ host, snapshot, pass, selected, onSelect }: NetfilterDiagramProps) {
  const t = useT();
  const shown = useMemo(() => new Set(snapshot.tables.map((table) => table.name)), [snapshot]);
  const layout = useMemo(() => diagramLayout(snapshot.hooks, shown), [snapshot.hooks, shown]);
  const lit = useMemo(() => (pass ? { nodes: new Set(litNodes(pass)), edges: litEdges(pass), marks: chipMarks(pass) } : null), [pass]);
  const popoverId = useId();

  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const leaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const open = hovered ?? focused;
  const openChip = open !== null && open !== dismissed ? (layout.hooks[open.split("/")[0] as NetfilterHookName]?.chips.find((c) => chipKey(c.hook, c.table) === open) ?? null) : null;

  const keepHover = (key: string) => {
    if (leaveTimer.current !== null) clearTimeout(leaveTimer.current);
    leaveTimer.current = null;
    setHovered(key);
    if (dismissed !== key) setDismissed(null);
  };
  const dropHover = () => {
    if (leaveTimer.current !== null) clearTimeout(leaveTimer.current);
    leaveTimer.current = setTimeout(() => setHovered(null), HOVER_GRACE_MS);
  };
  useEffect(() => () => {
    if (leaveTimer.current !== null) clearTimeout(leaveTimer.current);
  }, []);

  // Escape closes the popover wherever focus is (WCAG 1.4.13: dismissible without moving the pointer).
  useEffect(() => {
    if (openChip === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDismissed(chipKey(openChip.hook, openChip.table));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openChip]);

  return (
    <div className={styles.diagramScroll}>
      <div className={styles.diagram} role="group" aria-label={t("netfilter.diagram", { host })} style={{ aspectRatio: `${layout.width} / ${layout.height}` }}>
        <svg className={styles.lines} viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true" focusable="false">
          <defs>
            <marker id={`${popoverId}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className={styles.arrowHead} />
            </marker>
            <marker id={`${popoverId}-arrow-lit`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className={styles.arrowHeadLit} />
            </marker>
          </defs>
          {layout.edges.map((edge) => {
            const on = lit?.edges.has(edge.id) ?? false;
            return (
              <polyline
                key={edge.id}
                data-edge={edge.id}
                data-lit={on || undefined}
                className={on ? styles.edgeLit : styles.edge}
                points={edge.points.map(([x, y]) => `${x},${y}`).join(" ")}
                markerEnd={`url(#${popoverId}-arrow${on ? "-lit" : ""})`}
              />
            );
          })}
          {Object.values(layout.hooks).map((hook) => (
            <g key={hook.hook} data-hook={hook.hook} data-lit={lit?.nodes.has(hook.hook) || undefined}>
              <rect x={hook.x} y={hook.y} width={hook.width} height={hook.height} rx={6} className={lit?.nodes.has(hook.hook) ? styles.hookLit : styles.hook} />
              <text x={hook.x + 8} y={hook.y + 17} className={styles.hookName}>
                {hook.hook}
              </text>
            </g>
          ))}
          <Points layout={layout} lit={lit?.nodes ?? null} />
        </svg>
        {Object.values(layout.hooks).flatMap((hook) =>
          hook.chips.map((chip) => {
            const key = chipKey(chip.hook, chip.table);
            const chain = findChain(snapshot, chip.table, chip.hook);
            const mark = lit?.marks.get(key);
            const isSelected = selected?.table === chip.table && selected.chain === chip.hook;
            const state = !chain?.active
              ? t("netfilter.chip.inactive")
              : t("netfilter.chip.counted", { rules: chain.rules.length, packets: chainPackets(chain) });
            const passed = mark?.traversal
              ? t("netfilter.chip.passed", { decision: decisionWords(t, snapshot, mark.traversal) })
              : mark?.rewrite
                ? t("netfilter.chip.rewrote")
                : "";
            return (
              <button
                key={key}
                type="button"
                data-chip={key}
                data-mark={mark ? (mark.dropped ? "dropped" : mark.traversal ? "passed" : "rewrote") : undefined}
                className={[styles.chip, chain?.active ? "" : styles.chipInactive, mark ? styles.chipPassed : "", mark?.dropped ? styles.chipDropped : "", isSelected ? styles.chipSelected : ""].join(" ")}
                style={{ left: percent(chip.x, layout.width), top: percent(chip.y, layout.height), width: percent(chip.width, layout.width), height: percent(chip.height, layout.height) }}
                aria-label={`${chip.table} ${chip.hook}: ${[state, passed].filter((s) => s !== "").join("; ")}`}
                aria-pressed={isSelected}
                aria-describedby={openChip === chip ? popoverId : undefined}
                onClick={() => onSelect({ table: chip.table, chain: chip.hook })}
                onMouseEnter={() => keepHover(key)}
                onMouseLeave={dropHover}
                onFocus={() => {
                  // The keyboard moved: its chip's list replaces one a pointer left behind (still in its grace time).
                  if (leaveTimer.current !== null) clearTimeout(leaveTimer.current);
                  leaveTimer.current = null;
                  setHovered(null);
                  setFocused(key);
                  if (dismissed !== key) setDismissed(null);
                }}
                onBlur={() => setFocused((current) => (current === key ? null : current))}
              >
                <span className={styles.chipIcon} aria-hidden="true">
                  {chipIcon(mark)}
                </span>
                <span className={styles.chipName}>{chipName(chip)}</span>
                <span className={styles.chipCount} aria-hidden="true">
                  {chain?.active ? t("netfilter.chip.packets", { packets: chainPackets(chain) }) : "—"}
                </span>
              </button>
            );
          }),
        )}
        {openChip && (
          <ChainPopover
            id={popoverId}
            chip={openChip}
            layout={layout}
            lines={chainLines(snapshot, openChip)}
            onEnter={() => keepHover(chipKey(openChip.hook, openChip.table))}
            onLeave={dropHover}
          />
        )}
      </div>
    </div>
  );
}

/** "nat (DNAT)" where nat may change the destination, "nat (SNAT)" where the source. */
function chipName(chip: ChipBox): string {
  if (chip.manip === undefined) return chip.table;
  return `${chip.table} (${chip.manip === "destination" ? "DNAT" : "SNAT"})`;
}

/** `iptables -t TABLE -S CHAIN`, line by line. */
function chainLines(snapshot: NetfilterSnapshot, chip: ChipBox): string[] {
  const chain = findChain(snapshot, chip.table, chip.hook);
  return chain ? [chain.definition, ...chain.rules.map((rule) => rule.text)] : [];
}

function ChainPopover({ id, chip, layout, lines, onEnter, onLeave }: { id: string; chip: ChipBox; layout: DiagramLayout; lines: readonly string[]; onEnter: () => void; onLeave: () => void }) {
  // Below the table, or above it in the lower half of the diagram; never past the right edge.
  const below = chip.y < layout.height / 2;
  const style = {
    left: percent(Math.min(chip.x, layout.width - 340), layout.width),
    ...(below ? { top: percent(chip.y + chip.height + 4, layout.height) } : { bottom: percent(layout.height - chip.y + 4, layout.height) }),
  };
  return (
    <div id={id} role="tooltip" className={styles.popover} style={style} onMouseEnter={onEnter} onMouseLeave={onLeave}>
      <p className={styles.popoverCommand}>
        <code>{`iptables -t ${chip.table} -S ${chip.hook}`}</code>
      </p>
      <pre className={styles.popoverLines}>{lines.join("\n")}</pre>
    </div>
  );
}

function Points({ layout, lit }: { layout: DiagramLayout; lit: ReadonlySet<string> | null }) {
  const t = useT();
  const on = (name: PointName) => lit?.has(name) ?? false;
  const { in: inPoint, out, local } = layout.points;
  return (
    <>
      <text x={inPoint.x} y={inPoint.y + 4} textAnchor="middle" className={on("in") ? styles.pointLit : styles.point} data-point="in">
        {t("netfilter.in")}
      </text>
      <text x={out.x} y={out.y + 4} textAnchor="middle" className={on("out") ? styles.pointLit : styles.point} data-point="out">
        {t("netfilter.out")}
      </text>
      <g data-point="local">
        <rect x={local.x - 56} y={local.y - 13} width={112} height={26} rx={13} className={on("local") ? styles.hookLit : styles.hook} />
        <text x={local.x} y={local.y + 4} textAnchor="middle" className={on("local") ? styles.pointLit : styles.point}>
          {t("netfilter.local")}
        </text>
      </g>
      {(["route-in", "route-out"] as const).map((name) => {
        const { x, y } = layout.points[name];
        return (
          <g key={name} data-point={name}>
            <path d={`M ${x} ${y - 16} L ${x + 16} ${y} L ${x} ${y + 16} L ${x - 16} ${y} Z`} className={on(name) ? styles.hookLit : styles.hook} />
            <text x={x} y={y - 21} textAnchor="middle" className={on(name) ? styles.routingLit : styles.routing}>
              {t("netfilter.routing")}
            </text>
          </g>
        );
      })}
    </>
  );
}
