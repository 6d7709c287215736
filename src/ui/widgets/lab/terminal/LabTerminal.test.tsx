// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LabTerminal, type LabTerminalApi } from "./index";
import type * as LoadXterm from "./load-xterm";

const control = vi.hoisted(() => ({ failLoad: false }));
vi.mock("./load-xterm", async (importOriginal) => {
  const original = await importOriginal<typeof LoadXterm>();
  return { loadXterm: () => (control.failLoad ? Promise.reject(new Error("chunk failed")) : original.loadXterm()) };
});

afterEach(() => {
  cleanup();
  control.failLoad = false;
});

function props(overrides: Partial<Parameters<typeof LabTerminal>[0]> = {}) {
  return {
    host: "ns1",
    prompt: "root@ns1:~# ",
    run: vi.fn(async (line: string) => ({ stdout: `ran ${line}\n`, stderr: line.startsWith("bad") ? "bad: command not found\n" : "", exit: 0 })),
    resume: vi.fn(async () => ({ stdout: "", stderr: "", exit: 0 })),
    complete: vi.fn(async () => ({ from: 0, candidates: [], common: "" })),
    interrupt: vi.fn(async () => undefined),
    busy: false,
    ...overrides,
  };
}

describe("LabTerminal", () => {
  it("starts in jsdom (where xterm cannot measure) without crashing, labelled by its host", async () => {
    const onReady = vi.fn();
    render(<LabTerminal {...props({ onReady })} />);
    const group = screen.getByRole("group", { name: "Terminal on ns1" });
    // xterm is a lazily imported chunk: on a loaded machine the import alone can take over a second.
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(group).toBeInTheDocument();
    expect(screen.queryByText("Starting the terminal…")).toBeNull();
  });

  it("types a lesson's command through onReady and runs it", async () => {
    let api: LabTerminalApi | undefined;
    const p = props({ onReady: (a) => (api = a) });
    render(<LabTerminal {...p} />);
    await waitFor(() => expect(api).toBeDefined(), { timeout: 10_000 });
    api!.type("ip netns list");
    await waitFor(() => expect(p.run).toHaveBeenCalledWith("ip netns list"));
  });

  it("falls back to a plain terminal when xterm fails to load, with output and errors", async () => {
    control.failLoad = true;
    const user = userEvent.setup();
    const p = props();
    render(<LabTerminal {...p} />);
    const input = await screen.findByRole("textbox", { name: /Command on ns1/ });
    await user.type(input, "ip link{Enter}");
    expect(await screen.findByText("ran ip link", { exact: false })).toBeInTheDocument();
    await user.type(input, "bad{Enter}");
    const error = await screen.findByText("bad: command not found", { exact: false });
    expect(error.className).toMatch(/stderr/);
    await user.type(input, "{ArrowUp}");
    expect(input).toHaveValue("bad");
  });
});
