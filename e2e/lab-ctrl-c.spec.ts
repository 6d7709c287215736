import { expect, test } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";

const LESSON = `${FIXTURE_SERVER}/lessons/lab-lesson`;

test.describe("a long-running command in a lab terminal", () => {
  test("ping without -c streams a reply a second, and Ctrl-C prints its statistics and gives the prompt back", async ({ page }) => {
    await page.goto(LESSON);
    const lab = page.getByTestId("lab");
    const terminal = lab.getByRole("tabpanel", { name: "root terminal" });
    await expect(terminal.getByRole("group", { name: "Terminal on root" })).toBeVisible();
    const screen = terminal.locator("[data-terminal-screen]");
    // The prompt is drawn once the lab is open: only then do keys reach the shell.
    await expect(screen).toContainText("root@root:~#", { timeout: 15_000 });
    await screen.click();
    await page.keyboard.type("ip netns exec ns1 ping 192.168.1.20");
    await expect(screen).toContainText("ip netns exec ns1 ping 192.168.1.20");
    // Where the terminal sits on the page: the packets its command sends fill the inspector above
    // it, and that must not push the terminal (being typed into) down the page.
    const pageTop = () => screen.evaluate((element) => Math.round(element.getBoundingClientRect().top + window.scrollY));
    const topBefore = await pageTop();
    await page.keyboard.press("Enter");

    // The replies arrive one by one, as on a real terminal: the third comes a couple of seconds after the first.
    await expect(screen).toContainText("icmp_seq=1", { timeout: 15_000 });
    await expect(screen).not.toContainText("icmp_seq=4");
    await expect(screen).toContainText("icmp_seq=3", { timeout: 15_000 });
    await expect(lab.getByRole("region", { name: "Inspector" })).toContainText("Internet Control Message Protocol");
    expect(await pageTop()).toBe(topBefore);

    await page.keyboard.press("Control+C");
    await expect(screen).toContainText("^C");
    await expect(screen).toContainText("--- 192.168.1.20 ping statistics ---", { timeout: 15_000 });
    await expect(screen).toContainText(/packets transmitted, \d+ received, 0% packet loss/);

    // The prompt is back: the next command runs.
    await expect(screen).toContainText(/packet loss[\s\S]*root@root:~#/);
    await page.keyboard.type("ip netns exec ns1 ip neigh");
    await page.keyboard.press("Enter");
    await expect(screen).toContainText(/192\.168\.1\.20 dev veth1 lladdr [0-9a-f:]{17} (REACHABLE|STALE|DELAY)/, { timeout: 15_000 });
  });
});
