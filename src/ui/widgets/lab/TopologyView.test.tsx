// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import type { LabState } from "../../../sim/shell/exec/lab-session-types";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { createProgressSignal } from "./progress-signal";
import { layoutTopology } from "./topology-layout";
import { TopologyView } from "./TopologyView";

let state: LabState;
let crossing: EventWords;
beforeAll(async () => {
  const api = createInProcessApi();
  const { labId } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" });
  await api.labRun(labId, "root", "ip netns exec ns1 ping -c 1 192.168.1.20", { budgetMs: 10_000 });
  state = await api.labState(labId);
  crossing = (await api.labEvents(labId, 0, 500)).events.find((e) => e.link?.direction === "out")!;
});
afterEach(cleanup);

const translation = (element: Element) => element.getAttribute("transform");

describe("TopologyView", () => {
  it("moves the packet dot along its link as the progress signal changes, without a new render", () => {
    const layout = layoutTopology(state.topology);
    const progress = createProgressSignal({ event: crossing.index, progress: 0 });
    render(<TopologyView topology={state.topology} layout={layout} height={300} current={crossing} progress={progress} drops={[]} onMove={() => undefined} />);
    const dot = screen.getByTestId("packet-dot");
    const from = layout.get(crossing.link!.from)!;
    const to = layout.get(crossing.link!.to)!;
    expect(translation(dot)).toBe(`translate(${from.x} ${from.y})`);

    act(() => progress.set({ event: crossing.index, progress: 0.5 }));
    expect(translation(dot)).toBe(`translate(${from.x + (to.x - from.x) / 2} ${from.y + (to.y - from.y) / 2})`);
    act(() => progress.set({ event: crossing.index, progress: 1 }));
    expect(translation(dot)).toBe(`translate(${to.x} ${to.y})`);
    // Progress for another event (the playhead moved on, React not yet caught up) leaves this dot be.
    act(() => progress.set({ event: crossing.index + 1, progress: 0 }));
    expect(translation(dot)).toBe(`translate(${to.x} ${to.y})`);
  });

  it("draws the cabling and the moving dot in two layers over the same coordinates", () => {
    const layout = layoutTopology(state.topology);
    const progress = createProgressSignal({ event: crossing.index, progress: 0.25 });
    const { container } = render(
      <TopologyView topology={state.topology} layout={layout} height={300} current={crossing} progress={progress} drops={[]} onMove={() => undefined} />,
    );
    const [cabling, moving] = [...container.querySelectorAll("svg")];
    expect(cabling?.querySelectorAll("[data-node]").length).toBe(state.topology.nodes.length);
    expect(moving?.contains(screen.getByTestId("packet-dot"))).toBe(true);
    expect(moving?.getAttribute("viewBox")).toBe(cabling?.getAttribute("viewBox"));
  });
});
