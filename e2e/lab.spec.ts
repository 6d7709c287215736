import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";
import { glides, sampleFrames } from "./lab-probes";

const LESSON = `${FIXTURE_SERVER}/lessons/lab-lesson`;

/** Presses `key` until the focused element passes `check` (run in the page), or fails after `max` presses. */
async function pressUntil(page: Page, key: string, check: (element: Element | null) => boolean, max = 250) {
  for (let i = 0; i < max; i++) {
    const active = await page.evaluateHandle(() => document.activeElement);
    const reached = await active.evaluate(check).catch(() => false);
    await active.dispose();
    if (reached) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached the element after ${max} presses of ${key}`);
}

test.describe("the lab widget", () => {
  test("draws the topology, runs a typed ping, logs it, and steps back to the ARP request", async ({ page }) => {
    await page.goto(LESSON);
    const lab = page.getByTestId("lab");
    await expect(lab.getByRole("heading", { name: "Two namespaces on a bridge" })).toBeVisible();
    for (const name of ["ns1", "ns2", "br0"]) await expect(lab.locator(`svg [data-node] >> text="${name}"`)).toBeVisible();
    await expect(lab.getByRole("group", { name: "ns1, host: veth1 192.168.1.10/24" })).toBeVisible();

    // Type into the root terminal (xterm) as a student would.
    const terminal = lab.getByRole("tabpanel", { name: "root terminal" });
    await expect(terminal.getByRole("group", { name: "Terminal on root" })).toBeVisible();
    await terminal.locator("[data-terminal-screen]").click();
    await page.keyboard.type("ip netns exec ns1 ping -c 1 192.168.1.20");
    await page.keyboard.press("Enter");

    const log = lab.getByRole("list", { name: "Events" });
    const request = log.getByRole("button", { name: /ns1 asks who has 192\.168\.1\.20\? tell 192\.168\.1\.10 \(ARP request, broadcast\)/ });
    await expect(request).toBeVisible({ timeout: 15_000 });
    await expect(log.getByRole("button", { name: /ICMP echo reply/ }).first()).toBeVisible();

    // A packet is animated along a link while the new events play.
    await expect(lab.getByTestId("packet-dot")).toBeVisible();

    // Step back through the timeline, then pick the ARP request in the log.
    // Playback may already have reached the end on a fast machine.
    const pause = lab.getByRole("button", { name: "Pause" });
    if (await pause.isVisible()) await pause.click();
    const counter = lab.getByText(/^step \d+\/\d+$/);
    const before = await counter.textContent();
    await lab.getByRole("button", { name: "Step back" }).click();
    await expect(counter).not.toHaveText(before ?? "");

    await request.click();
    await expect(request).toHaveAttribute("aria-current", "true");
    await lab.getByText(/Routes, neighbours and FDB after event/).click();
    await expect(lab.getByRole("region", { name: "ns1 tables" })).toContainText("192.168.1.20 dev veth1 INCOMPLETE");
    await expect(lab.getByRole("region", { name: "Inspector" })).toContainText("ARP");
  });

  test("stacks on a phone and goes full screen, Esc returning", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(LESSON);
    const lab = page.getByTestId("lab");
    await expect(lab.locator("svg [data-node]").first()).toBeVisible();
    const box = await lab.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // Stacked: topology, then the controls, the terminals, and the inspector and log last.
    const top = async (locator: ReturnType<typeof lab.locator>) => (await locator.boundingBox())!.y;
    const order = [
      await top(lab.locator("svg").first()),
      await top(lab.getByRole("group", { name: "Playback" })),
      await top(lab.getByRole("tablist", { name: "Terminals" })),
      await top(lab.getByRole("region", { name: "Inspector" })),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await lab.getByRole("button", { name: "Full screen" }).click();
    await expect(lab).toHaveCSS("position", "fixed");
    await page.keyboard.press("Escape");
    await expect(lab).not.toHaveCSS("position", "fixed");
  });

  test("a Run button under a command block types it into that host's terminal", async ({ page }) => {
    await page.goto(LESSON);
    const lab = page.getByTestId("lab");
    const run = page.getByRole("button", { name: "Run in ns1: ping -c 1 192.168.1.20" });
    await expect(run).toBeEnabled({ timeout: 20_000 });
    await run.click();

    await expect(lab.getByRole("tab", { name: "ns1" })).toHaveAttribute("aria-selected", "true");
    const terminal = lab.getByRole("tabpanel", { name: "ns1 terminal" });
    await expect(terminal).toContainText("1 packets transmitted, 1 received", { timeout: 15_000 });
    const log = lab.getByRole("list", { name: "Events" });
    await expect(log.getByRole("button", { name: /ns1 asks who has 192\.168\.1\.20\? tell 192\.168\.1\.10/ })).toBeVisible();
    await expect(log.getByRole("button", { name: /ICMP echo reply/ }).first()).toBeVisible();
  });

  test("the whole flow works from the keyboard alone", async ({ page }) => {
    await page.goto(LESSON);
    const lab = page.getByTestId("lab");
    await expect(lab.locator("[data-terminal-screen] .xterm").first()).toBeAttached({ timeout: 20_000 });

    // Tab from the top of the page into the root terminal, and type the ping there.
    await pressUntil(page, "Tab", (el) => el?.closest('[role="tabpanel"]')?.getAttribute("aria-label") === "root terminal");
    await page.keyboard.type("ip netns exec ns1 ping -c 1 192.168.1.20");
    await page.keyboard.press("Enter");
    const log = lab.getByRole("list", { name: "Events" });
    const request = log.getByRole("button", { name: /ns1 asks who has 192\.168\.1\.20\?/ });
    await expect(request).toBeVisible({ timeout: 15_000 });
    await expect(lab.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });

    // Esc then Shift+Tab leaves the terminal (it keeps Tab for completion) back to the controls.
    await page.keyboard.press("Escape");
    await pressUntil(page, "Shift+Tab", (el) => el?.getAttribute("aria-label") === "Step back");
    const counter = lab.getByText(/^step \d+\/\d+$/);
    const before = await counter.textContent();
    await page.keyboard.press("Enter");
    await expect(counter).not.toHaveText(before ?? "");

    // On back into the log, whose entries are buttons, to the ARP request.
    await pressUntil(page, "Shift+Tab", (el) => /ns1 asks who has 192\.168\.1\.20\?/.test(el?.textContent ?? "") && el?.tagName === "BUTTON");
    await page.keyboard.press("Enter");
    await expect(request).toHaveAttribute("aria-current", "true");
    await expect(request).toBeFocused();
    await expect(lab.getByRole("region", { name: "Inspector" })).toContainText("ARP");
  });

  for (const motion of ["reduce", "no-preference"] as const) {
    test(`the packet ${motion === "reduce" ? "steps from event to event with reduced motion" : "glides along its link otherwise"}`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: motion });
      await page.goto(LESSON);
      const lab = page.getByTestId("lab");
      const run = page.getByRole("button", { name: "Run in ns1: ping -c 1 192.168.1.20" });
      await expect(run).toBeEnabled({ timeout: 20_000 });
      await run.click();
      await expect(lab.getByRole("button", { name: "Pause" })).toBeVisible({ timeout: 15_000 });

      const frames = await sampleFrames(page, 120);
      // Playback really ran during the sample: the dot was drawn and the playhead moved on.
      expect(frames.some((f) => f.dot !== null)).toBe(true);
      expect(new Set(frames.map((f) => f.step)).size).toBeGreaterThan(1);
      if (motion === "reduce") expect(glides(frames)).toBe(0);
      else expect(glides(frames)).toBeGreaterThan(0);
    });
  }
});
