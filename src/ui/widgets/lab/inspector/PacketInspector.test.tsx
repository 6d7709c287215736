// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { fromHex } from "../../../../sim/core";
import { createInProcessApi } from "../../../../worker/local-api";
import { SimProvider } from "../../../sim/sim-context";
import { PacketInspector, type PacketInspectorProps } from "./index";

// jsdom gives import.meta.url an http: scheme, so the fixtures are found from the project root.
const FIXTURES = join(process.cwd(), "src/sim/wire/fixtures");

function fixture(name: string): Uint8Array {
  const bytes = fromHex(readFileSync(join(FIXTURES, `${name}.hex`), "utf8"));
  if (!bytes) throw new Error(`fixture ${name} is malformed`);
  return bytes;
}

function renderInspector(props: PacketInspectorProps) {
  return render(
    <SimProvider api={createInProcessApi()}>
      <PacketInspector {...props} />
    </SimProvider>,
  );
}

/** The list item of the field with this name. */
async function field(name: string): Promise<HTMLElement> {
  const label = await screen.findByText(name, { selector: "li > span" });
  return label.closest("li")!;
}

function highlightedHexBytes(): { offset: number; text: string }[] {
  return [...document.querySelectorAll<HTMLElement>("[data-byte][data-highlighted]")].map((el) => ({ offset: Number(el.dataset.offset), text: el.textContent ?? "" }));
}

afterEach(cleanup);

describe("PacketInspector", () => {
  it("shows an ICMP echo request as Ethernet, IPv4 and ICMP with TTL 64", async () => {
    renderInspector({ bytes: fixture("icmp-echo-request") });
    expect(await screen.findByText("IP 10.0.0.1 > 10.0.0.254: ICMP echo request, id 42, seq 1, length 64")).toBeInTheDocument();
    const headings = screen.getAllByRole("button", { expanded: true }).map((b) => b.textContent);
    expect(headings[0]).toMatch(/^▾EthernetEthernet II, Src: 02:00:00:00:0a:01/);
    expect(headings[1]).toMatch(/^▾IPv4Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.254/);
    expect(headings[2]).toMatch(/^▾ICMP/);
    expect(within(await field("Time to Live")).getByText("64")).toBeInTheDocument();
  });

  it("hovering the TTL field highlights exactly its byte, and hovering a byte finds its field", async () => {
    const user = userEvent.setup();
    renderInspector({ bytes: fixture("icmp-echo-request") });
    const ttl = await field("Time to Live");
    await user.hover(ttl);
    expect(highlightedHexBytes()).toEqual([{ offset: 22, text: "40" }]);
    await user.unhover(ttl);
    expect(highlightedHexBytes()).toEqual([]);

    // Byte 26 starts the source address: the whole address lights up, and its field is marked.
    fireEvent.mouseOver(document.querySelector('[data-byte][data-offset="26"]')!);
    expect(highlightedHexBytes().map((b) => b.text)).toEqual(["0a", "00", "00", "01"]);
    expect((await field("Source Address")).dataset.active).toBeDefined();
  });

  it("moves between fields with the arrow keys, highlighting each one's bytes", async () => {
    const user = userEvent.setup();
    renderInspector({ bytes: fixture("icmp-echo-request") });
    const first = await field("Destination");
    await user.tab(); // the Ethernet heading's toggle
    await user.tab();
    expect(first).toHaveFocus();
    expect(highlightedHexBytes()).toHaveLength(6);
    await user.keyboard("{ArrowDown}");
    expect(await field("Source")).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement?.textContent).toMatch(/^Version/);
  });

  it("collapses a layer", async () => {
    const user = userEvent.setup();
    renderInspector({ bytes: fixture("icmp-echo-request") });
    const ip = await screen.findByRole("button", { name: /^IPv4 Internet Protocol/ });
    await user.click(ip);
    expect(ip).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("Time to Live")).toBeNull();
  });

  it("shows what a router changed: TTL 64 → 63, both MACs and the header checksum", async () => {
    renderInspector({ bytes: fixture("icmp-echo-routed-after"), previous: { bytes: fixture("icmp-echo-routed-before") } });
    const ttl = await field("Time to Live");
    expect(ttl.dataset.changed).toBeDefined();
    expect(within(ttl).getByRole("deletion")).toHaveTextContent("64");
    expect(within(ttl).getByRole("insertion")).toHaveTextContent("63");
    const changed = [...document.querySelectorAll<HTMLElement>("li[data-changed]")].map((li) => li.firstChild?.textContent);
    expect(changed).toEqual(["Destination", "Source", "Time to Live", "Header Checksum"]);
    // Unchanged fields stay plain.
    expect((await field("Identification")).dataset.changed).toBeUndefined();
  });

  it("names an unknown bytes format instead of guessing", async () => {
    renderInspector({ bytes: fixture("icmp-echo-request"), format: "ipv6" });
    expect(await screen.findByRole("alert")).toHaveTextContent('Unknown bytes format "ipv6"');
  });
});
