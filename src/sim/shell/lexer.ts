/**
 * The lab-script lexer: source text → tokens, following bash(1) "QUOTING",
 * "DEFINITIONS" and "REDIRECTION" (Here Documents) for the supported subset.
 *
 * Like bash, it reads here-document bodies when it reaches the newline that ends
 * the line holding the `<<`, and it removes backslash-newline pairs everywhere
 * except inside single quotes, comments and quoted here-documents.
 */
import type { ShellSyntaxError, ShellWarning } from "./syntax-error";
import { endOfInputError } from "./syntax-error";
import type { ControlOperator, HereDoc, Position, Quoting, RedirectOperator, Token, Word, WordPart } from "./token";
import { LineIndex } from "./line-index";
import { decodeAnsiC } from "./ansi-c";
import { withoutContinuations } from "./continuations";

export interface LexResult {
  /** Tokens in order; the last is `eof` unless lexing stopped at an error. */
  tokens: Token[];
  /** Offsets of the backslash-newline pairs bash removes (line continuations). */
  continuations: number[];
  warnings: ShellWarning[];
  /** Lexing stopped here (an unterminated quote or substitution). */
  error?: ShellSyntaxError;
  lines: LineIndex;
}

/** Characters that end an unquoted word (bash(1), "DEFINITIONS": metacharacter). */
const METACHARACTERS = new Set([" ", "\t", "\n", "|", "&", ";", "(", ")", "<", ">"]);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Special parameters (bash(1), "Special Parameters"). */
const SPECIAL_PARAMETERS = new Set(["?", "$", "!", "#", "@", "*", "-", "0"]);

class LexError extends Error {
  constructor(readonly diagnostic: ShellSyntaxError) {
    super(diagnostic.message);
  }
}

interface PendingHereDoc {
  token: Token & { kind: "redirect" };
  stripTabs: boolean;
  word?: Word;
}

export function lex(source: string): LexResult {
  return new Lexer(source).run();
}

