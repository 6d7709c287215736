import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex } from "./lexer";
import type { QuoteStyle } from "./quote";
import { quote } from "./quote";

/** The single word the text lexes to, if it is one word of plain text (no expansions). */
function relexed(text: string): string | undefined {
  const { tokens, error } = lex(text);
  const words = tokens.filter((t) => t.kind === "word");
  if (error || words.length !== 1 || words[0]!.kind !== "word") return undefined;
  let value = "";
  for (const part of words[0]!.word.parts) {
    // An unquoted literal could still be subject to tilde or pathname expansion; quote must leave none.
    if (part.type !== "literal" || (part.quoting === "unquoted" && /[~*?[]/.test(part.text))) return undefined;
    value += part.text;
  }
  return value;
}

describe("quote", () => {
  it.each([
    ["eth0", "eth0"],
    ["10.0.0.1/24", "10.0.0.1/24"],
    ["", "''"],
    ["my file", "'my file'"],
    ["it's", "'it'\\''s'"],
    ["~", "'~'"],
    ["#x", "'#x'"],
    ["$HOME", "'$HOME'"],
  ])("quotes %j as %j", (word, quoted) => {
    expect(quote(word)).toBe(quoted);
  });

  it.each([
    ["my file", "my\\ file"],
    ["a|b", "a\\|b"],
    ["line\nbreak", "'line\nbreak'"],
  ])("escapes %j with backslashes as %j", (word, quoted) => {
    expect(quote(word, "backslash")).toBe(quoted);
  });

  const styles: QuoteStyle[] = ["single", "backslash"];
  it.each(styles)("round-trips any string through the lexer (%s style)", (style) => {
    const interesting = fc.constantFrom(..." \t\n'\"\\$`|&;()<>#~*?[]{}=:!%-é日".split(""));
    const text = fc.oneof(fc.string(), fc.array(interesting).map((cs) => cs.join("")));
    fc.assert(
      fc.property(text, (word) => {
        expect(relexed(quote(word, style))).toBe(word);
      }),
      { numRuns: 500 },
    );
  });
});
