import { describe, expect, it } from "vitest";
import { parseKeys } from "./key-input";

describe("parseKeys", () => {
  it("reads typed text, control keys and cursor sequences in both cursor-key modes", () => {
    expect(parseKeys("ab\x1b[Dc\x1bOA\x7f\r")).toEqual([
      { type: "text", text: "ab" },
      { type: "left" },
      { type: "text", text: "c" },
      { type: "up" },
      { type: "backspace" },
      { type: "enter" },
    ]);
  });

  it("reads a bracketed paste as one key, newlines and all", () => {
    expect(parseKeys("\x1b[200~ip a\rip r\x1b[201~")).toEqual([{ type: "paste", text: "ip a\rip r" }]);
  });

  it("drops sequences it does not know instead of typing them", () => {
    expect(parseKeys("\x1b[15~x\x1b[1;2P")).toEqual([{ type: "text", text: "x" }]);
  });
});
