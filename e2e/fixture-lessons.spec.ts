import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";

test.describe("lessons with problems", () => {
  test("a broken lesson shows its diagnostics in place while the others still render", async ({ page }) => {
    await page.goto(`${FIXTURE_SERVER}/lessons/broken-lesson`);
    const panel = page.getByTestId("lesson-diagnostics");
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("e2e/fixtures/lessons/broken-lesson.md:");
    await expect(panel).toContainText("subnet-explorr");
    await expect(panel).toContainText('did you mean “subnet-explorer”?');

    await page.goto(`${FIXTURE_SERVER}/`);
    await expect(page.getByRole("link", { name: "IP addresses" })).toBeVisible();
    await page.goto(`${FIXTURE_SERVER}/lessons/ip-addressing`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("lesson-diagnostics")).toHaveCount(0);
  });

  test("script from lesson content never runs", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${FIXTURE_SERVER}/lessons/hostile-lesson`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("article")).toContainText("The page keeps rendering after the payloads.");
    // Click every link the lesson kept, as a curious student would.
    const links = page.locator("article a");
    for (let i = 0; i < (await links.count()); i++) {
      await links.nth(i).click({ modifiers: [], noWaitAfter: true }).catch(() => undefined);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(page.locator("article script, article iframe, article [onerror], article [onload]")).toHaveCount(0);
    await expect(page.locator('article a[href^="javascript:"]')).toHaveCount(0);
  });
});

test.describe("editing a lesson", () => {
  const file = join(process.cwd(), "e2e/fixtures/lessons/hot-reload-lesson.md");
  const lesson = (word: string) => `---
title: Hot reload
slug: hot-reload-lesson
order: 950
summary: A lesson the test edits while it is open.
objectives: [Watch it change, Keep reading, Stay put]
prerequisites: []
minutes: 1
---

## Section

The magic word is ${word}.
`;

  test.afterEach(() => rmSync(file, { force: true }));

  test("hot-reloads in place in the dev server", async ({ page }) => {
    writeFileSync(file, lesson("alpha"));
    await expect(async () => {
      await page.goto(`${FIXTURE_SERVER}/lessons/hot-reload-lesson`);
      await expect(page.locator("article")).toContainText("The magic word is alpha.", { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    writeFileSync(file, lesson("bravo"));
    await expect(page.locator("article")).toContainText("The magic word is bravo.", { timeout: 15_000 });
    // Same page, not a full reload.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  });
});
