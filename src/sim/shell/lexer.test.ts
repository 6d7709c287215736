import { describe, expect, it } from "vitest";
import { lex } from "./lexer";
import type { Token } from "./token";

/** A compact view of tokens: words by their raw text, operators by themselves. */
function shape(source: string): string[] {
  const { tokens, error } = lex(source);
  expect(error).toBeUndefined();
  return tokens.map(describeToken);
}

function describeToken(t: Token): string {
  switch (t.kind) {
    case "word":
      return `w:${t.word.raw}`;
    case "control":
      return t.op;
    case "redirect":
      return `${t.fd ?? ""}${t.op}`;
    case "newline":
      return "NL";
    case "eof":
      return "EOF";
  }
}

describe("lex", () => {
  it("splits words on blanks and recognises every operator of the subset", () => {
    expect(shape("a|b||c&&d;e&f\n")).toEqual(["w:a", "|", "w:b", "||", "w:c", "&&", "w:d", ";", "w:e", "&", "w:f", "NL", "EOF"]);
    expect(shape("a >f >>g <h 2>e 2>&1 &>all &>>more >|clobber <>rw <<<here |& x ;; y\n")).toEqual([
      "w:a", ">", "w:f", ">>", "w:g", "<", "w:h", "2>", "w:e", "2>&", "w:1", "&>", "w:all", "&>>", "w:more",
      ">|", "w:clobber", "<>", "w:rw", "<<<", "w:here", "|&", "w:x", ";;", "w:y", "NL", "EOF",
    ]);
  });

  it("takes digits right before < or > as the descriptor, and nowhere else", () => {
    expect(shape("echo 2>x 2 >y a2>z 10<w\n")).toEqual(["w:echo", "2>", "w:x", "w:2", ">", "w:y", "w:a2", ">", "w:z", "10<", "w:w", "NL", "EOF"]);
  });

  it("treats # as a comment only at the start of a word", () => {
    expect(shape("echo a#b # comment | not an operator\n#x\n")).toEqual(["w:echo", "w:a#b", "NL", "NL", "EOF"]);
  });

  it("keeps metacharacters inside quotes and after a backslash", () => {
    expect(shape("echo 'a|b' \"c;d\" e\\&f\n")).toEqual(["w:echo", "w:'a|b'", 'w:"c;d"', "w:e\\&f", "NL", "EOF"]);
  });

  it("removes backslash-newline everywhere but single quotes, even inside an operator", () => {
    expect(shape("ec\\\nho a &\\\n& b\n")).toEqual(["w:echo", "w:a", "&&", "w:b", "NL", "EOF"]);
    expect(shape("echo 'a\\\nb'\n")).toEqual(["w:echo", "w:'a\\\nb'", "NL", "EOF"]);
  });

  it("ends an unterminated last line as if with a newline", () => {
    expect(shape("echo a")).toEqual(["w:echo", "w:a", "NL", "EOF"]);
    expect(shape("")).toEqual(["EOF"]);
  });

  it("gives every token its line and column", () => {
    const { tokens } = lex("echo a \\\n  | grep 'x\ny' > out\n");
    expect(tokens.map((t) => [describeToken(t), t.start.line, t.start.column])).toEqual([
      ["w:echo", 1, 1],
      ["w:a", 1, 6],
      ["|", 2, 3],
      ["w:grep", 2, 5],
      ["w:'x\ny'", 2, 10],
      [">", 3, 4],
      ["w:out", 3, 6],
      ["NL", 3, 9],
      ["EOF", 4, 1],
    ]);
  });

  it("splits a word into literal, quoted and parameter parts", () => {
    const { tokens } = lex(`a'b'"c$X\\"d"\${Y}\\e$'\\t'$?`);
    expect(tokens[0]).toMatchObject({
      kind: "word",
      word: {
        parts: [
          { type: "literal", text: "a", quoting: "unquoted" },
          { type: "literal", text: "b", quoting: "single" },
          { type: "literal", text: "c", quoting: "double" },
          { type: "parameter", name: "X", braced: false, quoted: true, source: "$X" },
          { type: "literal", text: '"d', quoting: "double" },
          { type: "parameter", name: "Y", braced: true, quoted: false, source: "${Y}" },
          { type: "literal", text: "e", quoting: "escaped" },
          { type: "literal", text: "\t", quoting: "ansi-c" },
          { type: "parameter", name: "?", braced: false, quoted: false, source: "$?" },
        ],
      },
    });
  });

  it("keeps command substitution whole, with the quotes and parentheses inside it", () => {
    const { tokens } = lex('echo "$(printf ")" | tr a b)" `x`\n');
    expect(tokens[1]).toMatchObject({
      kind: "word",
      word: { parts: [{ type: "literal", text: "" }, { type: "unsupported", what: "command substitution", source: '$(printf ")" | tr a b)' }] },
    });
    expect(tokens[2]).toMatchObject({ kind: "word", word: { parts: [{ type: "unsupported", source: "`x`", quoted: false }] } });
  });

  describe("here-documents", () => {
    const heredoc = (source: string) => {
      const result = lex(source);
      const redirect = result.tokens.find((t) => t.kind === "redirect");
      return { ...result, doc: redirect?.kind === "redirect" ? redirect.heredoc : undefined };
    };

    it("reads the body after the line's newline, up to the delimiter line", () => {
      const { doc, tokens } = heredoc("cat <<EOF | wc -l\none $X\ntwo\nEOF\necho after\n");
      expect(doc).toMatchObject({ delimiter: "EOF", quoted: false, stripTabs: false, body: "one $X\ntwo\n", raw: "one $X\ntwo\nEOF", bodyLine: 2 });
      expect(tokens.map(describeToken)).toEqual(["w:cat", "<<", "w:EOF", "|", "w:wc", "w:-l", "NL", "w:echo", "w:after", "NL", "EOF"]);
    });

    it("treats any quoting in the delimiter as a quoted delimiter", () => {
      for (const word of ["'EOF'", '"EOF"', "\\EOF", "E'O'F"]) {
        expect(heredoc(`cat <<${word}\n$X\nEOF\n`).doc).toMatchObject({ delimiter: "EOF", quoted: true, body: "$X\n" });
      }
    });

    it("strips leading tabs from body and delimiter for <<-", () => {
      expect(heredoc("cat <<-EOF\n\t\tindented\n  spaces\n\tEOF\n").doc).toMatchObject({ body: "indented\n  spaces\n" });
    });

    it("joins backslash-continued body lines only when the delimiter is unquoted", () => {
      // bash 5.2: the first prints "xEOF" and "y"; the second prints "x\" and stops at the first EOF.
      expect(heredoc("cat <<EOF\nx\\\nEOF\ny\nEOF\n").doc).toMatchObject({ body: "xEOF\ny\n" });
      expect(heredoc("cat <<'EOF'\nx\\\nEOF\ny\nEOF\n").doc).toMatchObject({ body: "x\\\n" });
      expect(heredoc("cat <<EOF\nx\\\\\nEOF\n").doc).toMatchObject({ body: "x\\\\\n" });
    });

    it("reads two here-documents of one line in order", () => {
      const { tokens } = lex("cat <<A <<B\n1\nA\n2\nB\n");
      const docs = tokens.flatMap((t) => (t.kind === "redirect" && t.heredoc ? [t.heredoc.body] : []));
      expect(docs).toEqual(["1\n", "2\n"]);
    });

    it("warns as bash does when end of file comes first", () => {
      // bash 5.2: printf 'cat <<EOF' > t.sh; bash t.sh → line 1 … at line 1
      expect(heredoc("cat <<EOF").warnings).toEqual([
        { line: 1, message: "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" },
      ]);
      // bash 5.2: printf 'echo 1\ncat <<EOF\n\n' > t.sh → line 3 … at line 2
      expect(heredoc("echo 1\ncat <<EOF\n\n").warnings).toEqual([
        { line: 3, message: "warning: here-document at line 2 delimited by end-of-file (wanted `EOF')" },
      ]);
    });
  });

  it("stops at an unterminated quote, reporting the line where it opened", () => {
    const { error, tokens } = lex("echo ok\necho 'never\nclosed\n");
    expect(error).toMatchObject({ line: 2, message: "unexpected EOF while looking for matching `''", endOfInput: true, exitStatus: 2 });
    expect(tokens.map(describeToken)).toEqual(["w:echo", "w:ok", "NL", "w:echo"]);
  });
});
