// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROUTER_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { SimProvider } from "../../sim/sim-context";
import { LabWidget } from "../lab";
// xterm cannot run in jsdom: the terminal's plain form stands in (same props).
import { FallbackTerminal } from "../lab/terminal/FallbackTerminal";

const DROP_LAB = `${ROUTER_LAB}ip netns exec r iptables -A FORWARD -p icmp -j DROP
ip netns exec a ping -c 1 -W 1 10.0.1.2
`;

const NAT_LAB = `${ROUTER_LAB}ip netns exec r iptables -t nat -A PREROUTING -d 10.0.0.254 -p icmp -j DNAT --to-destination 10.0.1.2
ip netns exec r iptables -t nat -A POSTROUTING -o r1 -j MASQUERADE
ip netns exec a ping -c 1 -W 1 10.0.0.254
`;

function renderLab(scriptText: string) {
  return render(
    <SimProvider api={createInProcessApi()}>
      <LabWidget scriptText={scriptText} title="Firewall lab" id="lab-1" Terminal={FallbackTerminal} netfilter="r" />
    </SimProvider>,
  );
}

function view(): HTMLElement {
  return screen.getByRole("region", { name: "Netfilter on r" });
}

function sentence(): string {
  return screen.getByTestId("netfilter-sentence").textContent ?? "";
}

/** The hooks, points and arrows the diagram lights. */
function lit(): string[] {
  return [...view().querySelectorAll("[data-lit]")].map((element) => element.getAttribute("data-hook") ?? element.getAttribute("data-edge") ?? "?");
}

function chip(hook: string, table: string): HTMLElement {
  return within(view()).getByRole("button", { name: new RegExp(`^${table} ${hook}:`) });
}

function ruleRow(text: string): HTMLElement {
  return within(view()).getByText(text).closest("tr")!;
}

function logEntry(words: RegExp): HTMLElement {
  const entry = within(screen.getByRole("list", { name: "Events" }))
    .getAllByRole("button")
    .find((button) => words.test(button.textContent ?? ""));
  if (!entry) throw new Error(`no log entry ${words}`);
  return entry;
}

// The lab loads the view lazily; load its chunk once, up front, so each test waits only for the simulator.
beforeAll(async () => {
  await import("./LabNetfilterView");
}, 30_000);

beforeEach(() => {
  window.history.replaceState(null, "", "/lessons/lab");
});
afterEach(cleanup);

