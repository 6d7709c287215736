import { describe, expect, it } from "vitest";
import { ctimeUtc } from "./ctime";

describe("ctimeUtc prints iptables-save's date as ctime(3) in UTC", () => {
  // Expected texts from `TZ=UTC date -d @N "+%a %b %e %H:%M:%S %Y"` on the capture machine.
  it.each([
    [0, "Thu Jan  1 00:00:00 1970"],
    [951782400, "Tue Feb 29 00:00:00 2000"],
    [1709251200, "Fri Mar  1 00:00:00 2024"],
    [1795264297, "Sat Nov 21 12:31:37 2026"],
    [4102444799, "Thu Dec 31 23:59:59 2099"],
  ])("%i → %s", (seconds, text) => {
    expect(ctimeUtc(seconds)).toBe(text);
  });
});
