import { expect, test } from "@playwright/test";
import { seriousViolations } from "./lab-probes";

for (const theme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("home page has no serious or critical axe violations", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("lesson page has no serious or critical axe violations", async ({ page }) => {
      await page.goto("/lessons/ip-addressing");
      await expect(page.locator("article h2").first()).toBeVisible();
      await expect(page.locator("figure[data-state='ready']").first()).toBeVisible({ timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
