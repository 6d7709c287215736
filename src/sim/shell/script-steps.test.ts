import { describe, expect, it } from "vitest";
import { splitScript } from "./script-steps";
import { formatShellDiagnostic } from "./syntax-error";

const lines = (...l: string[]): string => l.join("\n") + "\n";

describe("splitScript", () => {
  it("makes one step per command line and skips blank lines and comments", () => {
    const { steps, errors } = splitScript(lines("# set up", "", "ip link add veth0 type veth", "   ", "  # indented comment", "ip link show"));
    expect(errors).toEqual([]);
    expect(steps).toEqual([
      { line: 3, text: "ip link add veth0 type veth", background: false },
      { line: 6, text: "ip link show", background: false },
    ]);
  });

  it("keeps a whole list on one line as one step", () => {
    const { steps } = splitScript(lines("ip link set lo up && ping -c 1 127.0.0.1; echo done || echo failed"));
    expect(steps.map((s) => s.text)).toEqual(["ip link set lo up && ping -c 1 127.0.0.1; echo done || echo failed"]);
  });

  it("joins backslash-continued lines the way bash does: the backslash and newline vanish", () => {
    const { steps } = splitScript(lines("ip netns exec ns1 \\", "  ping -c 1 10.0.0.2", "echo next"));
    expect(steps).toEqual([
      { line: 1, text: "ip netns exec ns1   ping -c 1 10.0.0.2", background: false },
      { line: 3, text: "echo next", background: false },
    ]);
  });

  it("continues a line that ends in |, && or ||, across blank lines and comments", () => {
    const { steps } = splitScript(lines("ip route |", "  grep default &&", "", "  # why", "  echo found ||", "echo none", "echo after"));
    expect(steps).toEqual([
      { line: 1, text: "ip route | grep default && echo found || echo none", background: false },
      { line: 7, text: "echo after", background: false },
    ]);
  });

  it("drops a trailing comment but keeps a # inside a word or quotes", () => {
    const { steps } = splitScript(lines("echo a#b '# not a comment' # a comment"));
    expect(steps.map((s) => s.text)).toEqual(["echo a#b '# not a comment'"]);
  });

  it("gives a here-document's body to its command, after a newline", () => {
    const { steps } = splitScript(lines("cat > /etc/hosts <<EOF", "127.0.0.1 localhost", "10.0.0.2 web", "EOF", "cat /etc/hosts"));
    expect(steps).toEqual([
      { line: 1, text: "cat > /etc/hosts <<EOF\n127.0.0.1 localhost\n10.0.0.2 web\nEOF", background: false },
      { line: 5, text: "cat /etc/hosts", background: false },
    ]);
  });

  it("reads a here-document body after the line, even when the pipeline continues below it", () => {
    const { steps } = splitScript(lines("cat <<EOF |", "b", "a", "EOF", "  sort", "echo x"));
    expect(steps.map((s) => s.text)).toEqual(["cat <<EOF | sort\nb\na\nEOF", "echo x"]);
  });

  it("keeps a quoted newline inside its word", () => {
    const { steps } = splitScript(lines('echo "one', 'two"', "echo three"));
    expect(steps).toEqual([
      { line: 1, text: 'echo "one\ntwo"', background: false },
      { line: 3, text: "echo three", background: false },
    ]);
  });

  it("marks a command line ending in & as background, and only that", () => {
    const { steps } = splitScript(lines("nc -l -p 8080 &", "sleep 1 & echo started", "echo a; sleep 5 &"));
    expect(steps.map((s) => s.background)).toEqual([true, false, true]);
  });

  it("handles a script whose last line has no newline", () => {
    expect(splitScript("echo a\necho b").steps.map((s) => s.text)).toEqual(["echo a", "echo b"]);
  });

  // Expected messages recorded from bash 5.2.15 (Debian 12): `printf '…' > t.sh; bash t.sh; echo $?`.
  describe("stops at the first syntax error, as bash does in a script (exit 2)", () => {
    const cases: { script: string; steps: number; printed: string }[] = [
      {
        script: "echo 1\necho a ; | grep x\necho 3\n",
        steps: 1,
        printed: "t.sh: line 2: syntax error near unexpected token `|'\nt.sh: line 2: `echo a ; | grep x'\n",
      },
      { script: 'echo 1\necho "abc\nx\ny\n\n', steps: 1, printed: "t.sh: line 2: unexpected EOF while looking for matching `\"'\n" },
      { script: "echo 1\necho 'abc\n", steps: 1, printed: "t.sh: line 2: unexpected EOF while looking for matching `''\n" },
      { script: "echo 1\necho a |\n", steps: 1, printed: "t.sh: line 3: syntax error: unexpected end of file\n" },
      { script: "echo 1\necho a |", steps: 1, printed: "t.sh: line 3: syntax error: unexpected end of file\n" },
      { script: "echo 1\necho a &&\n\n# c\n", steps: 1, printed: "t.sh: line 5: syntax error: unexpected end of file\n" },
      { script: "echo 1\necho a |\n| b\n", steps: 1, printed: "t.sh: line 3: syntax error near unexpected token `|'\nt.sh: line 3: `| b'\n" },
      { script: "echo 1\necho a >\n", steps: 1, printed: "t.sh: line 2: syntax error near unexpected token `newline'\nt.sh: line 2: `echo a >'\n" },
      { script: "echo 1\necho a \\\n ; ;\n", steps: 1, printed: "t.sh: line 3: syntax error near unexpected token `;'\nt.sh: line 3: ` ; ;'\n" },
      { script: 'echo 1\necho "x\ny" ;;\n', steps: 1, printed: "t.sh: line 3: syntax error near unexpected token `;;'\nt.sh: line 3: `y\" ;;'\n" },
      { script: "echo 1\necho $(ls\n", steps: 1, printed: "t.sh: line 3: unexpected EOF while looking for matching `)'\n" },
      { script: "echo 1\necho `ls\n", steps: 1, printed: "t.sh: line 2: unexpected EOF while looking for matching ``'\n" },
      { script: "echo 1\necho ${x\n", steps: 1, printed: "t.sh: line 2: unexpected EOF while looking for matching `}'\n" },
    ];
    it.each(cases)("$script", ({ script, steps, printed }) => {
      const result = splitScript(script);
      expect(result.steps).toHaveLength(steps);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.exitStatus).toBe(2);
      expect(formatShellDiagnostic(result.errors[0]!, { script: "t.sh" })).toBe(printed);
    });
  });

  it("runs a command whose here-document end of file cut short, with bash's warning", () => {
    // bash 5.2: printf 'echo 1\ncat <<EOF\nabc\n\n\nzz' > t.sh; bash t.sh
    const { steps, errors } = splitScript("echo 1\ncat <<EOF\nabc\n\n\nzz");
    expect(errors).toEqual([]);
    expect(steps[1]!.text).toBe("cat <<EOF\nabc\n\n\nzz");
    expect(steps[1]!.warnings!.map((w) => formatShellDiagnostic(w, { script: "t.sh" }))).toEqual([
      "t.sh: line 6: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\n",
    ]);
  });
});
