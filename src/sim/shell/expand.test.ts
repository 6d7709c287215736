import { describe, expect, it } from "vitest";
import type { ExpandContext } from "./expand";
import { expandAssignmentValue, expandHereDoc, expandHereString, expandRedirectTarget, expandWord, expandWords } from "./expand";
import { lex } from "./lexer";
import { parseScript } from "./parser";
import type { Word } from "./token";

const ctx = (variables: Record<string, string> = {}, lastExitStatus = 0): ExpandContext => ({
  variables: new Map(Object.entries(variables)),
  lastExitStatus,
  homeDirectory: "/root",
});

const BASH_VARS = { X: "a  b", E: "", P: "/x:/y", HOME: "/root" };

function words(source: string): Word[] {
  const { tokens, error } = lex(source);
  expect(error).toBeUndefined();
  return tokens.flatMap((t) => (t.kind === "word" ? [t.word] : []));
}

function argv(source: string, context = ctx(BASH_VARS)): string {
  const result = expandWords(words(source), context);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((a) => `<${a}>`).join("");
}

/**
 * Recorded from bash 5.2.15 (Debian 12):
 * bash -c "X='a  b'; E=''; P='/x:/y'; HOME=/root; cd /tmp; printf '<%s>' WORDS"
 * (pathname expansion left out: see the test of `*` below).
 */
const RECORDED: [words: string, printed: string][] = [
  ["a b   c", "<a><b><c>"],
  ["'a b' \"c d\" e\\ f", "<a b><c d><e f>"],
  ["'$X' \"$X\" $X", "<$X><a  b><a><b>"],
  ["${X}y \"${X}\"y x$E y \"$E\" ''", "<a><by><a  by><x><y><><>"],
  ["\\$X \\\\ \\' \\\" \"\\$X\" \"\\\\\" \"\\a\" \"\\\"\" '\\n'", "<$X><\\><'><\"><$X><\\><\\a><\"><\\n>"],
  ["a'b'\"c\"d", "<abcd>"],
  ["$'a\\tb\\n' $'\\x41\\101' $'it\\'s'", "<a\tb\n><AA><it's>"],
  ["~ ~/x ~root x~ \"~\" '~' \\~ ~nobodyknown", "</root></root/x></root><x~><~><~><~><~nobodyknown>"],
  ["a=~ b=~/x:~/y --o=~", "<a=/root><b=/root/x:/root/y><--o=~>"],
  ["? [a] '*' \"*\" \\\\*", "<?><[a]><*><*><\\*>"],
  ["a#b #c", "<a#b>"],
  ["$ \"$\" a$ $. $/", "<$><$><a$><$.><$/>"],
  ["$? \"$?\" ", "<0><0>"],
  ["ec\\\nho a\\\nb", "<echo><ab>"],
  ["-n \"\" $E $E$E \"$E$E\" x\"$E\" ", "<-n><><><x>"],
  ["a\"b c\"d e'f g'h", "<ab cd><ef gh>"],
  ["a{b {} {a} a}b", "<a{b><{}><{a}><a}b>"],
  ["a=1 b='2 3'", "<a=1><b=2 3>"],
  ["$X$X \"$X$X\" \"$X\"$X", "<a><ba><b><a  ba  b><a  ba><b>"],
  ["\\\\\\\\ \\\\\\  \"\\\\\\\\\" ", "<\\\\><\\ ><\\\\>"],
  ["x\\\ny 'x\\\ny' \"x\\\ny\" ", "<xy><x\\\ny><xy>"],
  ["\u00e9 \u00fc \u65e5\u672c", "<\u00e9><\u00fc><\u65e5\u672c>"],

];

