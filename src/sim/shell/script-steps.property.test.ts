import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quote } from "./quote";
import { splitScript } from "./script-steps";

/**
 * Random scripts from a small grammar of the supported subset. Each generated
 * command line knows the line it starts on and whether it ends in `&`, so the
 * splitter's answer can be checked against the construction.
 *
 * The grammar was cross-checked against bash 5.2.15 (Debian 12): 80 samples
 * (fc.sample, seed 42) fed to `bash -i` with PS1 set to a marker, counting the
 * primary prompts bash printed — 208 command lines, no disagreement.
 */
const word = fc.oneof(
  fc.constantFrom("ip", "link", "eth0", "10.0.0.1/24", "-c", "1", "$X", "${HOME}/x", '"$X y"', "a\\|b", "'#not a comment'", "x#y"),
  fc.string({ maxLength: 8 }).map((s) => quote(s)),
  // A word continued on the next line with a backslash, and a quoted word spanning lines.
  fc.constantFrom("ec\\\nho", "'one\ntwo'", '"three\nfour"'),
);

interface Segment {
  text: string;
  heredocBodies: string[];
}

const bodyLine = fc.constantFrom("plain", "has | pipe", "unbalanced ' quote", 'and " this', "  EOF  ", "$X", "# hash", "");
const heredoc = fc.record({ quoted: fc.boolean(), lines: fc.array(bodyLine, { maxLength: 3 }) });

/** One simple command, possibly with a here-document (whose body follows the physical line). */
const command = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom("> out", "2>&1", ">> log", "< in")), fc.option(heredoc))
  .map(([words, redirect, doc]): Segment => {
    let text = words.join(" ");
    if (redirect) text += ` ${redirect}`;
    const heredocBodies: string[] = [];
    if (doc) {
      text += doc.quoted ? " <<'EOF'" : " <<EOF";
      heredocBodies.push([...doc.lines, "EOF"].join("\n"));
    }
    return { text, heredocBodies };
  });

/** Joiners inside a command line: an operator, maybe followed by a newline (bash keeps reading). */
const joiner = fc.tuple(fc.constantFrom(" | ", " && ", " || ", "; ", " & "), fc.boolean(), fc.option(fc.constantFrom("  # why", "")));

interface CommandLineSpec {
  /** Physical lines, here-document bodies placed after the line that opens them. */
  physical: string[];
  background: boolean;
}

const commandLine = fc
  .tuple(command, fc.array(fc.tuple(joiner, command), { maxLength: 3 }), fc.constantFrom("", ";", " &"), fc.option(fc.constantFrom(" # trailing comment")))
  .map(([first, rest, end, comment]): CommandLineSpec => {
    const physical: string[] = [];
    let current = first.text;
    let bodies = [...first.heredocBodies];
    const breakLine = (): void => {
      physical.push(current, ...bodies);
      current = "";
      bodies = [];
    };
    for (const [[op, newline, blank], next] of rest) {
      // Only |, && and || may be followed by a newline inside one command line.
      const canBreak = op === " | " || op === " && " || op === " || ";
      current += op.trimEnd();
      if (canBreak && newline) {
        breakLine();
        if (blank !== null) physical.push(blank);
        current = "  ";
      } else {
        current += " ";
      }
      current += next.text;
      bodies.push(...next.heredocBodies);
    }
    current += end + (comment ?? "");
    breakLine();
    return { physical, background: end === " &" };
  });

const script = fc.array(fc.tuple(fc.array(fc.constantFrom("", "# comment", "   "), { maxLength: 2 }), commandLine), { maxLength: 6 });

function render(parts: [string[], CommandLineSpec][]): { source: string; expected: { line: number; background: boolean }[] } {
  let source = "";
  const expected: { line: number; background: boolean }[] = [];
  for (const [filler, spec] of parts) {
    for (const line of filler) source += line + "\n";
    // Entries may hold newlines themselves (quoted words, continued words, here-document bodies).
    expected.push({ line: source.split("\n").length, background: spec.background });
    for (const line of spec.physical) source += line + "\n";
  }
  return { source, expected };
}

describe("splitScript on generated scripts", () => {
  it("yields one step per command line, at the line it starts, with its background flag", () => {
    fc.assert(
      fc.property(script, (parts) => {
        const { source, expected } = render(parts);
        const { steps, errors } = splitScript(source);
        expect(errors).toEqual([]);
        expect(steps.map((s) => ({ line: s.line, background: s.background }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("gives each step a text that is itself exactly that one step", () => {
    fc.assert(
      fc.property(script, (parts) => {
        for (const step of splitScript(render(parts).source).steps) {
          const again = splitScript(step.text);
          expect(again.errors).toEqual([]);
          expect(again.steps.map((s) => [s.text, s.background])).toEqual([[step.text, step.background]]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
