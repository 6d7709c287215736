import { expect, test } from "@playwright/test";
import { seriousViolations } from "./lab-probes";
import { FIXTURE_SERVER } from "./fixture-server";

const LESSON = `${FIXTURE_SERVER}/lessons/lab-lesson`;

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
