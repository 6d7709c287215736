/**
 * The lab-script parser: tokens → command lines (bash(1), "SHELL GRAMMAR").
 *
 * Like bash running a script, it stops at the first command line it cannot
 * parse; the command lines before it are complete and may run. Syntax errors
 * are worded as bash 5.2 prints them; valid bash the simulator does not model
 * (compound commands, subshells, functions) is reported as unsupported.
 */
import type { AndOrList, Assignment, CommandLine, ListItem, Pipeline, Redirect, SimpleCommand } from "./ast";
import type { LexResult } from "./lexer";
import { lex } from "./lexer";
import type { ShellSyntaxError, ShellWarning } from "./syntax-error";
import { endOfInputError, syntaxError, unsupported } from "./syntax-error";
import type { Token, Word } from "./token";
import { tokenText } from "./token";
import { withoutContinuations } from "./continuations";

export interface ParseResult {
  /** The command lines before the first error, in order. */
  lines: CommandLine[];
  /** The error that stopped parsing; bash exits the script with status 2 there. */
  error?: ShellSyntaxError;
}

/**
 * Reserved words that bash rejects where a command should start (bash(1),
 * "RESERVED WORDS"): they only make sense inside a compound command.
 */
const MISPLACED_RESERVED_WORDS = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "in", "}", "]]"]);

/** Reserved words that open a construct the simulator does not model. */
// A Map, not an object literal: a word such as `valueOf` or `constructor` must not
// find Object.prototype's members.
const UNSUPPORTED_RESERVED_WORDS = new Map<string, string>([
  ["if", "the compound command `if'"],
  ["while", "the compound command `while'"],
  ["until", "the compound command `until'"],
  ["for", "the compound command `for'"],
  ["select", "the compound command `select'"],
  ["case", "the compound command `case'"],
  ["{", "the command group `{ …; }'"],
  ["[[", "the conditional command `[[ … ]]'"],
  ["function", "a function definition"],
  ["coproc", "the compound command `coproc'"],
  ["time", "the reserved word `time'"],
]);

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

class ParseError extends Error {
  constructor(readonly diagnostic: ShellSyntaxError) {
    super(diagnostic.message);
  }
}

export function parseScript(source: string): ParseResult {
  return parseLexed(source, lex(source));
}

/** Parses tokens already lexed from `source`. */
export function parseLexed(source: string, lexed: LexResult): ParseResult {
  return new Parser(source, lexed).parse();
}

class Parser {
  private i = 0;

  constructor(
    private readonly source: string,
    private readonly lexed: LexResult,
  ) {}

  parse(): ParseResult {
    const lines: CommandLine[] = [];
    try {
      for (;;) {
        while (this.peek().kind === "newline") this.i++;
        if (this.peek().kind === "eof") return { lines };
        lines.push(this.parseCommandLine());
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      return { lines, error: e.diagnostic };
    }
  }

  /** The next token; past the tokens a lexing error left, that error. */
  private peek(): Token {
    const token = this.lexed.tokens[this.i];
    if (token) return token;
    // Tokens end without `eof` only when lexing stopped at an error.
    throw new ParseError(this.lexed.error!);
  }

  private next(): Token {
    const token = this.peek();
    this.i++;
    return token;
  }

  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.i++;
  }

  private unexpected(token: Token): ParseError {
    if (token.kind === "eof") return new ParseError(endOfInputError(this.lexed.lines.eofLine, "syntax error: unexpected end of file"));
    const line = token.start.line;
    return new ParseError(
      syntaxError(line, `syntax error near unexpected token \`${tokenText(token, this.source)}'`, this.lexed.lines.lineText(line)),
    );
  }

  private parseCommandLine(): CommandLine {
    const first = this.i;
    const items: ListItem[] = [];
    for (;;) {
      const andOr = this.parseAndOr();
      const token = this.peek();
      if (token.kind === "control" && (token.op === ";" || token.op === "&")) {
        this.i++;
        items.push({ andOr, background: token.op === "&" });
        const after = this.peek().kind;
        if (after === "newline" || after === "eof") break;
      } else if (token.kind === "newline" || token.kind === "eof") {
        items.push({ andOr, background: false });
        break;
      } else {
        throw this.unexpected(token);
      }
    }
    const end = this.i;
    if (this.peek().kind === "newline") this.i++;
    return this.commandLine(first, end, items);
  }

