import { expect, test } from "@playwright/test";

test("corrupted saved progress is reset with a notice, and the course still works", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("wirebook.progress", "{this is not json"));
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "could not be read" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("could not be read")).toHaveCount(0);
});

test("an unknown address shows the 404 page", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByTestId("not-found")).toContainText("/no/such/page");
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an unknown lesson slug shows the 404 page", async ({ page }) => {
  await page.goto("/lessons/no-such-lesson");
  await expect(page.getByTestId("not-found")).toBeVisible();
});