// The real simulator runs each lab in-process.
describe("the netfilter view in a lab", { timeout: 20_000 }, () => {
  it("lights the dropped echo request's way PREROUTING → FORWARD and marks rule 1 DROP with its counter", async () => {
    renderLab(DROP_LAB);
    await waitFor(() => expect(sentence()).toBe("r FORWARD filter: rule 1 DROP -p icmp. icmp echo-request 10.0.0.1 → 10.0.1.2: dropped (a firewall rule dropped it)."), { timeout: 5000 });
    expect(lit()).toEqual(["in>PREROUTING", "PREROUTING>route-in", "route-in>FORWARD", "PREROUTING", "FORWARD"]);

    const filter = chip("FORWARD", "filter");
    expect(filter.getAttribute("data-mark")).toBe("dropped");
    expect(filter.getAttribute("aria-label")).toBe("filter FORWARD: 1 rules, 1 packets counted; this packet: rule 1 DROP -p icmp");
    // Tables no command created are drawn, but as not in use.
    expect(chip("INPUT", "filter").getAttribute("aria-label")).toContain("not in use");

    const row = ruleRow("-A FORWARD -p icmp -j DROP");
    expect(row.getAttribute("aria-current")).toBe("true");
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["1", "1", "84", "-A FORWARD -p icmp -j DROP decided this packet: DROP"]);
    expect(ruleRow("-P FORWARD ACCEPT").getAttribute("aria-current")).toBeNull();
  });

  it("follows the playhead: at r's routing decision the packet has not reached FORWARD and nothing is counted yet", async () => {
    const user = userEvent.setup();
    renderLab(DROP_LAB);
    await waitFor(() => expect(sentence()).toContain("dropped"), { timeout: 5000 });
    await user.click(logEntry(/r looks up 10\.0\.1\.2/));
    await waitFor(() => expect(lit()).toEqual(["in>PREROUTING", "PREROUTING>route-in", "PREROUTING"]));
    await waitFor(() => expect(within(ruleRow("-A FORWARD -p icmp -j DROP")).getAllByRole("cell")[1]!.textContent).toBe("0"));
    expect(sentence()).toBe("r: no iptables chain in use on this packet's way. icmp echo-request 10.0.0.1 → 10.0.1.2: on its way.");
  });

  it("shows a DNAT rewrite as a before/after diff of the headers", async () => {
    const user = userEvent.setup();
    renderLab(NAT_LAB);
    await waitFor(() => expect(sentence()).toContain("echo-reply"), { timeout: 5000 });
    await user.click(logEntry(/r rewrites the destination at PREROUTING: 10\.0\.0\.254 → 10\.0\.1\.2/));
    const diff = await within(view()).findByRole("table", { name: "NAT at PREROUTING: the packet's headers before and after" });
    const rows = within(diff).getAllByRole("row").slice(1);
    expect(rows.map((row) => [within(row).getByRole("rowheader").textContent, row.getAttribute("data-changed") === "true"])).toEqual([
      ["source", false],
      ["destination", true],
      ["ICMP id", false],
    ]);
    expect(rows[1]!.textContent).toBe("destinationchanged from 10.0.0.254to 10.0.1.2");
    expect(within(diff).getByRole("deletion").textContent).toBe("10.0.0.254");
    expect(within(diff).getByRole("insertion").textContent).toBe("10.0.1.2");
    expect(sentence()).toMatch(/^r PREROUTING nat: rule 1 DNAT -d 10\.0\.0\.254\/32 -p icmp\. PREROUTING rewrote the destination 10\.0\.0\.254 → 10\.0\.1\.2\. /);
    expect(chip("PREROUTING", "nat").getAttribute("data-mark")).toBe("passed");
  });

  it("lists a chain's rules as iptables -S prints them on hover and keyboard focus; Escape closes the list", async () => {
    const user = userEvent.setup();
    renderLab(NAT_LAB);
    await waitFor(() => expect(sentence()).toContain("echo-reply"), { timeout: 5000 });
    const nat = chip("POSTROUTING", "nat");
    await user.hover(nat);
    const tip = await screen.findByRole("tooltip");
    expect(within(tip).getByText("iptables -t nat -S POSTROUTING")).toBeTruthy();
    expect(tip.querySelector("pre")?.textContent).toBe("-P POSTROUTING ACCEPT\n-A POSTROUTING -o r1 -j MASQUERADE");
    expect(nat.getAttribute("aria-describedby")).toBe(tip.id);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("tooltip")).toBeNull());
    await user.unhover(nat);

    chip("PREROUTING", "nat").focus();
    const focused = await screen.findByRole("tooltip");
    expect(focused.querySelector("pre")?.textContent).toBe("-P PREROUTING ACCEPT\n-A PREROUTING -d 10.0.0.254/32 -p icmp -j DNAT --to-destination 10.0.1.2");

    // Choosing a table shows its rules and counters below.
    await user.click(chip("POSTROUTING", "nat"));
    const row = ruleRow("-A POSTROUTING -o r1 -j MASQUERADE");
    expect(within(row).getAllByRole("cell")[1]!.textContent).toBe("1");
  });

  it("says when the lab has no such host", async () => {
    render(
      <SimProvider api={createInProcessApi()}>
        <LabWidget scriptText={ROUTER_LAB} id="lab-1" Terminal={FallbackTerminal} netfilter="r9" />
      </SimProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("netfilter-sentence").textContent).toBe("There is no host r9 in this lab (yet): its script never creates that namespace."), { timeout: 5000 });
  });

  it("says no packet has reached the host before any has", async () => {
    renderLab(`${ROUTER_LAB}ip netns exec r iptables -P FORWARD DROP\n`);
    await waitFor(() => expect(sentence()).toBe("No packet has gone through r yet at this point of the timeline."), { timeout: 5000 });
    expect(lit()).toEqual([]);
    expect(chip("FORWARD", "filter").getAttribute("aria-label")).toBe("filter FORWARD: 0 rules, 0 packets counted");
  });
});
