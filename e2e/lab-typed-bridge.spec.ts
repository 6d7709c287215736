// The "done": in real Chromium, on lesson 2 itself, build the seed
// article's two namespaces on a bridge by typing its commands into the
// "Build the bridge yourself" lab's root terminal, ping, step back to the ARP
// request and read its bytes in the inspector — with the mouse, and again
// with the keyboard alone; the packet steps instead of gliding with reduced
// motion; axe finds nothing serious on the lesson once the lab is built.
import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";
import { FIXTURE_SERVER } from "./fixture-server";
import { glides, sampleFrames, seriousViolations } from "./lab-probes";

const LESSON = "/lessons/routing-arp-namespaces";
const LAB_TITLE = "Build the bridge yourself";

/** The seed article's commands (004, "NS 2개 사이에 브릿지를 두고"), exactly as lesson 2 lists them. */
const SEED_COMMANDS = [
  "ip netns add ns1",
  "ip netns add ns2",
  "ip link add br0 type bridge",
  "ip link add veth1 type veth peer name veth1-br",
  "ip link add veth2 type veth peer name veth2-br",
  "ip link set veth1 netns ns1",
  "ip link set veth2 netns ns2",
  "ip link set veth1-br master br0",
  "ip link set veth2-br master br0",
  "ip netns exec ns1 ip addr add 192.168.1.10/24 dev veth1",
  "ip netns exec ns1 ip link set veth1 up",
  "ip netns exec ns2 ip addr add 192.168.1.20/24 dev veth2",
  "ip netns exec ns2 ip link set veth2 up",
  "ip link set veth1-br up",
  "ip link set veth2-br up",
  "ip link set br0 up",
];
const PING = "ip netns exec ns1 ping -c 1 192.168.1.20";

function buildLab(page: Page): Locator {
  return page.getByTestId("lab").filter({ has: page.getByRole("heading", { name: LAB_TITLE }) });
}

function arpRequest(lab: Locator): Locator {
  return lab.getByRole("list", { name: "Events" }).getByRole("button", { name: /ns1 asks who has 192\.168\.1\.20\? tell 192\.168\.1\.10 \(ARP request, broadcast\)/ });
}

/** Where focus is: passed to `check` in the page, with the build lab's title. */
type FocusCheck = (el: Element | null, labTitle: string) => boolean;

/**
 * Presses `key` until the focused element passes `check`. A terminal keeps Tab for completion,
 * so leaving one takes Esc first, as its hint says.
 */
