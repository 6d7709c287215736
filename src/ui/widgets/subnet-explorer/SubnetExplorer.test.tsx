// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SimProvider } from "../../sim/sim-context";
import { createInProcessApi } from "../../../worker/local-api";
import type { RemoteSimApi } from "../../../worker/api";
import { SubnetExplorer } from "./index";
import type { SubnetExplorerProps } from "./index";

function renderExplorer(props: SubnetExplorerProps = {}, api: RemoteSimApi = createInProcessApi()) {
  return render(
    <SimProvider api={api}>
      <SubnetExplorer {...props} />
    </SimProvider>,
  );
}

/** The value shown for a term of the facts list, e.g. "Network address". */
function fact(term: string, scope: HTMLElement = document.body): string {
  const dt = within(scope).getByText(term, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? "";
}

async function factEventually(term: string, expected: string, scope?: HTMLElement) {
  await waitFor(() => expect(fact(term, scope)).toBe(expected));
}

/** The subnet of each row of the split table, in order. */
function tableRows(scope: HTMLElement = document.body): string[] {
  const table = within(scope).getByRole("table");
  // A selector rather than role queries: the 256-row table would make those slow.
  return [...table.querySelectorAll("tbody th[scope=row]")].map((cell) => cell.textContent ?? "");
}

function addressField(scope: HTMLElement = document.body): HTMLInputElement {
  return within(scope).getByRole("textbox", { name: /address and prefix/i });
}

/** Replaces the field's text in one change (typing letter by letter passes through other valid inputs). */
async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

beforeEach(() => {
  window.history.replaceState(null, "", "/lesson#objectives");
});
afterEach(cleanup);

describe("SubnetExplorer", () => {
  it("shows the network and broadcast of a typed address", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.3.7/16" });
    await factEventually("Network address", "10.0.0.0");
    expect(fact("Broadcast address")).toBe("10.0.255.255");

    await retype(user, addressField(), "192.168.1.77/26");
    await factEventually("Network address", "192.168.1.64");
    expect(fact("Broadcast address")).toBe("192.168.1.127");
    expect(fact("Subnet mask")).toContain("255.255.255.192");
  });

  it("accepts an address with a dotted mask and an IPv6 block", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "192.168.1.9 255.255.255.0" });
    await factEventually("Block", "192.168.1.0/24");

    await retype(user, addressField(), "2001:db8::/48");
    await factEventually("Block", "2001:db8::/48");
    expect(fact("Broadcast address")).toMatch(/IPv6 has no broadcast/);
    expect(screen.queryByText("Wildcard mask", { selector: "dt" })).toBeNull();
  });

  it("explains an invalid mask under the field and keeps the last valid result, dimmed", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.3.7/16" });
    await factEventually("Network address", "10.0.0.0");

    const field = addressField();
    await retype(user, field, "10.0.3.7 255.0.255.0");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    // The explanation is wired to the field, names the mask and suggests a fix.
    expect(field).toHaveAccessibleDescription(/not a valid mask/);
    expect(field).toHaveAccessibleDescription(/Did you mean 255\.0\.0\.0/);
    // The previous answer stays on screen, marked as the last valid one.
    expect(fact("Network address")).toBe("10.0.0.0");
    expect(screen.getByText(/the last valid/)).toHaveTextContent("10.0.3.7/16");

    await retype(user, field, "10.0.3.7 255.255.255.0");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "false"));
    expect(fact("Network address")).toBe("10.0.3.0");
    expect(screen.queryByText(/the last valid/)).toBeNull();
  });

  it("survives any text without crashing", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/8" });
    await factEventually("Block", "10.0.0.0/8");
    for (const text of ["", "  ", "10.0.0.256/8", "10.0.0.0/33", "::::", "a.b.c.d", "10.0.0.0/8/8", "fe80::1 255.0.0.0"]) {
      await retype(user, addressField(), text || " ");
      await waitFor(() => expect(addressField()).toHaveAttribute("aria-invalid", "true"));
      expect(fact("Block")).toBe("10.0.0.0/8");
    }
  });

  it("splits a row in two and joins it back into one", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/16" });
    await waitFor(() => expect(tableRows()).toEqual(["10.0.0.0/16"]));

    await user.click(screen.getByRole("button", { name: "Split 10.0.0.0/16 in half" }));
    await waitFor(() => expect(tableRows()).toEqual(["10.0.0.0/17", "10.0.128.0/17"]));
    // Said in the live region once the new rows are there.
    expect(await screen.findByText(/^Split 10\.0\.0\.0\/16 into 10\.0\.0\.0\/17 and 10\.0\.128\.0\/17/)).toBeInTheDocument();
    // Focus follows the first half, so the keyboard user can keep splitting.
    await waitFor(() => expect(screen.getByRole("button", { name: "Split 10.0.0.0/17 in half" })).toHaveFocus());

    await user.click(screen.getByRole("button", { name: "Split 10.0.128.0/17 in half" }));
    await waitFor(() => expect(tableRows()).toEqual(["10.0.0.0/17", "10.0.128.0/18", "10.0.192.0/18"]));
    // The root's join cell spans all three rows; the /17's spans its two halves.
    const rootJoin = screen.getByRole("button", { name: "Join 10.0.0.0/16 back into one subnet" });
    expect(rootJoin.closest("td")).toHaveAttribute("rowspan", "3");
    const halfJoin = screen.getByRole("button", { name: "Join 10.0.128.0/17 back into one subnet" });
    expect(halfJoin.closest("td")).toHaveAttribute("rowspan", "2");

    await user.click(rootJoin);
    await waitFor(() => expect(tableRows()).toEqual(["10.0.0.0/16"]));
    expect(screen.queryByRole("button", { name: /^Join/ })).toBeNull();
    await waitFor(() => expect(screen.getByRole("button", { name: "Split 10.0.0.0/16 in half" })).toHaveFocus());
  });

  it("can be driven from the keyboard alone", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/24" });
    const split = await screen.findByRole("button", { name: "Split 10.0.0.0/24 in half" });
    split.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole("button", { name: "Split 10.0.0.0/25 in half" })).toHaveFocus());
    await user.keyboard(" ");
    await waitFor(() => expect(tableRows()).toHaveLength(3));
  });

  it("cloud mode reserves five addresses per subnet and stops splits at /28", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/24" });
    await factEventually("Block", "10.0.0.0/24");
    const count = (term: string) => Number(fact(term).match(/^[\d,]+/)?.[0].replace(/,/g, ""));
    expect(count("Usable hosts")).toBe(count("Addresses in block") - 2);
    expect(screen.queryByRole("region", { name: /reserved by AWS/i })).toBeNull();

    const cloud = screen.getByRole("switch", { name: /Cloud \(AWS\) reservations/ });
    await user.click(cloud);
    expect(cloud).toHaveAttribute("aria-checked", "true");
    const reserved = await screen.findByRole("region", { name: /reserved by AWS/i });
    const items = within(reserved).getAllByRole("listitem");
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent("10.0.0.0");
    expect(items[1]).toHaveTextContent(/10\.0\.0\.1.*router/);
    expect(items[4]).toHaveTextContent("10.0.0.255");
    // The network and broadcast addresses are among the five, so hosts = addresses − 5.
    await waitFor(() => expect(count("Usable hosts")).toBe(count("Addresses in block") - 5));

    await retype(user, addressField(), "10.0.0.0/28");
    await factEventually("Block", "10.0.0.0/28");
    const split = await screen.findByRole("button", { name: "Split 10.0.0.0/28 in half" });
    expect(split).toHaveAttribute("aria-disabled", "true");
    expect(split).toHaveAccessibleDescription(/\/28/);
    await user.click(split);
    expect(tableRows()).toEqual(["10.0.0.0/28"]);
  });

  it("borrows bits for N subnets: 211.168.83.0 and 5 subnets give /27, 255.255.255.224", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "211.168.83.0" });
    await factEventually("Block", "211.168.83.0/32");
    await user.type(screen.getByRole("spinbutton", { name: /how many subnets/i }), "5");

    const list = await screen.findByRole("list", { name: /subnets/i });
    const borrowArea = list.parentElement as HTMLElement;
    expect(borrowArea).toHaveTextContent(/Borrow 3 host bits/);
    expect(borrowArea).toHaveTextContent("/27");
    expect(borrowArea).toHaveTextContent("255.255.255.224");
    expect(borrowArea).toHaveTextContent(/8 subnets × 30 usable hosts/);
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toContain("211.168.83.224/27");

    await user.click(screen.getByRole("button", { name: "Use these subnets" }));
    await waitFor(() => expect(tableRows()).toHaveLength(8));
    expect(tableRows()[1]).toBe("211.168.83.32/27");
    expect(addressField()).toHaveValue("211.168.83.0/24");
    // Now the block matches, the bits view shows the three borrowed bits.
    expect(screen.getByRole("figure")).toHaveAccessibleName(/next 3 are borrowed/);
  });

  it("keeps its state in the URL, so a link reproduces the table", async () => {
    const user = userEvent.setup();
    const first = renderExplorer({ cidr: "10.0.0.0/16" });
    await user.click(await screen.findByRole("button", { name: "Split 10.0.0.0/16 in half" }));
    await user.click(await screen.findByRole("button", { name: "Split 10.0.128.0/17 in half" }));
    await user.click(screen.getByRole("switch", { name: /Cloud/ }));
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    const rows = tableRows();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("subnet.cloud")).toBe("1"));
    const params = new URLSearchParams(window.location.search);
    expect(params.get("subnet.split")?.split(",")).toEqual(["10.0.0.0/16", "10.0.128.0/17"]);
    expect(window.location.hash).toBe("#objectives");
    first.unmount();

    // Loading the same page with that URL shows the same rows.
    renderExplorer({ cidr: "10.0.0.0/16" });
    await waitFor(() => expect(tableRows()).toEqual(rows));
    expect(screen.getByRole("switch", { name: /Cloud/ })).toHaveAttribute("aria-checked", "true");
  });

  it("starts from the directive's attributes when the URL says nothing", async () => {
    renderExplorer({ cidr: "10.0.0.0/16", split: "10.0.0.0/16,10.0.0.0/17", borrow: 4 });
    await waitFor(() => expect(tableRows()).toEqual(["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/17"]));
    expect(screen.getByRole("spinbutton", { name: /how many subnets/i })).toHaveValue(4);
    expect(window.location.search).toBe("");
  });

  it("keeps two widgets' states apart by id", async () => {
    const user = userEvent.setup();
    const page = () => (
      <SimProvider api={createInProcessApi()}>
        <div data-testid="a">
          <SubnetExplorer id="a" cidr="10.0.0.0/16" />
        </div>
        <div data-testid="b">
          <SubnetExplorer id="b" cidr="172.16.0.0/12" />
        </div>
      </SimProvider>
    );
    const first = render(page());
    const a = screen.getByTestId("a");
    const b = screen.getByTestId("b");
    await user.click(await within(a).findByRole("button", { name: "Split 10.0.0.0/16 in half" }));
    await retype(user, addressField(b), "172.16.0.0/13");
    await waitFor(() => expect(tableRows(a)).toHaveLength(2));
    await waitFor(() => expect(tableRows(b)).toEqual(["172.16.0.0/13"]));
    await waitFor(() => {
      const params = new URLSearchParams(window.location.search);
      expect(params.get("a.split")).toBe("10.0.0.0/16");
      expect(params.get("b.cidr")).toBe("172.16.0.0/13");
    });
    expect(new URLSearchParams(window.location.search).has("b.split")).toBe(false);
    first.unmount();

    render(page());
    await waitFor(() => expect(tableRows(screen.getByTestId("a"))).toEqual(["10.0.0.0/17", "10.0.128.0/17"]));
    await waitFor(() => expect(tableRows(screen.getByTestId("b"))).toEqual(["172.16.0.0/13"]));
  });

  it("follows the back button", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/16" });
    await user.click(await screen.findByRole("button", { name: "Split 10.0.0.0/16 in half" }));
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    // Another page state (as a router would push) and back again.
    act(() => {
      window.history.pushState(null, "", "/lesson?subnet.cidr=192.168.1.0/24#objectives");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    await waitFor(() => expect(tableRows()).toEqual(["192.168.1.0/24"]));
    expect(addressField()).toHaveValue("192.168.1.0/24");
  });

  it("copies a link that reproduces the widget", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/16" });
    await user.click(await screen.findByRole("button", { name: "Split 10.0.0.0/16 in half" }));
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText("Copied")).toBeInTheDocument();
    const copied = new URL(await navigator.clipboard.readText());
    expect(copied.searchParams.get("subnet.split")).toBe("10.0.0.0/16");
    expect(copied.hash).toBe("#objectives");
  });

  it("shows the link to copy by hand when the clipboard refuses", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/16" });
    await screen.findByRole("button", { name: "Split 10.0.0.0/16 in half" });
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    try {
      await user.click(screen.getByRole("button", { name: "Copy link" }));
      const manual = await screen.findByRole("textbox", { name: /copy this link/i });
      expect(manual).toHaveValue(window.location.href);
    } finally {
      navigator.clipboard.writeText = writeText;
    }
  });

  it("says calmly that the simulator restarted and asks again", async () => {
    const real = createInProcessApi();
    let crashes = 1;
    const crashingOnce: RemoteSimApi = {
      ...real,
      describeSubnet: (input, options) => {
        if (crashes > 0) {
          crashes--;
          return Promise.reject(new Error("worker terminated"));
        }
        return real.describeSubnet(input, options);
      },
    };
    renderExplorer({ cidr: "10.0.3.7/16" }, crashingOnce);
    expect(await screen.findByText(/simulator restarted/i)).toBeInTheDocument();
    await factEventually("Network address", "10.0.0.0");
    expect(screen.queryByText(/simulator restarted/i)).toBeNull();
  });

  it("offers to try again when the simulator stays down", async () => {
    const user = userEvent.setup();
    const real = createInProcessApi();
    let down = true;
    const flaky: RemoteSimApi = {
      ...real,
      describeSubnet: (input, options) =>
        down ? Promise.reject(new Error("worker terminated")) : real.describeSubnet(input, options),
    };
    renderExplorer({ cidr: "10.0.3.7/16" }, flaky);
    const again = await screen.findByRole("button", { name: "Try again" });
    down = false;
    await user.click(again);
    await factEventually("Network address", "10.0.0.0");
  });

  it("refuses to grow the table past 256 rows", async () => {
    const user = userEvent.setup();
    renderExplorer({ cidr: "10.0.0.0/16", borrow: 256 });
    await user.click(await screen.findByRole("button", { name: "Use these subnets" }));
    await waitFor(() => expect(tableRows()).toHaveLength(256), { timeout: 5000 });
    const split = screen.getByRole("button", { name: "Split 10.0.0.0/24 in half" });
    expect(split).toHaveAttribute("aria-disabled", "true");
    expect(split).toHaveAccessibleDescription(/256 rows/);
    await user.click(split);
    expect(tableRows()).toHaveLength(256);
  }, 15000);
});
