/**
 * The syntax tree of a lab script (bash(1), "SHELL GRAMMAR", for the subset the
 * simulator supports: simple commands, pipelines, `&&`/`||` lists, `;` and `&`).
 */
import type { HereDoc, Position, RedirectOperator, Word } from "./token";
import type { ShellWarning } from "./syntax-error";

/** `NAME=value` before a command (bash(1), "PARAMETERS"); `+=` appends. */
export interface Assignment {
  name: string;
  append: boolean;
  value: Word;
}

export interface Redirect {
  /** The explicit descriptor (`2>`), or undefined for the operator's default (0 for `<`, 1 for `>`). */
  fd: number | undefined;
  op: RedirectOperator;
  /** The file, descriptor number (`>&1`) or here-string; for `<<` the delimiter word. */
  target: Word;
  /** For `<<` and `<<-`. */
  heredoc?: HereDoc;
}

export interface SimpleCommand {
  start: Position;
  assignments: Assignment[];
  /** argv before expansion; may be empty (`FOO=1` alone, or `> file`). */
  words: Word[];
  /** In the order written, which is the order bash applies them. */
  redirects: Redirect[];
}

/** Commands joined by `|` (bash(1), "Pipelines"); `|&` is recorded as `2>&1` on the left command. */
export interface Pipeline {
  /** Started with `!`: the exit status is negated. */
  negated: boolean;
  commands: SimpleCommand[];
}

/** Pipelines joined by `&&` and `||` (bash(1), "Lists"). */
export interface AndOrList {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

/** One element of a list: run in the background if followed by `&`. */
export interface ListItem {
  andOr: AndOrList;
  background: boolean;
}

/**
 * What bash reads before executing anything: one or more lines forming a
 * complete list. A script runs command line by command line.
 */
export interface CommandLine {
  /** 1-based line where the command starts. */
  line: number;
  items: ListItem[];
  /** The command as written: continuation lines joined, trailing comment dropped, here-document bodies after a newline. */
  text: string;
  /** Warnings bash prints while reading this command line (here-document cut short by end of file). */
  warnings: ShellWarning[];
}