  private parseAndOr(): AndOrList {
    const list: AndOrList = { first: this.parsePipeline(), rest: [] };
    for (let token = this.peek(); token.kind === "control" && (token.op === "&&" || token.op === "||"); token = this.peek()) {
      this.i++;
      this.skipNewlines();
      list.rest.push({ op: token.op, pipeline: this.parsePipeline() });
    }
    return list;
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    while (isWord(this.peek(), "!")) {
      this.i++;
      negated = !negated;
    }
    const commands = [this.parseCommand()];
    for (let token = this.peek(); token.kind === "control" && (token.op === "|" || token.op === "|&"); token = this.peek()) {
      this.i++;
      // bash(1), "Pipelines": `|&` is shorthand for `2>&1 |`, applied after the command's own redirections.
      if (token.op === "|&") commands[commands.length - 1]!.redirects.push(stderrToStdout());
      this.skipNewlines();
      if (isWord(this.peek(), "!")) throw this.unexpected(this.peek());
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): SimpleCommand {
    const start = this.peek();
    this.rejectCompoundCommand(start);
    const command: SimpleCommand = { start: start.start, assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.peek();
      if (token.kind === "word") {
        this.i++;
        const assignment = command.words.length === 0 ? asAssignment(token.word) : undefined;
        if (assignment) command.assignments.push(assignment);
        else command.words.push(token.word);
      } else if (token.kind === "redirect") {
        this.i++;
        command.redirects.push(this.parseRedirectTarget(token));
      } else if (token.kind === "control" && token.op === "(" && command.words.length === 1 && command.redirects.length === 0) {
        throw new ParseError(unsupported(token.start.line, "a function definition"));
      } else {
        break;
      }
    }
    if (command.words.length + command.assignments.length + command.redirects.length === 0) throw this.unexpected(start);
    return command;
  }

  private rejectCompoundCommand(token: Token): void {
    if (token.kind === "control" && token.op === "(") throw new ParseError(unsupported(token.start.line, "a subshell `( … )'"));
    if (token.kind !== "word") return;
    const raw = token.word.raw;
    if (MISPLACED_RESERVED_WORDS.has(raw)) throw this.unexpected(token);
    const what = UNSUPPORTED_RESERVED_WORDS.get(raw);
    if (what !== undefined) throw new ParseError(unsupported(token.start.line, what));
  }

  private parseRedirectTarget(token: Token & { kind: "redirect" }): Redirect {
    const target = this.peek();
    if (target.kind !== "word") throw this.unexpected(target);
    this.i++;
    const redirect: Redirect = { fd: token.fd, op: token.op, target: target.word };
    if (token.heredoc) redirect.heredoc = token.heredoc;
    return redirect;
  }

  /** The command line's text: lines joined, trailing comments dropped, here-document bodies appended. */
  private commandLine(first: number, end: number, items: ListItem[]): CommandLine {
    const tokens = this.lexed.tokens.slice(first, end);
    const segments: string[] = [];
    let segmentStart: Token | undefined;
    let last: Token | undefined;
    const flush = (): void => {
      if (segmentStart && last) segments.push(this.withoutContinuations(segmentStart.start.offset, last.end));
      segmentStart = undefined;
    };
    const bodies: string[] = [];
    const warnings: ShellWarning[] = [];
    for (const token of tokens) {
      if (token.kind === "newline") {
        flush();
        continue;
      }
      segmentStart ??= token;
      last = token;
      if (token.kind === "redirect" && token.heredoc) {
        if (token.heredoc.raw !== "") bodies.push(token.heredoc.raw);
        if (token.heredoc.warning) warnings.push(token.heredoc.warning);
      }
    }
    flush();
    const text = [segments.join(" "), ...bodies].join("\n");
    return { line: tokens[0]!.start.line, items, text, warnings };
  }

  private withoutContinuations(start: number, end: number): string {
    return withoutContinuations(this.source, this.lexed.continuations, start, end);
  }
}

function isWord(token: Token, raw: string): boolean {
  return token.kind === "word" && token.word.raw === raw;
}

/** `NAME=value` with an unquoted name (bash(1), "PARAMETERS"). */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.type !== "literal" || first.quoting !== "unquoted") return undefined;
  const match = ASSIGNMENT.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const valueParts = rest === "" ? word.parts.slice(1) : [{ ...first, text: rest }, ...word.parts.slice(1)];
  return {
    name: match[1]!,
    append: match[2] === "+",
    value: { parts: valueParts, raw: word.raw.slice(match[0].length) },
  };
}

function stderrToStdout(): Redirect {
  return { fd: 2, op: ">&", target: { parts: [{ type: "literal", text: "1", quoting: "unquoted" }], raw: "1" } };
}
