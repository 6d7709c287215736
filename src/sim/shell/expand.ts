/**
 * Word expansion for the lab-script subset (bash(1), "EXPANSION"), in bash's
 * order: tilde expansion, parameter expansion, field splitting, quote removal.
 *
 * Not modelled, and reported rather than guessed:
 * - command substitution `$(…)`/`` `…` `` and arithmetic `$((…))`: they would
 *   need a nested shell; the error says so and the command fails with status 2;
 * - `${NAME<op>…}` forms and the special parameters other than `$?` (`$$`, `$!`,
 *   positional parameters): a lab script has no process ids or arguments worth
 *   faking.
 * Pathname expansion (globbing) is deliberately not performed: an unquoted `*`
 * stays literal. The simulated file system holds a handful of files, and a
 * glob that matched against it would silently differ from the real machine the
 * parity tests run on; lab scripts should name files explicitly.
 */
import type { HereDoc, Word, WordPart } from "./token";
import { SYNTAX_ERROR_EXIT } from "./syntax-error";

export interface ExpandContext {
  /** Shell variables, including exported ones (`HOME`, `PATH`, `IFS`…). */
  variables: ReadonlyMap<string, string>;
  /** `$?`: the exit status of the last foreground pipeline. */
  lastExitStatus: number;
  /** The user's home directory from the password database, used by `~` when HOME is unset (bash(1), "Tilde Expansion"). */
  homeDirectory: string;
}

export interface ExpansionError {
  /** The message after the `NAME: line N: ` prefix. */
  message: string;
  exitStatus: number;
}

export type Expansion<T> = { ok: true; value: T } | { ok: false; error: ExpansionError };

/** Default IFS: space, tab, newline (bash(1), "Word Splitting"). */
const DEFAULT_IFS = " \t\n";
const IFS_WHITESPACE = " \t\n";

/** A run of expanded text: `splittable` when it came from an unquoted expansion, so field splitting applies. */
interface Piece {
  text: string;
  splittable: boolean;
}

/** Expands a command word into zero or more fields (argv entries). */
export function expandWord(word: Word, ctx: ExpandContext): Expansion<string[]> {
  if (hasBraceExpression(word)) return unsupportedExpansion(`brace expansion in \`${word.raw}'`);
  const pieces = expandParts(word.parts, ctx, { tildeAfterColons: false });
  if (!pieces.ok) return pieces;
  return { ok: true, value: splitFields(pieces.value, ctx.variables.get("IFS") ?? DEFAULT_IFS) };
}

/** Expands each word and concatenates the fields: a command's argv. */
export function expandWords(words: readonly Word[], ctx: ExpandContext): Expansion<string[]> {
  const argv: string[] = [];
  for (const word of words) {
    const fields = expandWord(word, ctx);
    if (!fields.ok) return fields;
    argv.push(...fields.value);
  }
  return { ok: true, value: argv };
}

/**
 * The value of `NAME=value`: no field splitting, and tilde expansion also after
 * each unquoted `:` (bash(1), "Tilde Expansion": `PATH=~/bin:~/sbin`).
 */
export function expandAssignmentValue(value: Word, ctx: ExpandContext): Expansion<string> {
  const pieces = expandParts(value.parts, ctx, { tildeAfterColons: true });
  if (!pieces.ok) return pieces;
  return { ok: true, value: pieces.value.map((p) => p.text).join("") };
}

/**
 * A redirection's file name: it must expand to exactly one field, or bash
 * reports `$x: ambiguous redirect` and the command fails with status 1.
 */
export function expandRedirectTarget(target: Word, ctx: ExpandContext): Expansion<string> {
  const fields = expandWord(target, ctx);
  if (!fields.ok) return fields;
  if (fields.value.length !== 1) return { ok: false, error: { message: `${target.raw}: ambiguous redirect`, exitStatus: 1 } };
  return { ok: true, value: fields.value[0]! };
}

/** A here-string `<<< word`: expanded without splitting, followed by a newline (bash(1), "Here Strings"). */
export function expandHereString(word: Word, ctx: ExpandContext): Expansion<string> {
  const pieces = expandParts(word.parts, ctx, { tildeAfterColons: false });
  if (!pieces.ok) return pieces;
  return { ok: true, value: pieces.value.map((p) => p.text).join("") + "\n" };
}

/**
 * The text a here-document feeds the command: with a quoted delimiter the body
 * as written; otherwise with parameters expanded (bash(1), "Here Documents").
 */
export function expandHereDoc(heredoc: HereDoc, ctx: ExpandContext): Expansion<string> {
  if (heredoc.quoted) return { ok: true, value: heredoc.body };
  const pieces = expandParts(heredoc.parts, ctx, { tildeAfterColons: false });
  if (!pieces.ok) return pieces;
  return { ok: true, value: pieces.value.map((p) => p.text).join("") };
}

/** `NAME=` at the start of a word (bash(1), "PARAMETERS"). */
const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

