// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Checked } from "../../../sim/addr/explorer-types";
import { useSimQuery } from "./use-sim-query";

/** A call whose answer the test decides, and when. */
interface Call {
  request: string;
  resolve: (answer: Checked<string>) => void;
  reject: (error: Error) => void;
}

function worker() {
  const calls: Call[] = [];
  const ask = (request: string) =>
    new Promise<Checked<string>>((resolve, reject) => calls.push({ request, resolve, reject }));
  return { calls, ask };
}

const good = (value: string): Checked<string> => ({ ok: true, value });
const bad = (message: string): Checked<string> => ({ ok: false, problem: { message } });

afterEach(cleanup);

describe("useSimQuery", () => {
  it("keeps the last good answer while the next one is computed", async () => {
    const { calls, ask } = worker();
    const { result, rerender } = renderHook(({ request }) => useSimQuery(request, ask), { initialProps: { request: "a" } });
    expect(result.current).toMatchObject({ value: null, pending: true });
    await act(async () => calls[0]?.resolve(good("A")));
    expect(result.current).toMatchObject({ value: "A", valueFor: "a", pending: false });

    rerender({ request: "b" });
    expect(result.current).toMatchObject({ value: "A", pending: true });
    await act(async () => calls[1]?.resolve(good("B")));
    expect(result.current).toMatchObject({ value: "B", valueFor: "b", pending: false });
  });

  it("drops answers to earlier inputs: the latest input wins", async () => {
    const { calls, ask } = worker();
    const { result, rerender } = renderHook(({ request }) => useSimQuery(request, ask), { initialProps: { request: "a" } });
    rerender({ request: "ab" });
    await act(async () => calls[1]?.resolve(good("AB")));
    await act(async () => calls[0]?.resolve(good("A (late)")));
    expect(result.current.value).toBe("AB");
  });

  it("reports a rejected input but keeps the last good value", async () => {
    const { calls, ask } = worker();
    const { result, rerender } = renderHook(({ request }) => useSimQuery(request, ask), { initialProps: { request: "a" } });
    await act(async () => calls[0]?.resolve(good("A")));
    rerender({ request: "a!" });
    await act(async () => calls[1]?.resolve(bad("no")));
    expect(result.current).toMatchObject({ value: "A", valueFor: "a", problem: { message: "no" }, pending: false });
  });

  it("asks nothing while there is nothing to ask", () => {
    const { calls, ask } = worker();
    const { result } = renderHook(() => useSimQuery<string, string>(null, ask));
    expect(calls).toHaveLength(0);
    expect(result.current.pending).toBe(false);
  });

  it("retries once after the worker crashes, then offers a manual retry", async () => {
    const { calls, ask } = worker();
    const { result } = renderHook(() => useSimQuery("a", ask));
    await act(async () => calls[0]?.reject(new Error("worker died")));
    expect(result.current.failure).toBe("retrying");
    await waitFor(() => expect(calls).toHaveLength(2));
    await act(async () => calls[1]?.reject(new Error("still dead")));
    expect(result.current).toMatchObject({ failure: "failed", pending: false });

    act(() => result.current.retry());
    await waitFor(() => expect(calls).toHaveLength(3));
    await act(async () => calls[2]?.resolve(good("A")));
    expect(result.current).toMatchObject({ value: "A", failure: null });
  });
});
