// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { createInProcessApi } from "../../../worker/local-api";
import { SimProvider } from "../../sim/sim-context";
import { LabWidget } from "./index";
// xterm cannot be typed into or read back in jsdom: the terminal's own plain form stands in (same props).
import { FallbackTerminal } from "./terminal/FallbackTerminal";

function renderLab(scriptText = BRIDGE_LAB) {
  return render(
    <SimProvider api={createInProcessApi()}>
      <LabWidget scriptText={scriptText} title="Bridge lab" id="lab-1" Terminal={FallbackTerminal} />
    </SimProvider>,
  );
}

function topologyNames(): string[] {
  return [...document.querySelectorAll("svg [data-node]")].map((node) => node.getAttribute("aria-label") ?? "");
}

function logEntries(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "Events" })).getAllByRole("button");
}

beforeEach(() => {
  window.history.replaceState(null, "", "/lessons/lab");
});
afterEach(cleanup);

describe("LabWidget", () => {
  it("opens the seed lab and draws its namespaces, switch and addresses", async () => {
    renderLab();
    await waitFor(() => expect(topologyNames()).toHaveLength(4));
    expect(topologyNames()).toEqual([
      "root, machine",
      "ns1, host: veth1 192.168.1.10/24",
      "ns2, host: veth2 192.168.1.20/24",
      "br0, switch",
    ]);
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["root", "ns1", "ns2"]);
  });

  it("runs a ping typed in a terminal, logs its ARP request, and steps back to the neighbour being INCOMPLETE", async () => {
    const user = userEvent.setup();
    renderLab();
    const field = await screen.findByRole("textbox", { name: /Command on root/ });
    await waitFor(() => expect(topologyNames()).toHaveLength(4));
    await user.type(field, "ip netns exec ns1 ping -c 1 192.168.1.20{Enter}");
    await waitFor(() => expect(screen.getByRole("tabpanel", { name: "root terminal" }).textContent).toContain("1 packets transmitted, 1 received"));

    const request = await waitFor(() => logEntries().find((entry) => entry.textContent?.includes("ns1 asks who has 192.168.1.20? tell 192.168.1.10 (ARP request, broadcast)"))!);
    expect(request).toBeDefined();
    await user.click(request);
    expect(request.getAttribute("aria-current")).toBe("true");
    // The selected entry is announced.
    expect(screen.getAllByRole("status").some((status) => /^Event \d+ of \d+: ns1 asks who has 192\.168\.1\.20/.test(status.textContent ?? ""))).toBe(true);
    await waitFor(() => expect(screen.getByText(/Routes, neighbours and FDB after event/)).toBeTruthy());
    const ns1 = screen.getByRole("region", { name: "ns1 tables" });
    await waitFor(() => expect(within(ns1).getByText(/192\.168\.1\.20 dev veth1 INCOMPLETE/)).toBeTruthy());

    // The inspector decodes the selected frame.
    await waitFor(() => expect(within(screen.getByRole("region", { name: "Inspector" })).getAllByText(/ARP/).length).toBeGreaterThan(0));

    // The last event is after the reply: the neighbour is known.
    await user.click(screen.getByRole("button", { name: "Last event" }));
    await waitFor(() => expect(within(screen.getByRole("region", { name: "ns1 tables" })).getByText(/192\.168\.1\.20 dev veth1 lladdr .* (REACHABLE|STALE)/)).toBeTruthy());
  });

  it("copies a link to the selected step that reopens the lab with the typed command, at that step", async () => {
    const user = userEvent.setup();
    renderLab();
    const field = await screen.findByRole("textbox", { name: /Command on root/ });
    await user.type(field, "ip netns exec ns1 ping -c 1 192.168.1.20{Enter}");
    const request = await waitFor(() => logEntries().find((entry) => entry.textContent?.includes("ns1 asks who has 192.168.1.20"))!);
    await user.click(request);
    const total = logEntries().length;
    const selected = logEntries().indexOf(request);
    await user.click(screen.getByRole("button", { name: /Copy link to this step/ }));
    await waitFor(() => expect(window.location.search).toContain("lab-1.s="));
    expect(new URLSearchParams(window.location.search).get("lab-1.at")).toBe(String(selected));

    cleanup();
    renderLab();
    await waitFor(() => expect(logEntries()).toHaveLength(total));
    await waitFor(() => expect(logEntries()[selected]!.getAttribute("aria-current")).toBe("true"));
    expect(logEntries()[selected]!.textContent).toContain("ns1 asks who has 192.168.1.20");
  });
});
