import { describe, expect, it } from "vitest";
import type { SimpleCommand } from "./ast";
import { parseScript } from "./parser";
import { formatShellDiagnostic } from "./syntax-error";

const argvOf = (command: SimpleCommand): string[] => command.words.map((w) => w.raw);

function only(source: string) {
  const { lines, error } = parseScript(source);
  expect(error).toBeUndefined();
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe("parseScript", () => {
  it("builds lists of and-or lists of pipelines of simple commands", () => {
    const line = only("ip link | grep UP && echo up || echo down; sleep 3 & echo bg\n");
    expect(line.items.map((i) => i.background)).toEqual([false, true, false]);
    const first = line.items[0]!.andOr;
    expect(first.first.commands.map(argvOf)).toEqual([["ip", "link"], ["grep", "UP"]]);
    expect(first.rest.map((r) => [r.op, r.pipeline.commands.map(argvOf)])).toEqual([
      ["&&", [["echo", "up"]]],
      ["||", [["echo", "down"]]],
    ]);
    expect(line.items[1]!.andOr.first.commands.map(argvOf)).toEqual([["sleep", "3"]]);
  });

  it("takes NAME=value words before the command as assignments, and only there", () => {
    const command = only("LANG=C X+=1 'Y'=2 ip a=b\n").items[0]!.andOr.first.commands[0]!;
    expect(command.assignments.map((a) => [a.name, a.append, a.value.raw])).toEqual([
      ["LANG", false, "C"],
      ["X", true, "1"],
    ]);
    expect(argvOf(command)).toEqual(["'Y'=2", "ip", "a=b"]);
  });

  it("accepts a command of assignments or redirections alone", () => {
    expect(only("X=1 Y=2\n").items[0]!.andOr.first.commands[0]!.assignments).toHaveLength(2);
    expect(only("> /tmp/empty\n").items[0]!.andOr.first.commands[0]!.redirects).toHaveLength(1);
  });

  it("collects redirections in order, wherever they appear among the words", () => {
    const command = only("2>/dev/null cat < in > out 2>&1 file\n").items[0]!.andOr.first.commands[0]!;
    expect(argvOf(command)).toEqual(["cat", "file"]);
    expect(command.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [2, ">", "/dev/null"],
      [undefined, "<", "in"],
      [undefined, ">", "out"],
      [2, ">&", "1"],
    ]);
  });

  it("attaches here-document bodies to their redirection", () => {
    const command = only("cat > /etc/hosts <<EOF\n10.0.0.1 a\nEOF\n").items[0]!.andOr.first.commands[0]!;
    expect(command.redirects[1]).toMatchObject({ op: "<<", target: { raw: "EOF" }, heredoc: { body: "10.0.0.1 a\n" } });
  });

  it("records |& as 2>&1 after the left command's own redirections (bash(1), Pipelines)", () => {
    const pipeline = only("ping -c1 x 2>/dev/null |& grep loss\n").items[0]!.andOr.first;
    expect(pipeline.commands[0]!.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [2, ">", "/dev/null"],
      [2, ">&", "1"],
    ]);
  });

  it("negates a pipeline with !, twice cancelling out", () => {
    expect(only("! ping -c1 x\n").items[0]!.andOr.first.negated).toBe(true);
    expect(only("! ! true\n").items[0]!.andOr.first.negated).toBe(false);
    expect(argvOf(only("echo ! x\n").items[0]!.andOr.first.commands[0]!)).toEqual(["echo", "!", "x"]);
  });

  it("reports each command line's first line and text", () => {
    const { lines } = parseScript("\n# c\necho a |\n  grep a\n\necho b # note\n");
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [3, "echo a | grep a"],
      [6, "echo b"],
    ]);
  });

  /**
   * Recorded from bash 5.2.15 (Debian 12): `printf '%s\n' 'TEXT' > f.sh; bash f.sh`.
   * Every one exits with status 2.
   */
  const SYNTAX_ERRORS: [source: string, printed: string][] = [
    ["}", "f.sh: line 1: syntax error near unexpected token `}'\nf.sh: line 1: `}'\n"],
    ["]]", "f.sh: line 1: syntax error near unexpected token `]]'\nf.sh: line 1: `]]'\n"],
    ["in", "f.sh: line 1: syntax error near unexpected token `in'\nf.sh: line 1: `in'\n"],
    ["done", "f.sh: line 1: syntax error near unexpected token `done'\nf.sh: line 1: `done'\n"],
    ["echo a; then", "f.sh: line 1: syntax error near unexpected token `then'\nf.sh: line 1: `echo a; then'\n"],
    ["echo a | ! echo b", "f.sh: line 1: syntax error near unexpected token `!'\nf.sh: line 1: `echo a | ! echo b'\n"],
    ["echo a |& ! b", "f.sh: line 1: syntax error near unexpected token `!'\nf.sh: line 1: `echo a |& ! b'\n"],
    ["echo a b(", "f.sh: line 1: syntax error near unexpected token `('\nf.sh: line 1: `echo a b('\n"],
    ["a=1 (b)", "f.sh: line 1: syntax error near unexpected token `('\nf.sh: line 1: `a=1 (b)'\n"],
    ["echo a )", "f.sh: line 1: syntax error near unexpected token `)'\nf.sh: line 1: `echo a )'\n"],
    ["echo a >&", "f.sh: line 1: syntax error near unexpected token `newline'\nf.sh: line 1: `echo a >&'\n"],
    ["echo a > 2>", "f.sh: line 1: syntax error near unexpected token `2'\nf.sh: line 1: `echo a > 2>'\n"],
    ["echo a >>> b", "f.sh: line 1: syntax error near unexpected token `>'\nf.sh: line 1: `echo a >>> b'\n"],
    ["echo a &; b", "f.sh: line 1: syntax error near unexpected token `;'\nf.sh: line 1: `echo a &; b'\n"],
    ["echo a & & b", "f.sh: line 1: syntax error near unexpected token `&'\nf.sh: line 1: `echo a & & b'\n"],
    ["echo a && &", "f.sh: line 1: syntax error near unexpected token `&'\nf.sh: line 1: `echo a && &'\n"],
    ["echo a;;", "f.sh: line 1: syntax error near unexpected token `;;'\nf.sh: line 1: `echo a;;'\n"],
    ["echo a ;& b", "f.sh: line 1: syntax error near unexpected token `;&'\nf.sh: line 1: `echo a ;& b'\n"],
    [" ;; ", "f.sh: line 1: syntax error near unexpected token `;;'\nf.sh: line 1: ` ;; '\n"],
    ["echo a; ;", "f.sh: line 1: syntax error near unexpected token `;'\nf.sh: line 1: `echo a; ;'\n"],
    ["&", "f.sh: line 1: syntax error near unexpected token `&'\nf.sh: line 1: `&'\n"],
  ];

  it.each(SYNTAX_ERRORS)("rejects %j as bash does", (source, printed) => {
    const { error, lines } = parseScript(source + "\n");
    expect(lines).toEqual([]);
    expect(error?.exitStatus).toBe(2);
    expect(formatShellDiagnostic(error!, { script: "f.sh" })).toBe(printed);
  });

  it("formats errors for `bash -c` and for an interactive shell", () => {
    const { error } = parseScript("echo a; | x");
    // bash -c 'echo a; | x'
    expect(formatShellDiagnostic(error!, { script: "bash: -c" })).toBe(
      "bash: -c: line 1: syntax error near unexpected token `|'\nbash: -c: line 1: `echo a; | x'\n",
    );
    // echo 'echo a; | b' | bash -i: one line, no line number.
    expect(formatShellDiagnostic(error!, "interactive")).toBe("bash: syntax error near unexpected token `|'\n");
  });

  it.each([
    ["if true; then echo a; fi", "the compound command `if' is not supported by this simulator"],
    ["for i in a b; do echo $i; done", "the compound command `for' is not supported by this simulator"],
    ["while true; do :; done", "the compound command `while' is not supported by this simulator"],
    ["case x in x) ;; esac", "the compound command `case' is not supported by this simulator"],
    ["{ echo a; }", "the command group `{ …; }' is not supported by this simulator"],
    ["[[ -e /etc/hosts ]]", "the conditional command `[[ … ]]' is not supported by this simulator"],
    ["(cd /tmp)", "a subshell `( … )' is not supported by this simulator"],
    ["echo a | (cat)", "a subshell `( … )' is not supported by this simulator"],
    ["f() { echo; }", "a function definition is not supported by this simulator"],
    ["function f { echo; }", "a function definition is not supported by this simulator"],
    ["time sleep 1", "the reserved word `time' is not supported by this simulator"],
  ])("says plainly that %j is not modelled (exit 2)", (source, message) => {
    const { error } = parseScript(`echo before\n${source}\n`);
    expect(error).toEqual({ kind: "unsupported", line: 2, message, exitStatus: 2 });
  });

  it("treats reserved words as plain words after the command name or an assignment", () => {
    expect(argvOf(only("echo if then fi { }\n").items[0]!.andOr.first.commands[0]!)).toEqual(["echo", "if", "then", "fi", "{", "}"]);
    expect(argvOf(only("X=1 if\n").items[0]!.andOr.first.commands[0]!)).toEqual(["if"]);
  });
});

describe("words that name Object.prototype members", () => {
  it("are ordinary command names", () => {
    for (const word of ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const result = parseScript(`${word} x\n`);
      expect(result.error, word).toBeUndefined();
      expect(result.lines).toHaveLength(1);
    }
  });
});
