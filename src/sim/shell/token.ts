/**
 * Tokens of the lab-script language: bash's lexical units (bash(1), "DEFINITIONS",
 * "QUOTING", "REDIRECTION") for the subset the simulator supports.
 */
import type { ShellWarning } from "./syntax-error";

/** Where a token starts. Lines and columns are 1-based; offset is into the source. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** How a literal piece of a word was written; expansion and quoting depend on it. */
export type Quoting =
  /** Plain text outside quotes: subject to tilde expansion (and, in bash, globbing). */
  | "unquoted"
  /** A character after a backslash outside quotes: `\|`. */
  | "escaped"
  | "single"
  | "double"
  /** `$'…'` with C-style escapes decoded. */
  | "ansi-c";

export type WordPart =
  | { type: "literal"; text: string; quoting: Quoting }
  /** `$NAME`, `${NAME}`, `$?`, `$1`…; `source` is the text as written. */
  | { type: "parameter"; name: string; braced: boolean; quoted: boolean; source: string }
  /**
   * An expansion bash has and this simulator does not model: command substitution
   * `$(…)`/`` `…` ``, arithmetic `$((…))`, or `${NAME…}` with an operator. Kept whole
   * so expansion can name it in its error.
   */
  | { type: "unsupported"; what: UnsupportedExpansion; quoted: boolean; source: string };

export type UnsupportedExpansion = "command substitution" | "arithmetic expansion" | "parameter expansion";

export interface Word {
  parts: WordPart[];
  /** The word exactly as written (quotes included; line continuations removed). */
  raw: string;
}

/** Operators that separate commands (bash(1), "DEFINITIONS": control operator). */
export type ControlOperator = "|" | "|&" | "||" | "&&" | ";" | ";;" | ";&" | ";;&" | "&" | "(" | ")";

/** bash(1), "REDIRECTION". */
export type RedirectOperator = "<" | ">" | ">>" | ">|" | "<>" | "<<" | "<<-" | "<<<" | "<&" | ">&" | "&>" | "&>>";

/** A here-document: the body lines between the command line and the delimiter line. */
export interface HereDoc {
  /** The delimiter after quote removal. */
  delimiter: string;
  /** Any part of the delimiter was quoted: the body is taken literally (no expansion). */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped from body lines and from the delimiter line. */
  stripTabs: boolean;
  /** The body text as the command reads it: tabs stripped for `<<-`, each line ending in "\n". */
  body: string;
  /** For an unquoted delimiter, the body split into expandable parts. */
  parts: WordPart[];
  /** The body and delimiter lines exactly as in the source, without the final newline. */
  raw: string;
  /** Line of the first body line. */
  bodyLine: number;
  /** Set when end of file came before the delimiter line; bash still runs the command. */
  warning?: ShellWarning;
}

interface TokenBase {
  start: Position;
  /** Offset just past the token's last character. */
  end: number;
}

export type Token =
  | (TokenBase & { kind: "word"; word: Word })
  | (TokenBase & { kind: "control"; op: ControlOperator })
  | (TokenBase & { kind: "redirect"; op: RedirectOperator; fd: number | undefined; heredoc?: HereDoc })
  | (TokenBase & { kind: "newline" })
  | (TokenBase & { kind: "eof" });

/** The text bash uses for a token in "syntax error near unexpected token `…'". */
export function tokenText(token: Token, source: string): string {
  switch (token.kind) {
    case "word":
      return token.word.raw;
    case "newline":
      return "newline";
    case "eof":
      return "end of file";
    case "control":
      return token.op;
    case "redirect": {
      // bash reads an fd prefix as its own token, so `> 2>` is reported "near unexpected token `2'".
      const text = source.slice(token.start.offset, token.end).replace(/\\\n/g, "");
      return token.fd === undefined ? text : (/^\d+/.exec(text)?.[0] ?? text);
    }
  }
}