function expandParts(parts: readonly WordPart[], ctx: ExpandContext, options: { tildeAfterColons: boolean }): Expansion<Piece[]> {
  const pieces: Piece[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.type === "literal") {
      pieces.push({ text: part.quoting === "unquoted" ? literalWithTildes(part.text, index === 0, options, ctx, parts[index + 1]) : part.text, splittable: false });
      continue;
    }
    if (part.type === "unsupported") return unsupportedExpansion(`${part.what} \`${part.source}'`);
    const value = parameterValue(part.name, ctx);
    if (value === undefined) return unsupportedExpansion(`the special parameter \`${part.source}'`);
    pieces.push({ text: value, splittable: !part.quoted });
  }
  return { ok: true, value: pieces };
}

/**
 * bash expands `{a,b}` and `{1..3}` in unquoted text before anything else
 * (bash(1), "Brace Expansion"); this simulator does not, so it must notice them
 * rather than pass the braces on. Quoted or expanded text cannot hold the braces
 * or separators, so it stands in as a neutral character.
 */
function hasBraceExpression(word: Word): boolean {
  const unquoted = word.parts.map((p) => (p.type === "literal" && p.quoting === "unquoted" ? p.text : "x")).join("");
  return /\{[^{}]*(,|\.\.)[^{}]*\}/.test(unquoted);
}

function unsupportedExpansion(what: string): Expansion<never> {
  return { ok: false, error: { message: `${what} is not supported by this simulator`, exitStatus: SYNTAX_ERROR_EXIT } };
}

/** A variable's value ("" when unset, as without `set -u`), `$?`, or undefined for a parameter we do not model. */
function parameterValue(name: string, ctx: ExpandContext): string | undefined {
  if (name === "?") return String(ctx.lastExitStatus);
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return ctx.variables.get(name) ?? "";
  return undefined;
}

/**
 * bash expands a tilde after the `=` of any word that looks like an assignment,
 * even an argument (`echo a=~` prints `a=/root`; not `--opt=~`), and then after
 * each `:` as in an assignment.
 */
function literalWithTildes(text: string, atWordStart: boolean, options: { tildeAfterColons: boolean }, ctx: ExpandContext, next: WordPart | undefined): string {
  const assignment = atWordStart && !options.tildeAfterColons ? ASSIGNMENT_PREFIX.exec(text)?.[0] : undefined;
  if (assignment === undefined) return expandTildes(text, atWordStart, options.tildeAfterColons, ctx, next);
  return assignment + expandTildes(text.slice(assignment.length), true, true, ctx, next);
}

/**
 * Tilde expansion in an unquoted literal: a `~` or `~root` prefix that ends at
 * `/` (or, in assignments, `:`) or at the end of the word becomes a home
 * directory. `next` is the part after this literal: a prefix running into a
 * quoted or expanded part is not a tilde prefix.
 */
function expandTildes(text: string, atWordStart: boolean, afterColons: boolean, ctx: ExpandContext, next: WordPart | undefined): string {
  const segments = afterColons ? text.split(":") : [text];
  return segments
    .map((segment, i) => {
      const first = i === 0;
      if ((first && !atWordStart) || !segment.startsWith("~")) return segment;
      const last = i === segments.length - 1;
      const slash = segment.indexOf("/");
      const prefix = slash < 0 ? segment : segment.slice(0, slash);
      if (slash < 0 && last && next !== undefined) return segment;
      const home = tildePrefixHome(prefix.slice(1), ctx);
      return home === undefined ? segment : home + segment.slice(prefix.length);
    })
    .join(":");
}

/** `~` → $HOME (or the password database's home); `~root` → /root; any other user is unknown here and stays literal, as bash leaves it. */
function tildePrefixHome(user: string, ctx: ExpandContext): string | undefined {
  if (user === "") return ctx.variables.get("HOME") ?? ctx.homeDirectory;
  if (user === "root") return "/root";
  return undefined;
}

/**
 * Field splitting (bash(1), "Word Splitting"; POSIX.1-2017 XCU 2.6.5): only the
 * text of unquoted expansions splits. IFS whitespace runs delimit fields and are
 * trimmed at the ends; each other IFS character delimits one field, absorbing
 * whitespace next to it. A word with quoted text stays a field even if empty;
 * a word that expands to nothing unquoted disappears.
 */
function splitFields(pieces: readonly Piece[], ifs: string): string[] {
  const fields: string[] = [];
  let current = "";
  let started = false;
  let lastDelimiter: "none" | "whitespace" | "other" = "none";
  const endField = (): void => {
    fields.push(current);
    current = "";
    started = false;
  };
  for (const piece of pieces) {
    if (!piece.splittable) {
      current += piece.text;
      started = true;
      continue;
    }
    for (const c of piece.text) {
      if (!ifs.includes(c)) {
        current += c;
        started = true;
      } else if (IFS_WHITESPACE.includes(c)) {
        if (started) {
          endField();
          lastDelimiter = "whitespace";
        }
      } else {
        if (started || lastDelimiter !== "whitespace") endField();
        lastDelimiter = "other";
      }
    }
  }
  if (started) fields.push(current);
  return fields;
}
