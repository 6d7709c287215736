import { describe, expect, it } from "vitest";
import { decodeAnsiC } from "./ansi-c";

describe("decodeAnsiC", () => {
  it("decodes escapes as bash does", () => {
    // bash 5.2: printf '%s' $'\e|\cA|\u00e9|\q|\0101|\x4g|\\' | od -c
    // → 033 | 001 | é | \ q | \b 1 | 004 g | \
    expect(decodeAnsiC("\\e|\\cA|\\u00e9|\\q|\\0101|\\x4g|\\\\")).toBe("\x1b|\x01|é|\\q|\b1|\x04g|\\");
  });

  it("decodes the C escapes and quotes", () => {
    expect(decodeAnsiC("a\\tb\\nc\\'d\\\"e")).toBe("a\tb\nc'd\"e");
  });
});