/** Splits an unquoted here-document body into literal text and expansions, as bash does (bash(1), "Here Documents"). */
export function lexHereDocBody(body: string): WordPart[] {
  const lexer = new Lexer(body);
  try {
    return lexer.readHereDocParts();
  } catch (e) {
    // An unterminated `$(` or `${` in a body: bash would report it when the command runs; keep the text literal.
    if (e instanceof LexError) return [{ type: "literal", text: body, quoting: "double" }];
    throw e;
  }
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  /** Offsets of removed backslash-newline pairs, ascending. */
  private readonly continuations: number[] = [];
  private readonly warnings: ShellWarning[] = [];
  private readonly pending: PendingHereDoc[] = [];
  /** The `<<` whose delimiter word comes next. */
  private awaitingDelimiter: PendingHereDoc | undefined;
  readonly lines: LineIndex;

  constructor(private readonly src: string) {
    this.lines = new LineIndex(src);
  }

  run(): LexResult {
    let error: ShellSyntaxError | undefined;
    try {
      this.readTokens();
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      error = e.diagnostic;
    }
    const result: LexResult = {
      tokens: this.tokens,
      continuations: this.continuations,
      warnings: this.warnings,
      lines: this.lines,
    };
    if (error) result.error = error;
    return result;
  }

  private readTokens(): void {
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) {
        // bash ends an unterminated last line as if with a newline: `echo >` at end of file
        // is "near unexpected token `newline'", like `echo >` followed by a newline.
        if (this.src.length > 0 && !this.src.endsWith("\n")) {
          this.push({ kind: "newline", start: this.position(this.pos), end: this.pos });
        }
        this.finishHereDocsAtEof();
        this.push({ kind: "eof", start: this.position(this.pos), end: this.pos });
        return;
      }
      const c = this.src[this.pos]!;
      if (c === "#") {
        // A comment runs to the end of the line; a trailing backslash does not continue it.
        const nl = this.src.indexOf("\n", this.pos);
        this.pos = nl < 0 ? this.src.length : nl;
      } else if (c === "\n") {
        this.push({ kind: "newline", start: this.position(this.pos), end: this.pos + 1 });
        this.pos++;
        this.readHereDocBodies();
      } else if ("|&;()<>".includes(c)) {
        this.readOperator(undefined, this.pos);
      } else {
        this.readWordOrFd();
      }
    }
  }

  private push(token: Token): void {
    this.tokens.push(token);
    if (this.awaitingDelimiter && token.kind !== "word") this.awaitingDelimiter = undefined;
  }

  private position(offset: number): Position {
    return this.lines.position(offset);
  }

  /**
   * Skips backslash-newline pairs starting at `i`; returns the next real offset.
   * A backslash that ends the input counts too: bash supplies the missing newline.
   */
  private skipContinuations(i: number): number {
    while (this.src[i] === "\\" && (this.src[i + 1] === "\n" || i + 1 === this.src.length)) {
      this.recordContinuation(i);
      i += 2;
    }
    return Math.min(i, this.src.length);
  }

  private skipBlanks(): void {
    for (;;) {
      this.pos = this.skipContinuations(this.pos);
      const c = this.src[this.pos];
      if (c !== " " && c !== "\t") return;
      this.pos++;
    }
  }

  private recordContinuation(offset: number): void {
    const list = this.continuations;
    if (list.length === 0 || list[list.length - 1]! < offset) list.push(offset);
    else if (!list.includes(offset)) list.splice(list.findIndex((c) => c > offset), 0, offset);
  }

  /** The character at the cursor after line continuations, and its offset. */
  private peek(): string | undefined {
    this.pos = this.skipContinuations(this.pos);
    return this.src[this.pos];
  }

  private readOperator(fd: number | undefined, start: number): void {
    const first = this.src[this.pos]!;
    this.pos++;
    const accept = (c: string): boolean => {
      if (this.peek() !== c) return false;
      this.pos++;
      return true;
    };
    let op: ControlOperator | RedirectOperator;
    switch (first) {
      case "|":
        op = accept("|") ? "||" : accept("&") ? "|&" : "|";
        break;
      case "&":
        op = accept("&") ? "&&" : accept(">") ? (accept(">") ? "&>>" : "&>") : "&";
        break;
      case ";":
        op = accept(";") ? (accept("&") ? ";;&" : ";;") : accept("&") ? ";&" : ";";
        break;
      case "<":
        op = accept("<") ? (accept("-") ? "<<-" : accept("<") ? "<<<" : "<<") : accept("&") ? "<&" : accept(">") ? "<>" : "<";
        break;
      case ">":
        op = accept(">") ? ">>" : accept("&") ? ">&" : accept("|") ? ">|" : ">";
        break;
      default:
        op = first as "(" | ")";
    }
    const base = { start: this.position(start), end: this.pos };
    if (isRedirect(op)) {
      const token: Token & { kind: "redirect" } = { ...base, kind: "redirect", op, fd };
      this.push(token);
      if (op === "<<" || op === "<<-") {
        const pending: PendingHereDoc = { token, stripTabs: op === "<<-" };
        this.awaitingDelimiter = pending;
      }
    } else {
      this.push({ ...base, kind: "control", op });
    }
  }

  private readWordOrFd(): void {
    const start = this.pos;
    const parts = this.readWordParts();
    const raw = this.rawText(start, this.pos);
    const next = this.peek();
    // bash(1), "REDIRECTION": a word of digits right before `<` or `>` is the file descriptor.
    if (/^[0-9]+$/.test(raw) && (next === "<" || next === ">")) {
      this.readOperator(Number(raw), start);
      return;
    }
    const word: Word = { parts, raw };
    this.push({ kind: "word", word, start: this.position(start), end: this.pos });
    const awaiting = this.awaitingDelimiter;
    if (awaiting) {
      awaiting.word = word;
      this.pending.push(awaiting);
      this.awaitingDelimiter = undefined;
    }
  }

  /** Source text with line continuations removed. */
  private rawText(start: number, end: number): string {
    return withoutContinuations(this.src, this.continuations, start, end);
  }

  private readWordParts(): WordPart[] {
    const parts = new PartBuilder();
    for (;;) {
      const c = this.peek();
      if (c === undefined || METACHARACTERS.has(c)) return parts.done();
      if (c === "\\") {
        parts.literal(this.src[this.pos + 1]!, "escaped");
        this.pos += 2;
      } else if (c === "'") {
        parts.literal(this.readSingleQuoted(), "single");
      } else if (c === '"') {
        this.readDoubleQuoted(parts);
      } else if (c === "$") {
        this.readDollar(parts, false);
      } else if (c === "`") {
        parts.add(this.readBackquoted(false));
      } else {
        parts.literal(c, "unquoted");
        this.pos++;
      }
    }
  }

  private unterminated(startOffset: number, closer: string): LexError {
    return new LexError(endOfInputError(this.position(startOffset).line, `unexpected EOF while looking for matching \`${closer}'`));
  }

  private readSingleQuoted(): string {
    const start = this.pos;
    const close = this.src.indexOf("'", start + 1);
    if (close < 0) throw this.unterminated(start, "'");
    this.pos = close + 1;
    return this.src.slice(start + 1, close);
  }

  /** bash(1), "QUOTING": inside double quotes a backslash escapes only $ ` " \ and newline. */
  private readDoubleQuoted(parts: PartBuilder): void {
    const start = this.pos;
    this.pos++;
    parts.literal("", "double"); // so that `""` is a word, if an empty one
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.unterminated(start, '"');
      if (c === '"') {
        this.pos++;
        return;
      }
      this.readDoubleQuotedChar(parts, "$`\"\\");
    }
  }

  /** One character (or escape or expansion) of double-quoted text or an unquoted here-document body. */
  private readDoubleQuotedChar(parts: PartBuilder, escapable: string): void {
    const c = this.src[this.pos]!;
    if (c === "\\") {
      const next = this.src[this.pos + 1];
      if (next !== undefined && escapable.includes(next)) {
        parts.literal(next, "double");
        this.pos += 2;
        return;
      }
      parts.literal("\\", "double");
      this.pos++;
    } else if (c === "$") {
      this.readDollar(parts, true);
    } else if (c === "`") {
      parts.add(this.readBackquoted(true));
    } else {
      parts.literal(c, "double");
      this.pos++;
    }
  }

  readHereDocParts(): WordPart[] {
    const parts = new PartBuilder();
    while (this.pos < this.src.length) this.readDoubleQuotedChar(parts, "$`\\");
    return parts.done();
  }

  /** `$…` at the cursor (bash(1), "EXPANSION"). */
  private readDollar(parts: PartBuilder, quoted: boolean): void {
    const start = this.pos;
    this.pos++;
    const c = this.peek();
    if (c === "{") {
      const close = this.findBraceEnd(this.pos + 1, start);
      const inner = this.src.slice(this.pos + 1, close);
      this.pos = close + 1;
      const source = this.rawText(start, this.pos);
      if (/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/.test(inner) || SPECIAL_PARAMETERS.has(inner)) {
        parts.add({ type: "parameter", name: inner, braced: true, quoted, source });
      } else {
        parts.add({ type: "unsupported", what: "parameter expansion", quoted, source });
      }
    } else if (c === "(") {
      const arithmetic = this.src[this.skipContinuations(this.pos + 1)] === "(";
      this.pos = this.findParenEnd(this.pos + 1) + 1;
      parts.add({
        type: "unsupported",
        what: arithmetic ? "arithmetic expansion" : "command substitution",
        quoted,
        source: this.rawText(start, this.pos),
      });
    } else if (c !== undefined && NAME_START.test(c)) {
      let name = "";
      for (let n = this.peek(); n !== undefined && NAME_CHAR.test(n); n = this.peek()) {
        name += n;
        this.pos++;
      }
      parts.add({ type: "parameter", name, braced: false, quoted, source: this.rawText(start, this.pos) });
    } else if (c !== undefined && (/[0-9]/.test(c) || SPECIAL_PARAMETERS.has(c))) {
      this.pos++;
      parts.add({ type: "parameter", name: c, braced: false, quoted, source: this.rawText(start, this.pos) });
    } else if (c === "'" && !quoted) {
      // bash(1), "QUOTING": $'…' decodes ANSI C escapes.
      const close = this.findAnsiCEnd(this.pos + 1, this.pos);
      parts.literal(decodeAnsiC(this.src.slice(this.pos + 1, close)), "ansi-c");
      this.pos = close + 1;
    } else if (c === '"' && !quoted) {
      // $"…" is translated by the locale; in the C locale it is plain double quoting.
      this.readDoubleQuoted(parts);
    } else {
      parts.literal("$", quoted ? "double" : "unquoted");
    }
  }

  private findAnsiCEnd(from: number, start: number): number {
    for (let i = from; i < this.src.length; i++) {
      if (this.src[i] === "\\") i++;
      else if (this.src[i] === "'") return i;
    }
    throw this.unterminated(start, "'");
  }

  /** The `}` closing `${` (skipping quoted text), or an error at the `$`'s line. */
  private findBraceEnd(from: number, start: number): number {
    let depth = 1;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === "\\") i++;
      else if (c === "'") i = this.closingQuote(i, "'");
      else if (c === '"') i = this.closingQuote(i, '"');
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return i;
    }
    throw this.unterminated(start, "}");
  }

  /**
   * The `)` closing `$(` (skipping quoted text and nested parentheses). bash parses
   * the inside as a command and reports a missing `)` at end of file, not at the `$(`.
   */
  private findParenEnd(from: number): number {
    let depth = 1;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === "\\") i++;
      else if (c === "'") i = this.closingQuote(i, "'");
      else if (c === '"') i = this.closingQuote(i, '"');
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return i;
    }
    throw new LexError(endOfInputError(this.lines.eofLine, "unexpected EOF while looking for matching `)'"));
  }

  private closingQuote(open: number, quote: string): number {
    for (let i = open + 1; i < this.src.length; i++) {
      if (this.src[i] === "\\" && quote === '"') i++;
      else if (this.src[i] === quote) return i;
    }
    return this.src.length;
  }

  private readBackquoted(quoted: boolean): WordPart {
    const start = this.pos;
    for (let i = start + 1; i < this.src.length; i++) {
      if (this.src[i] === "\\") i++;
      else if (this.src[i] === "`") {
        this.pos = i + 1;
        return { type: "unsupported", what: "command substitution", quoted, source: this.src.slice(start, this.pos) };
      }
    }
    throw this.unterminated(start, "`");
  }

  /** After a newline: the bodies of the here-documents opened on the line it ends, in order. */
  private readHereDocBodies(): void {
    const pending = this.pending.splice(0);
    for (const doc of pending) doc.token.heredoc = this.readHereDocBody(doc, this.position(this.pos).line);
  }

  private finishHereDocsAtEof(): void {
    const line = this.lines.eofLine - 1;
    for (const doc of this.pending.splice(0)) {
      const heredoc = this.emptyHereDoc(doc, line + 1);
      heredoc.warning = this.warnCutShort(line, line, heredoc.delimiter);
      doc.token.heredoc = heredoc;
    }
  }

  private emptyHereDoc(doc: PendingHereDoc, bodyLine: number): HereDoc {
    const word = doc.word!;
    return {
      delimiter: delimiterText(word),
      quoted: /['"\\]/.test(word.raw),
      stripTabs: doc.stripTabs,
      body: "",
      parts: [],
      raw: "",
      bodyLine,
    };
  }

  private warnCutShort(line: number, openedAt: number, delimiter: string): ShellWarning {
    const warning = {
      line,
      message: `warning: here-document at line ${openedAt} delimited by end-of-file (wanted \`${delimiter}')`,
    };
    this.warnings.push(warning);
    return warning;
  }

  /** bash(1), "Here Documents": lines up to one that is exactly the delimiter. */
  private readHereDocBody(doc: PendingHereDoc, bodyLine: number): HereDoc {
    const heredoc = this.emptyHereDoc(doc, bodyLine);
    const rawStart = this.pos;
    const lines: string[] = [];
    let physical = 0;
    let terminated = false;
    while (this.pos < this.src.length) {
      let line = "";
      // In an unquoted body a backslash-newline joins lines, even before the delimiter check.
      for (;;) {
        const nl = this.src.indexOf("\n", this.pos);
        const end = nl < 0 ? this.src.length : nl;
        line += this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        physical++;
        if (heredoc.quoted || nl < 0 || !endsWithOddBackslashes(line)) break;
        line = line.slice(0, -1);
      }
      const text = heredoc.stripTabs ? line.replace(/^\t+/, "") : line;
      if (text === heredoc.delimiter) {
        terminated = true;
        break;
      }
      lines.push(text);
    }
    heredoc.raw = this.src.slice(rawStart, this.pos).replace(/\n$/, "");
    heredoc.body = lines.map((l) => l + "\n").join("");
    if (!heredoc.quoted) heredoc.parts = lexHereDocBody(heredoc.body);
    else if (heredoc.body) heredoc.parts = [{ type: "literal", text: heredoc.body, quoting: "single" }];
    // bash names the last line it read, and the line of the newline that started the body.
    if (!terminated) heredoc.warning = this.warnCutShort(bodyLine - 1 + physical, bodyLine - 1, heredoc.delimiter);
    return heredoc;
  }
}

function endsWithOddBackslashes(line: string): boolean {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

function isRedirect(op: ControlOperator | RedirectOperator): op is RedirectOperator {
  return op.includes("<") || op.includes(">");
}

/** The delimiter after quote removal; expansions are not performed on it (bash(1), "Here Documents"). */
function delimiterText(word: Word): string {
  return word.parts.map((p) => (p.type === "literal" ? p.text : p.source)).join("");
}

/** Accumulates word parts, merging adjacent literals of the same quoting. */
class PartBuilder {
  private readonly parts: WordPart[] = [];

  literal(text: string, quoting: Quoting): void {
    const last = this.parts[this.parts.length - 1];
    if (last?.type === "literal" && last.quoting === quoting) last.text += text;
    else this.parts.push({ type: "literal", text, quoting });
  }

  add(part: WordPart): void {
    this.parts.push(part);
  }

  done(): WordPart[] {
    return this.parts;
  }
}
