// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { EventLog, LOG_WINDOW } from "./EventLog";

/** The event words of a ping of `count` packets across the seed lab's bridge, as the lab widget gets them. */
async function pingEvents(count: number): Promise<EventWords[]> {
  const api = createInProcessApi();
  const { labId } = await api.labOpen(BRIDGE_LAB, { name: "lab.lab" });
  await api.labRun(labId, "root", `ip netns exec ns1 ping -c ${count} -i 0.2 192.168.1.20`, { budgetMs: 60_000 });
  const events: EventWords[] = [];
  for (let total = Infinity; events.length < total; ) {
    const batch = await api.labEvents(labId, events.length, 500);
    events.push(...batch.events);
    total = batch.total;
  }
  return events;
}

let short: EventWords[] = [];
let long: EventWords[] = [];
beforeAll(async () => {
  [short, long] = await Promise.all([pingEvents(1), pingEvents(40)]);
});
afterEach(cleanup);

function entries(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "Events" })).getAllByRole("button");
}
const placeOf = (button: Element | null) => Number(button?.closest("li")?.getAttribute("aria-posinset"));

describe("EventLog", () => {
  it("draws every entry of a short log as a button saying its place", () => {
    expect(short.length).toBeLessThanOrEqual(LOG_WINDOW.wholeUpTo);
    render(<EventLog events={short} position={3} onSelect={() => undefined} />);
    expect(entries().map((entry) => entry.textContent)).toEqual(short.map((event) => expect.stringContaining(event.text)));
    const items = within(screen.getByRole("list", { name: "Events" })).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("aria-posinset"))).toEqual(short.map((_, i) => String(i + 1)));
    expect(items.every((item) => item.getAttribute("aria-setsize") === String(short.length))).toBe(true);
  });

  it("draws only the entries in sight of a long log, the selected one among them and announced", () => {
    expect(long.length).toBeGreaterThan(LOG_WINDOW.wholeUpTo);
    const position = 400;
    render(<EventLog events={long} position={position} onSelect={() => undefined} />);
    expect(entries().length).toBeLessThan(100);
    const current = entries().find((entry) => entry.getAttribute("aria-current") === "true");
    expect(current?.textContent).toContain(long[position]!.text);
    expect(current?.closest("li")?.getAttribute("aria-posinset")).toBe(String(position + 1));
    expect(current?.closest("li")?.getAttribute("aria-setsize")).toBe(String(long.length));
    expect(screen.getByRole("status").textContent).toBe(`Event ${position + 1} of ${long.length}: ${long[position]!.text}`);
  });

  it("follows the playhead: the entry it moves to is drawn and current", () => {
    const { rerender } = render(<EventLog events={long} position={10} onSelect={() => undefined} />);
    rerender(<EventLog events={long} position={long.length - 1} onSelect={() => undefined} />);
    const current = entries().filter((entry) => entry.getAttribute("aria-current") === "true");
    expect(current).toHaveLength(1);
    expect(placeOf(current[0]!)).toBe(long.length);
  });

  it("selects the event of the entry clicked", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<EventLog events={long} position={400} onSelect={onSelect} />);
    const next = entries().find((entry) => placeOf(entry) === 402)!;
    await user.click(next);
    expect(onSelect).toHaveBeenCalledWith(401);
  });

  it("moves the focus through the whole log from the keyboard, drawing the entries it reaches", async () => {
    const user = userEvent.setup();
    render(<EventLog events={long} position={400} onSelect={() => undefined} />);
    entries().find((entry) => entry.getAttribute("aria-current") === "true")!.focus();
    await user.keyboard("{End}");
    expect(placeOf(document.activeElement)).toBe(long.length);
    expect(document.activeElement?.textContent).toContain(long.at(-1)!.text);
    await user.keyboard("{Home}");
    expect(placeOf(document.activeElement)).toBe(1);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(placeOf(document.activeElement)).toBe(3);
    await user.keyboard("{ArrowUp}");
    expect(placeOf(document.activeElement)).toBe(2);
    const page = Math.floor(LOG_WINDOW.viewport / LOG_WINDOW.estimate);
    await user.keyboard("{PageDown}");
    expect(placeOf(document.activeElement)).toBe(2 + page);
    // Enter on the focused entry selects it, as a click would.
    expect(document.activeElement?.tagName).toBe("BUTTON");
  });

  it("keeps the focused entry in the page while the playhead moves far from it", () => {
    const { rerender } = render(<EventLog events={long} position={400} onSelect={() => undefined} />);
    const focused = entries().find((entry) => placeOf(entry) === 401)!;
    focused.focus();
    rerender(<EventLog events={long} position={5} onSelect={() => undefined} />);
    expect(document.activeElement).toBe(focused);
    expect(focused.isConnected).toBe(true);
    expect(placeOf(entries().find((entry) => entry.getAttribute("aria-current") === "true")!)).toBe(6);
  });

  it("says there are no events yet before the first command", () => {
    render(<EventLog events={[]} position={-1} onSelect={() => undefined} />);
    expect(screen.getByText(/No events yet/)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Events" })).toBeNull();
  });
});
