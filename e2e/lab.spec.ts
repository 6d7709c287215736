import { expect, test } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";

const LESSON = `${FIXTURE_SERVER}/lessons/lab-lesson`;

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
});
