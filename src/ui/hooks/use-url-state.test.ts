// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { booleanParam, listParam, optionalIntegerParam, stringParam, URL_WRITE_INTERVAL_MS, useUrlState } from "./use-url-state";
import type { UrlCodecs } from "./use-url-state";

interface Demo {
  cidr: string;
  split: readonly string[];
  cloud: boolean;
  borrow: number | null;
}

const codecs: UrlCodecs<Demo> = {
  cidr: stringParam,
  split: listParam,
  cloud: booleanParam,
  borrow: optionalIntegerParam(1, 1000),
};

const defaults: Demo = { cidr: "10.0.0.0/16", split: [], cloud: false, borrow: null };

function useDemo(namespace = "subnet", initial: Demo = defaults) {
  return useUrlState(namespace, initial, codecs);
}

function params(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState({ router: "kept" }, "", "/lessons/ip#masks");
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useUrlState", () => {
  it("starts from the defaults when the URL says nothing, and leaves the URL alone", () => {
    const { result } = renderHook(() => useDemo());
    expect(result.current[0]).toEqual(defaults);
    expect(window.location.search).toBe("");
  });

  it("reads its own keys from the URL on mount; they win over the defaults", () => {
    window.history.replaceState(null, "", "/lessons/ip?subnet.cidr=2001:db8::/48&subnet.cloud=1&subnet.borrow=5&other.cidr=x");
    const { result } = renderHook(() => useDemo());
    expect(result.current[0]).toEqual({ cidr: "2001:db8::/48", split: [], cloud: true, borrow: 5 });
  });

  it("ignores malformed values and keeps the default for them", () => {
    window.history.replaceState(null, "", "/?subnet.cloud=yes&subnet.borrow=-3&subnet.split=a,,b");
    const { result } = renderHook(() => useDemo());
    expect(result.current[0]).toEqual({ ...defaults, split: ["a", "b"] });
  });

  it("writes changes with replaceState, keeping the hash, history.state and other parameters", () => {
    window.history.replaceState({ router: "kept" }, "", "/lessons/ip?lang=ko#masks");
    const entries = window.history.length;
    const { result } = renderHook(() => useDemo());
    act(() => result.current[1]({ split: ["10.0.0.0/16", "10.0.0.0/17"], cloud: true }));
    expect(result.current[0].split).toEqual(["10.0.0.0/16", "10.0.0.0/17"]);
    expect(window.location.search).toBe("?lang=ko&subnet.split=10.0.0.0/16,10.0.0.0/17&subnet.cloud=1");
    expect(window.location.hash).toBe("#masks");
    expect(window.history.state).toEqual({ router: "kept" });
    expect(window.history.length).toBe(entries);
  });

  it("drops a key again when its value returns to the default", () => {
    const { result } = renderHook(() => useDemo());
    act(() => result.current[1]({ borrow: 8 }));
    expect(params().get("subnet.borrow")).toBe("8");
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    act(() => result.current[1]({ borrow: null }));
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    expect(params().has("subnet.borrow")).toBe(false);
  });

  it("records an emptied list that differs from a non-empty default", () => {
    const { result } = renderHook(() => useDemo("subnet", { ...defaults, split: ["10.0.0.0/16"] }));
    act(() => result.current[1]({ split: [] }));
    expect(params().get("subnet.split")).toBe("");
  });

  it("coalesces a burst of changes into few URL writes, ending with the last value", () => {
    const replace = vi.spyOn(window.history, "replaceState");
    const { result } = renderHook(() => useDemo());
    for (const text of ["1", "19", "192", "192.", "192.1"]) act(() => result.current[1]({ cidr: text }));
    expect(result.current[0].cidr).toBe("192.1");
    expect(replace).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    expect(replace).toHaveBeenCalledTimes(2);
    expect(params().get("subnet.cidr")).toBe("192.1");
    replace.mockRestore();
  });

  it("applies function updates to the latest state", () => {
    const { result } = renderHook(() => useDemo());
    act(() => {
      result.current[1]((s) => ({ split: [...s.split, "a"] }));
      result.current[1]((s) => ({ split: [...s.split, "b"] }));
    });
    expect(result.current[0].split).toEqual(["a", "b"]);
  });

  it("follows the URL on popstate", () => {
    const { result } = renderHook(() => useDemo());
    act(() => {
      window.history.pushState(null, "", "/lessons/ip?subnet.cidr=192.168.0.0/24#masks");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    expect(result.current[0].cidr).toBe("192.168.0.0/24");
  });

  it("keeps widgets with different namespaces from clobbering each other", () => {
    const a = renderHook(() => useDemo("a"));
    const b = renderHook(() => useDemo("b"));
    act(() => a.result.current[1]({ cidr: "10.1.0.0/16" }));
    act(() => b.result.current[1]({ cloud: true }));
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    act(() => a.result.current[1]({ borrow: 4 }));
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    expect(params().get("a.cidr")).toBe("10.1.0.0/16");
    expect(params().get("a.borrow")).toBe("4");
    expect(params().get("b.cloud")).toBe("1");
    expect(params().has("b.cidr")).toBe(false);
  });

  it("gives a link that reproduces the state, even before a throttled write", () => {
    const { result } = renderHook(() => useDemo());
    act(() => result.current[1]({ cidr: "10.9.0.0/16" }));
    act(() => result.current[1]({ cidr: "10.9.8.0/24" }));
    const link = new URL(result.current[2]());
    expect(link.pathname).toBe("/lessons/ip");
    expect(link.hash).toBe("#masks");
    expect(link.searchParams.get("subnet.cidr")).toBe("10.9.8.0/24");
    expect(params().get("subnet.cidr")).toBe("10.9.8.0/24");
  });

  it("writes pending changes when the widget unmounts", () => {
    const { result, unmount } = renderHook(() => useDemo());
    act(() => result.current[1]({ cidr: "a" }));
    act(() => result.current[1]({ cidr: "ab" }));
    unmount();
    expect(params().get("subnet.cidr")).toBe("ab");
  });

  it("keeps working when the browser refuses to rewrite the URL", () => {
    const replace = vi.spyOn(window.history, "replaceState").mockImplementation(() => {
      throw new DOMException("Attempt to use history.replaceState() more than 100 times per 30 seconds", "SecurityError");
    });
    const { result } = renderHook(() => useDemo());
    act(() => result.current[1]({ cloud: true }));
    expect(result.current[0].cloud).toBe(true);
    replace.mockRestore();
  });
});
