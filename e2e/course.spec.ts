import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

const explorer = (page: Page, id: string) => page.locator(`section[data-explorer-id="${id}"]`);

test("a student goes from the home page through a lesson, its explorer and a quiz, and keeps their progress", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "The course" })).toBeVisible();
  await expect(page.getByTestId("status-ip-addressing")).toHaveText("Not started");
  await page.getByRole("link", { name: "IP addresses, masks and subnets" }).click();
  await expect(page).toHaveURL(/\/lessons\/ip-addressing$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IP addresses, masks and subnets");

  // The table of contents links to the sections.
  await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Subnetting a VPC" }).click();
  await expect(page).toHaveURL(/#subnetting-a-vpc$/);
  await expect(page.getByRole("heading", { name: "Subnetting a VPC" })).toBeInViewport();

  // The subnet explorer answers with the simulator's arithmetic.
  const bits = explorer(page, "bits");
  const field = bits.getByRole("textbox", { name: /address and prefix/i });
  await field.fill("172.16.5.4/12");
  await expect(bits).toContainText("172.31.255.255");
  await expect(bits).toContainText("Private-Use");
  await field.fill("10.0.0.300/8");
  await expect(bits.getByRole("textbox", { name: /address and prefix/i })).toHaveAttribute("aria-invalid", "true");
  await expect(bits).toContainText("300");

  // A quiz is graded in the browser and explained.
  const quiz = page.locator('[data-quiz-id="mask-for-slash-27"]');
  await quiz.getByLabel("255.255.255.192").check();
  await quiz.getByRole("button", { name: "Check answer" }).click();
  await expect(quiz).toHaveAttribute("data-result", "incorrect");
  await quiz.getByRole("button", { name: "Try again" }).click();
  await quiz.getByLabel("255.255.255.224").check();
  await quiz.getByRole("button", { name: "Check answer" }).click();
  await expect(quiz).toHaveAttribute("data-result", "correct");
  await expect(page.getByTestId("quiz-score")).toContainText("1/7");

  await page.getByRole("button", { name: "Mark lesson complete" }).click();

  // Progress survives a reload.
  await page.reload();
  await expect(page.locator('[data-quiz-id="mask-for-slash-27"]')).toHaveAttribute("data-result", "correct");
  await expect(page.getByTestId("quiz-score")).toContainText("1/7");
  await page.goto("/");
  await expect(page.getByTestId("status-ip-addressing")).toHaveText("✓ Complete");
  await expect(page.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("value", "1");
});

test("a deep link to a heading opens the lesson at that section", async ({ page }) => {
  await page.goto("/lessons/ip-addressing#check-yourself");
  const heading = page.getByRole("heading", { name: "Check yourself" });
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
});

test("the subnet explorer splits, joins, switches to cloud mode and restores itself from the shared URL", async ({ page }) => {
  await page.goto("/lessons/ip-addressing#subnetting-by-borrowing-bits");
  const widget = explorer(page, "borrow");
  await expect(widget).toContainText("255.255.255.224");
  await expect(widget).toContainText("/27");

  const field = widget.getByRole("textbox", { name: /address and prefix/i });
  await field.fill("10.0.0.0/16");
  const rows = widget.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await widget.getByRole("button", { name: "Split 10.0.0.0/16 in half" }).click();
  await expect(rows).toHaveCount(2);
  await widget.getByRole("button", { name: "Split 10.0.128.0/17 in half" }).click();
  await expect(rows).toHaveCount(3);
  await expect(widget.getByRole("table")).toContainText("10.0.192.0/18");
  await widget.getByRole("button", { name: "Join 10.0.128.0/17 back into one subnet" }).click();
  await expect(rows).toHaveCount(2);
  await widget.getByRole("button", { name: "Split 10.0.0.0/17 in half" }).click();
  await expect(rows).toHaveCount(3);

  await widget.getByRole("switch", { name: /Cloud \(AWS\) reservations/ }).click();
  await expect(widget.getByRole("switch", { name: /Cloud/ })).toHaveAttribute("aria-checked", "true");
  await expect(widget).toContainText("VPC router");
  await expect(widget).toContainText("65,531");

  // The URL now holds the explorer's state: a reload (or a shared link) reproduces it.
  const shared = page.url();
  expect(new URL(shared).searchParams.get("borrow.cidr")).toBe("10.0.0.0/16");
  const other = await page.context().newPage();
  await other.goto(shared);
  const restored = explorer(other, "borrow");
  await expect(restored.getByRole("textbox", { name: /address and prefix/i })).toHaveValue("10.0.0.0/16");
  await expect(restored.getByRole("table").locator("tbody tr")).toHaveCount(3);
  await expect(restored.getByRole("switch", { name: /Cloud/ })).toHaveAttribute("aria-checked", "true");
  await expect(restored.getByRole("table")).toContainText("10.0.64.0/18");
});

test("the explorer recovers when the simulator worker crashes, and says so", async ({ page }) => {
  await page.goto("/lessons/ip-addressing");
  const widget = explorer(page, "bits");
  await expect(widget).toContainText("192.168.1.255");
  await page.evaluate(() => window.__wirebook?.crashSimulator());
  await expect(page.getByRole("status").filter({ hasText: "simulator crashed and was restarted" })).toBeVisible();
  expect(await page.evaluate(() => window.__wirebook?.simRestarts())).toBe(1);
  await widget.getByRole("textbox", { name: /address and prefix/i }).fill("192.168.7.9/30");
  await expect(widget).toContainText("192.168.7.11");
});

test("the whole flow works with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  // Tab to the lesson link and open it with Enter.
  const lessonLink = page.getByRole("link", { name: "IP addresses, masks and subnets" });
  for (let i = 0; i < 12 && !(await lessonLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(lessonLink).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IP addresses, masks and subnets");

  // Answer a quiz with the keyboard: focus a choice, arrow to the right one, check.
  const quiz = page.locator('[data-quiz-id="usable-hosts-in-slash-27"]');
  await quiz.getByRole("radio").first().focus();
  await page.keyboard.press("Space");
  const correctLabel = quiz.getByLabel("30", { exact: true });
  while (!(await correctLabel.isChecked())) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(quiz.getByRole("button", { name: "Check answer" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(quiz).toHaveAttribute("data-result", "correct");
});

test("dark mode follows the reader's choice and survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("theme-select").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(21, 23, 26)");
});

test("the lesson reads in Korean when the reader picks 한국어", async ({ page }) => {
  await page.goto("/lessons/ip-addressing");
  await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("navigation", { name: "목차" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("IP addresses, masks and subnets");
});

test("on a phone the lesson stacks and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/lessons/ip-addressing#subnetting-a-vpc");
  await expect(explorer(page, "vpc")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
