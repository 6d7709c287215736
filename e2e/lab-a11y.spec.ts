import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";

const LESSON = `${FIXTURE_SERVER}/lessons/lab-lesson`;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`the lab lesson, ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("has no serious or critical axe violations, before and after a ping", async ({ page }) => {
      await page.goto(LESSON);
      const lab = page.getByTestId("lab");
      await expect(lab.locator("svg [data-node]").first()).toBeVisible({ timeout: 20_000 });
      await expect(lab.locator("[data-terminal-screen] .xterm").first()).toBeAttached({ timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);

      // With events in the log, a packet on a link, and a frame in the inspector.
      await page.getByRole("button", { name: "Run in ns1: ping -c 1 192.168.1.20" }).click();
      const request = lab.getByRole("list", { name: "Events" }).getByRole("button", { name: /ns1 asks who has/ });
      await expect(request).toBeVisible({ timeout: 15_000 });
      await expect(lab.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });
      await request.click();
      await expect(lab.getByRole("region", { name: "Inspector" })).toContainText("ARP");
      await lab.getByText(/Routes, neighbours and FDB after event/).click();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
