import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";

const LESSON = `${FIXTURE_SERVER}/lessons/netfilter-lesson`;

function firewallLab(page: Page): Locator {
  return page.getByTestId("lab").filter({ has: page.getByRole("heading", { name: "A firewall on r1" }) });
}

function natLab(page: Page): Locator {
  return page.getByTestId("lab").filter({ has: page.getByRole("heading", { name: "DNAT on r1" }) });
}

function viewOf(lab: Locator): Locator {
  return lab.getByRole("region", { name: "Netfilter on r1" });
}

/** Runs the ping under the firewall lab and waits until playback has shown r1 dropping it. */
async function pingThroughFirewall(page: Page): Promise<Locator> {
  const lab = firewallLab(page);
  const view = viewOf(lab);
  await expect(view.getByTestId("netfilter-sentence")).toHaveText("No packet has gone through r1 yet at this point of the timeline.", { timeout: 20_000 });
  const run = page.getByRole("button", { name: "Run in ns1: ping -c 1 -W 1 10.0.2.2" });
  await expect(run).toBeEnabled({ timeout: 20_000 });
  await run.click();
  await expect(lab.getByRole("tabpanel", { name: "ns1 terminal" })).toContainText("1 packets transmitted, 0 received", { timeout: 15_000 });
  await expect(view.getByTestId("netfilter-sentence")).toHaveText(
    "r1 FORWARD filter: rule 2 DROP -s 10.0.1.0/24 -p icmp. icmp echo-request 10.0.1.2 → 10.0.2.2: dropped (a firewall rule dropped it).",
    { timeout: 30_000 },
  );
  return view;
}

test.describe("the netfilter view", () => {
  test("lights a dropped ping's way through r1 and marks the rule that dropped it, with its counter", async ({ page }) => {
    await page.goto(LESSON);
    const view = await pingThroughFirewall(page);

    for (const hook of ["PREROUTING", "FORWARD"]) await expect(view.locator(`[data-hook="${hook}"][data-lit]`)).toHaveCount(1);
    for (const hook of ["INPUT", "OUTPUT", "POSTROUTING"]) await expect(view.locator(`[data-hook="${hook}"][data-lit]`)).toHaveCount(0);
    await expect(view.locator('[data-edge="route-in>FORWARD"][data-lit]')).toHaveCount(1);
    await expect(view.locator('[data-edge="FORWARD>POSTROUTING"][data-lit]')).toHaveCount(0);

    const filter = view.getByRole("button", { name: /^filter FORWARD:/ });
    await expect(filter).toHaveAttribute("data-mark", "dropped");
    await expect(filter).toHaveAccessibleName("filter FORWARD: 2 rules, 2 packets counted; this packet: rule 2 DROP -s 10.0.1.0/24 -p icmp");

    const drop = view.getByRole("row", { name: /-A FORWARD -s 10\.0\.1\.0\/24 -p icmp -j DROP/ });
    await expect(drop).toHaveAttribute("aria-current", "true");
    await expect(drop.getByRole("cell")).toHaveText(["2", "1", "84", /decided this packet: DROP/]);
    const log = view.getByRole("row", { name: /-j LOG/ });
    await expect(log.getByRole("cell").nth(1)).toHaveText("1");
    await expect(log).not.toHaveAttribute("aria-current", "true");
  });

  test("lists a chain as iptables -S prints it on hover and on keyboard focus, and Escape closes the list", async ({ page }) => {
    await page.goto(LESSON);
    const view = await pingThroughFirewall(page);

    await view.getByRole("button", { name: /^filter FORWARD:/ }).hover();
    const tip = view.getByRole("tooltip");
    await expect(tip).toContainText("iptables -t filter -S FORWARD");
    await expect(tip.locator("pre")).toHaveText('-P FORWARD ACCEPT\n-A FORWARD -p icmp -j LOG --log-prefix "fw: "\n-A FORWARD -s 10.0.1.0/24 -p icmp -j DROP');
    await page.keyboard.press("Escape");
    await expect(tip).toHaveCount(0);
    await page.mouse.move(0, 0);

    // From the keyboard: Tab from one table to the next.
    await view.getByRole("button", { name: /^raw PREROUTING:/ }).focus();
    await expect(view.getByRole("tooltip")).toContainText("iptables -t raw -S PREROUTING");
    await page.keyboard.press("Tab");
    await expect(view.getByRole("button", { name: /^mangle PREROUTING:/ })).toBeFocused();
    await expect(view.getByRole("tooltip")).toContainText("iptables -t mangle -S PREROUTING");
    await expect(view.getByRole("button", { name: /^mangle PREROUTING:/ })).toHaveAttribute("aria-describedby", (await view.getByRole("tooltip").getAttribute("id"))!);
    await page.keyboard.press("Escape");
    await expect(view.getByRole("tooltip")).toHaveCount(0);
  });

  test("shows DNAT on r1 as a before/after diff of the headers", async ({ page }) => {
    await page.goto(LESSON);
    const lab = natLab(page);
    const view = viewOf(lab);
    await expect(view.getByTestId("netfilter-sentence")).toContainText("echo-reply", { timeout: 30_000 });
    await lab.getByRole("list", { name: "Events" }).getByRole("button", { name: /r1 rewrites the destination at PREROUTING: 10\.0\.1\.1 → 10\.0\.2\.2/ }).click();
    const diff = view.getByRole("table", { name: "NAT at PREROUTING: the packet's headers before and after" });
    await expect(diff).toBeVisible();
    await expect(diff.getByRole("deletion")).toHaveText("10.0.1.1");
    await expect(diff.getByRole("insertion")).toHaveText("10.0.2.2");
    await expect(view.getByTestId("netfilter-sentence")).toContainText("r1 PREROUTING nat: rule 1 DNAT -d 10.0.1.1/32 -p icmp");
    await expect(view.getByRole("button", { name: /^nat PREROUTING:/ })).toHaveAttribute("data-mark", "passed");
  });

  for (const theme of ["light", "dark"] as const) {
    test(`has no serious or critical axe violations, ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(LESSON);
      await pingThroughFirewall(page);
      const results = await new AxeBuilder({ page }).include('[data-testid="netfilter-view"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(serious).toEqual([]);
    });
  }
});