describe("expandWords", () => {
  it.each(RECORDED)("%j → %j", (source, printed) => {
    expect(argv(source)).toBe(printed);
  });

  it("expands $? to the last exit status", () => {
    expect(argv('$? "${?}"', ctx({}, 127))).toBe("<127><127>");
  });

  it("uses the password database's home for ~ when HOME is unset", () => {
    expect(argv("~ ~/.ssh", { ...ctx(), homeDirectory: "/home/alice" })).toBe("</home/alice></home/alice/.ssh>");
  });

  it("splits on a custom IFS, keeping empty fields between non-blank delimiters", () => {
    // bash: IFS=" :"; x=" :a : :b:"; printf "<%s>" $x → <><a><><b>
    expect(argv("$x", ctx({ IFS: " :", x: " :a : :b:" }))).toBe("<><a><><b>");
  });

  it("does not split with an empty IFS", () => {
    expect(argv("$X", ctx({ IFS: "", X: "a b" }))).toBe("<a b>");
  });

  it("leaves an unquoted * literal: the simulator does no pathname expansion", () => {
    expect(argv("* /etc/*.conf")).toBe("<*></etc/*.conf>");
  });

  it.each([
    ["echo $(hostname)", "command substitution `$(hostname)' is not supported by this simulator"],
    ['echo "`hostname`"', "command substitution ``hostname`' is not supported by this simulator"],
    ["echo $((1 + 2))", "arithmetic expansion `$((1 + 2))' is not supported by this simulator"],
    ["echo ${X:-default}", "parameter expansion `${X:-default}' is not supported by this simulator"],
    ["echo $$", "the special parameter `$$' is not supported by this simulator"],
    ["echo $1", "the special parameter `$1' is not supported by this simulator"],
    ["echo a{b,c}", "brace expansion in `a{b,c}' is not supported by this simulator"],
    ["echo {1..3}", "brace expansion in `{1..3}' is not supported by this simulator"],
  ])("refuses %j with exit status 2", (source, message) => {
    const result = expandWords(words(source), ctx());
    expect(result).toEqual({ ok: false, error: { message, exitStatus: 2 } });
  });

  it("leaves quoted braces alone", () => {
    expect(argv("'{a,b}' \"{1..3}\"")).toBe("<{a,b}><{1..3}>");
  });
});

describe("expandWord", () => {
  it("drops a word that expands to nothing unquoted", () => {
    expect(expandWord(words("$E")[0]!, ctx(BASH_VARS))).toEqual({ ok: true, value: [] });
  });
});

describe("expandAssignmentValue", () => {
  const assignment = (source: string) => parseScript(source).lines[0]!.items[0]!.andOr.first.commands[0]!.assignments[0]!;

  it("neither splits nor drops the value", () => {
    // bash: X='a  b'; Y=$X; printf '<%s>' "$Y" → <a  b>
    expect(expandAssignmentValue(assignment("Y=$X true").value, ctx(BASH_VARS))).toEqual({ ok: true, value: "a  b" });
  });

  it("expands ~ at the start and after each colon", () => {
    // bash: X=~:~/a; echo $X → /root:/root/a ; X=a=~ stays a=~
    expect(expandAssignmentValue(assignment("X=~:~/a true").value, ctx())).toEqual({ ok: true, value: "/root:/root/a" });
    expect(expandAssignmentValue(assignment("X=a=~ true").value, ctx())).toEqual({ ok: true, value: "a=~" });
  });
});

describe("expandRedirectTarget", () => {
  it("expands to one file name", () => {
    expect(expandRedirectTarget(words("$HOME/out")[0]!, ctx(BASH_VARS))).toEqual({ ok: true, value: "/root/out" });
  });

  it("reports an ambiguous redirect as bash does, with status 1", () => {
    // bash: X='a  b'; echo hi > $X → bash: $X: ambiguous redirect ($? = 1)
    expect(expandRedirectTarget(words("$X")[0]!, ctx(BASH_VARS))).toEqual({
      ok: false,
      error: { message: "$X: ambiguous redirect", exitStatus: 1 },
    });
  });
});

describe("here-documents and here-strings", () => {
  const heredocOf = (source: string) => parseScript(source).lines[0]!.items[0]!.andOr.first.commands[0]!.redirects[0]!.heredoc!;

  it("expands parameters in an unquoted body, keeps quotes and honours \\$", () => {
    // bash: X='a  b'; cat <<EOF … EOF → 'a  b' "a  b" $X \q ~
    const doc = heredocOf("cat <<EOF\n'$X' \"$X\" \\$X \\q ~\nEOF\n");
    expect(expandHereDoc(doc, ctx(BASH_VARS))).toEqual({ ok: true, value: "'a  b' \"a  b\" $X \\q ~\n" });
  });

  it("takes a body literally when the delimiter is quoted", () => {
    const doc = heredocOf("cat <<'EOF'\n$X \\$X\nEOF\n");
    expect(expandHereDoc(doc, ctx(BASH_VARS))).toEqual({ ok: true, value: "$X \\$X\n" });
  });

  it("refuses command substitution in a body", () => {
    const doc = heredocOf("cat <<EOF\n$(hostname)\nEOF\n");
    expect(expandHereDoc(doc, ctx()).ok).toBe(false);
  });

  it("expands a here-string without splitting and adds a newline", () => {
    // bash: X='a  b'; cat <<< $X → "a  b"
    expect(expandHereString(words("$X")[0]!, ctx(BASH_VARS))).toEqual({ ok: true, value: "a  b\n" });
  });
});
