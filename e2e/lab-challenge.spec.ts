// Lesson 2's challenge, checked against the simulator: a wrong or partial
// solution gets the first failing line's message, the three fixes typed
// into the right tabs get "Solved", and a solved challenge is remembered.
import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

const LESSON = "/lessons/routing-arp-namespaces";

function challengeLab(page: Page, title = "Challenge: ns1 to 10.0.2.2"): Locator {
  return page.getByTestId("lab").filter({ has: page.getByRole("heading", { name: title }) });
}

/** Types one line into HOST's terminal of the lab and waits for the lab to finish running it. */
async function typeIn(page: Page, lab: Locator, host: string, line: string): Promise<void> {
  await lab.getByRole("tab", { name: host }).click();
  const panel = lab.getByRole("tabpanel", { name: `${host} terminal` });
  await expect(panel.locator("[data-terminal-screen] .xterm")).toBeAttached({ timeout: 20_000 });
  await panel.locator("[data-terminal-screen]").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("group", { name: `Terminal on ${host}` })).not.toHaveAttribute("aria-busy", "true", { timeout: 15_000 });
}

/** Presses "Check my solution"; each verdict below differs from the one before, so the text says when it is done. */
async function check(lab: Locator): Promise<void> {
  const button = lab.getByRole("button", { name: "Check my solution" });
  await expect(button).toBeEnabled({ timeout: 20_000 });
  await button.click();
}

test.describe("lesson 2's checked challenge", () => {
  test.setTimeout(120_000);

  test("names what is still missing, one fix at a time, then says Solved and remembers it", async ({ page }) => {
    await page.goto(LESSON);
    const lab = challengeLab(page);
    await lab.scrollIntoViewIfNeeded();
    const result = lab.getByTestId("challenge-result");
    await expect(result).toHaveAttribute("aria-live", "polite");

    await check(lab);
    await expect(result).toHaveText(/^Not yet: ns1 has no route to 10\.0\.2\.2 yet/);
    await expect(result).toHaveAttribute("role", "status");

    // A wrong fix first: forwarding turned on in ns1 instead of r1 leaves ns1 without a route.
    await typeIn(page, lab, "ns1", "sysctl -w net.ipv4.ip_forward=1");
    await check(lab);
    await expect(result).toHaveText(/^Not yet: ns1 has no route to 10\.0\.2\.2 yet/);
    await expect(lab.getByRole("button", { name: "Check my solution" })).toBeEnabled();

    await typeIn(page, lab, "ns1", "ip route add default via 10.0.1.1");
    await check(lab);
    await expect(result).toHaveText(/^Not yet: r1 does not forward packets yet/);

    await typeIn(page, lab, "r1", "sysctl -w net.ipv4.ip_forward=1");
    await check(lab);
    await expect(result).toHaveText(/^Not yet: ns1 still gets no reply from 10\.0\.2\.2/);

    // Checking ran on a copy: the student's ns1 still sees its own ping fail until ns2 is fixed.
    await typeIn(page, lab, "ns1", "ping -c 1 -W 1 10.0.2.2");
    await expect(lab.getByRole("tabpanel", { name: "ns1 terminal" })).toContainText("1 packets transmitted, 0 received");

    await typeIn(page, lab, "ns2", "ip route add 10.0.1.0/24 via 10.0.2.1");
    await check(lab);
    await expect(result).toHaveText("Solved ✓");

    // Saved with the lesson's progress: a reload says so before any new check.
    await page.reload();
    await expect(challengeLab(page).getByTestId("challenge-result")).toHaveText(/You have solved this challenge before/, { timeout: 20_000 });
    // The course's home page counts it under the lesson.
    await page.goto("/");
    await expect(page.getByTestId("challenges-routing-arp-namespaces")).toHaveText(/challenges solved: 1/);
  });

  test("speaks Korean on the Korean lesson, with the check's own Korean message", async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
    const lab = challengeLab(page, "도전 과제: ns1에서 10.0.2.2까지");
    await lab.scrollIntoViewIfNeeded();
    const button = lab.getByRole("button", { name: "풀이 확인" });
    await expect(button).toBeEnabled({ timeout: 20_000 });
    await button.click();
    await expect(lab.getByTestId("challenge-result")).toHaveText(/^아직입니다: ns1에는 아직 10\.0\.2\.2로 가는 경로가 없습니다/);
  });
});