async function pressUntil(page: Page, key: "Tab" | "Shift+Tab", check: FocusCheck, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    const active = await page.evaluateHandle(() => document.activeElement);
    const reached = await active.evaluate(check, LAB_TITLE).catch(() => false);
    const inTerminal = await active.evaluate((el) => Boolean(el?.closest(".xterm"))).catch(() => false);
    await active.dispose();
    if (reached) return;
    if (inTerminal) await page.keyboard.press("Escape");
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached the element after ${max} presses of ${key}`);
}

/** Types the seed's commands and the ping at the focused terminal, one line at a time. */
async function typeTheBridgeAndPing(page: Page, lab: Locator): Promise<void> {
  for (const command of SEED_COMMANDS) {
    await page.keyboard.type(command);
    await page.keyboard.press("Enter");
  }
  // Each namespace got its tab, and the drawing shows both namespaces and the bridge with their addresses.
  await expect(lab.getByRole("tab")).toHaveText(["root", "ns1", "ns2"], { timeout: 20_000 });
  for (const name of ["ns1", "ns2", "br0"]) await expect(lab.locator(`svg [data-node] >> text="${name}"`)).toBeVisible();
  await expect(lab.getByRole("group", { name: "ns1, host: veth1 192.168.1.10/24" })).toBeVisible();
  await expect(lab.getByRole("group", { name: "ns2, host: veth2 192.168.1.20/24" })).toBeVisible();
  await expect(lab.getByRole("group", { name: "br0, switch" })).toBeVisible();

  await page.keyboard.type(PING);
  await page.keyboard.press("Enter");
  await expect(lab.getByRole("tabpanel", { name: "root terminal" })).toContainText("1 packets transmitted, 1 received", { timeout: 15_000 });
  await expect(arpRequest(lab)).toBeVisible();
}

/** The hex-dump bytes the inspector lights for the field in focus or under the pointer. */
function litBytes(inspector: Locator): Promise<string[]> {
  return inspector.locator("[data-byte][data-highlighted]").allTextContents();
}

function field(inspector: Locator, name: RegExp): Locator {
  return inspector.locator("li[data-field-id]").filter({ hasText: name });
}

async function expectArpRequestBytes(inspector: Locator): Promise<void> {
  await expect(inspector).toContainText("ARP, Request who-has 192.168.1.20 tell 192.168.1.10");
  // The frame as bytes: broadcast destination, ARP opcode 1, the address asked about.
  const byte = (offset: number) => inspector.locator(`[data-byte][data-offset="${offset}"]`);
  for (let offset = 0; offset < 6; offset++) await expect(byte(offset)).toHaveText("ff");
  await expect(byte(12)).toHaveText("08");
  await expect(byte(13)).toHaveText("06");
  await expect(byte(20)).toHaveText("00");
  await expect(byte(21)).toHaveText("01");
  for (const [i, value] of ["c0", "a8", "01", "14"].entries()) await expect(byte(38 + i)).toHaveText(value);
  await expect(field(inspector, /^Destination/)).toContainText("ff:ff:ff:ff:ff:ff");
  await expect(field(inspector, /^Opcode/)).toContainText("request (1)");
  await expect(field(inspector, /^Target IP address/)).toContainText("192.168.1.20");
}

test.describe("lesson 2: the bridge typed by hand", () => {
  test.setTimeout(240_000);

  test("with the mouse: type the seed's commands, ping, step back to the ARP request and read its bytes; axe finds nothing serious", async ({ page }) => {
    await page.goto(LESSON);
    const lab = buildLab(page);
    await lab.scrollIntoViewIfNeeded();
    const terminal = lab.getByRole("tabpanel", { name: "root terminal" });
    await expect(terminal.locator("[data-terminal-screen] .xterm")).toBeAttached({ timeout: 30_000 });
    // A fresh machine: only root, nothing to draw but the machine itself.
    await expect(lab.getByRole("tab")).toHaveText(["root"]);
    await terminal.locator("[data-terminal-screen]").click();
    await typeTheBridgeAndPing(page, lab);

    // Stop the ping's events playing (they may have finished already), then step back to its first frame.
    const pause = lab.getByRole("button", { name: "Pause" });
    if (await pause.isVisible()) await pause.click();
    await expect(lab.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });
    const request = arpRequest(lab);
    const stepBack = lab.getByRole("button", { name: "Step back" });
    for (let i = 0; i < 200 && (await request.getAttribute("aria-current")) !== "true"; i++) await stepBack.click();
    await expect(request).toHaveAttribute("aria-current", "true");

    const inspector = lab.getByRole("region", { name: "Inspector" });
    await expectArpRequestBytes(inspector);
    // Pointing at a field lights its bytes in the dump.
    await field(inspector, /^Destination/).hover();
    expect(await litBytes(inspector)).toEqual(["ff", "ff", "ff", "ff", "ff", "ff"]);
    await field(inspector, /^Opcode/).hover();
    expect(await litBytes(inspector)).toEqual(["00", "01"]);
    await field(inspector, /^Target IP address/).hover();
    expect(await litBytes(inspector)).toEqual(["c0", "a8", "01", "14"]);

    expect(await seriousViolations(page)).toEqual([]);
  });

  test("with the keyboard alone: the same flow, Tab, Enter and arrow keys only", async ({ page }) => {
    await page.goto(LESSON);
    const lab = buildLab(page);
    await expect(lab.locator("[data-terminal-screen] .xterm")).toBeAttached({ timeout: 30_000 });

    // Tab from the top of the page, past the other labs' terminals, into this lab's root terminal.
    await pressUntil(
      page,
      "Tab",
      (el, title) => el?.closest('[data-testid="lab"]')?.getAttribute("aria-label") === title && el.closest('[role="tabpanel"]')?.getAttribute("aria-label") === "root terminal",
    );
    await typeTheBridgeAndPing(page, lab);
    await expect(lab.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });

    // Back to the timeline, then step back with the arrow key to the ARP request.
    await pressUntil(page, "Shift+Tab", (el, title) => el?.closest('[data-testid="lab"]')?.getAttribute("aria-label") === title && el.getAttribute("aria-label") === "Timeline");
    const request = arpRequest(lab);
    for (let i = 0; i < 200 && (await request.getAttribute("aria-current")) !== "true"; i++) await page.keyboard.press("ArrowLeft");
    await expect(request).toHaveAttribute("aria-current", "true");

    // On back into the inspector, and through the frame's fields with the arrow keys.
    const inspector = lab.getByRole("region", { name: "Inspector" });
    await expectArpRequestBytes(inspector);
    await pressUntil(page, "Shift+Tab", (el, title) => el?.closest('[data-testid="lab"]')?.getAttribute("aria-label") === title && el.matches("li[data-field-id]"));
    await page.keyboard.press("Home");
    await expect(field(inspector, /^Destination/)).toBeFocused();
    expect(await litBytes(inspector)).toEqual(["ff", "ff", "ff", "ff", "ff", "ff"]);
    for (let i = 0; i < 30 && !(await field(inspector, /^Opcode/).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
    await expect(field(inspector, /^Opcode/)).toBeFocused();
    expect(await litBytes(inspector)).toEqual(["00", "01"]);
    await page.keyboard.press("End");
    await expect(field(inspector, /^Target IP address/)).toBeFocused();
    expect(await litBytes(inspector)).toEqual(["c0", "a8", "01", "14"]);
  });

  test("with reduced motion the packet steps from event to event instead of gliding", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(LESSON);
    const lab = buildLab(page);
    await lab.scrollIntoViewIfNeeded();
    const terminal = lab.getByRole("tabpanel", { name: "root terminal" });
    await expect(terminal.locator("[data-terminal-screen] .xterm")).toBeAttached({ timeout: 30_000 });
    await terminal.locator("[data-terminal-screen]").click();
    for (const command of SEED_COMMANDS) {
      await page.keyboard.type(command);
      await page.keyboard.press("Enter");
    }
    await expect(lab.getByRole("group", { name: "ns2, host: veth2 192.168.1.20/24" })).toBeVisible({ timeout: 20_000 });
    await page.keyboard.type(PING);
    await page.keyboard.press("Enter");
    await expect(lab.getByRole("button", { name: "Pause" })).toBeVisible({ timeout: 15_000 });

    const frames = await sampleFrames(page, 120, LAB_TITLE);
    expect(frames.some((f) => f.dot !== null)).toBe(true);
    expect(new Set(frames.map((f) => f.step)).size).toBeGreaterThan(1);
    expect(glides(frames)).toBe(0);
  });
});

test.describe("a lab whose script lives in a file beside the lesson", () => {
  test("the fixture's ::lab{src=\"bridge.lab\"} runs the file's hidden setup and visible lines, and takes a typed ping", async ({ page }) => {
    await page.goto(`${FIXTURE_SERVER}/lessons/src-lab-lesson`);
    const lab = page.getByTestId("lab");
    await expect(lab.getByRole("heading", { name: "Two namespaces on a bridge, from a file" })).toBeVisible();
    // ns1's address comes from a hidden line, ns2's from the file's visible lines.
    await expect(lab.getByRole("group", { name: "ns1, host: veth1 192.168.1.10/24" })).toBeVisible({ timeout: 20_000 });
    await expect(lab.getByRole("group", { name: "ns2, host: veth2 192.168.1.20/24" })).toBeVisible();
    await expect(lab.getByRole("group", { name: "br0, switch" })).toBeVisible();
    await expect(lab.getByRole("tab")).toHaveText(["root", "ns1", "ns2"]);
    // The file name is the pipeline's business: the page never shows it as a widget attribute.
    await expect(page.locator("[data-attr-src]")).toHaveCount(0);

    const terminal = lab.getByRole("tabpanel", { name: "root terminal" });
    await expect(terminal.locator("[data-terminal-screen] .xterm")).toBeAttached({ timeout: 20_000 });
    await terminal.locator("[data-terminal-screen]").click();
    await page.keyboard.type(PING);
    await page.keyboard.press("Enter");
    await expect(terminal).toContainText("1 packets transmitted, 1 received", { timeout: 15_000 });
  });

  test("lesson 2's ARP lab reads bridge.lab in English and in Korean alike", async ({ page }) => {
    await page.goto(LESSON);
    const names = async (title: string) => {
      const lab = page.getByTestId("lab").filter({ has: page.getByRole("heading", { name: title }) });
      await expect(lab.getByRole("group", { name: "ns2, host: veth2 192.168.1.20/24" })).toBeVisible({ timeout: 20_000 });
      return lab.locator("svg [data-node]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label")));
    };
    const english = await names("ARP between two namespaces on a bridge");
    expect(english).toEqual(expect.arrayContaining(["ns1, host: veth1 192.168.1.10/24", "ns2, host: veth2 192.168.1.20/24", "br0, switch"]));
    await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
    expect(await names("브리지에 연결된 두 네임스페이스 사이의 ARP")).toEqual(english);
  });
});
