import { describe, expect, it } from "vitest";
import type { NetfilterHookPath } from "../../../sim/shell/exec/lab-netfilter-state-types";
import { diagramLayout } from "./diagram-layout";

/** The kernel's order, as the snapshot carries it (sim/netfilter/hooks.ts). */
const PATH: NetfilterHookPath[] = [
  { hook: "PREROUTING", tables: [{ table: "raw", priority: -300 }, { table: "mangle", priority: -150 }, { table: "nat", priority: -100, manip: "destination" }] },
  { hook: "INPUT", tables: [{ table: "mangle", priority: -150 }, { table: "filter", priority: 0 }, { table: "security", priority: 50 }, { table: "nat", priority: 100, manip: "source" }] },
  { hook: "FORWARD", tables: [{ table: "mangle", priority: -150 }, { table: "filter", priority: 0 }, { table: "security", priority: 50 }] },
  { hook: "OUTPUT", tables: [{ table: "raw", priority: -300 }, { table: "mangle", priority: -150 }, { table: "nat", priority: -100, manip: "destination" }, { table: "filter", priority: 0 }, { table: "security", priority: 50 }] },
  { hook: "POSTROUTING", tables: [{ table: "mangle", priority: -150 }, { table: "nat", priority: 100, manip: "source" }] },
];

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("diagramLayout", () => {
  it("stacks each hook's tables top to bottom in priority order, leaving out tables not shown", () => {
    const layout = diagramLayout(PATH, new Set(["raw", "mangle", "nat", "filter"]));
    expect(layout.hooks.OUTPUT.chips.map((c) => c.table)).toEqual(["raw", "mangle", "nat", "filter"]);
    expect(layout.hooks.INPUT.chips.map((c) => `${c.table}${c.manip ? ` ${c.manip}` : ""}`)).toEqual(["mangle", "filter", "nat source"]);
    const ys = layout.hooks.OUTPUT.chips.map((c) => c.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(diagramLayout(PATH, new Set(["raw", "mangle", "nat", "filter", "security"])).hooks.FORWARD.chips.map((c) => c.table)).toEqual(["mangle", "filter", "security"]);
  });

  it("keeps every box inside the drawing, apart from the others, with its tables inside it", () => {
    for (const shown of [new Set(["raw", "mangle", "nat", "filter"]), new Set(["raw", "mangle", "nat", "filter", "security"])]) {
      const layout = diagramLayout(PATH, shown);
      const boxes = Object.values(layout.hooks);
      for (const box of boxes) {
        expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height).toBe(true);
        for (const chip of box.chips) expect(chip.y + chip.height <= box.y + box.height && chip.x + chip.width <= box.x + box.width).toBe(true);
        for (const other of boxes) if (other !== box) expect(overlap(box, other), `${box.hook} and ${other.hook}`).toBe(false);
      }
    }
  });

  it("draws the classic path: routing splits to INPUT and FORWARD, and FORWARD and OUTPUT both lead to POSTROUTING", () => {
    const layout = diagramLayout(PATH, new Set(["raw", "mangle", "nat", "filter"]));
    expect(layout.edges.map((e) => e.id)).toEqual([
      "in>PREROUTING", "PREROUTING>route-in", "route-in>INPUT", "INPUT>local", "route-in>FORWARD",
      "FORWARD>POSTROUTING", "local>OUTPUT", "OUTPUT>route-out", "route-out>POSTROUTING", "POSTROUTING>out",
    ]);
    // Arrows run between their two ends: into POSTROUTING from the right (OUTPUT's side) and from above (FORWARD).
    const into = (id: string) => layout.edges.find((e) => e.id === id)!.points.at(-1)!;
    const post = layout.hooks.POSTROUTING;
    expect(into("route-out>POSTROUTING")[0]).toBe(post.x + post.width);
    expect(into("FORWARD>POSTROUTING")[1]).toBe(post.y);
  });
});
