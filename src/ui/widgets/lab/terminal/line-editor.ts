/**
 * The terminal's line editor: a pure state machine in the manner of GNU
 * readline's emacs mode (bash(1), READLINE). Each key gives the next state,
 * the escape sequences that make the screen match it, and at most one action
 * for the session to carry out (run a line, ask for completions, cancel).
 *
 * The screen model: the prompt starts at column 0 and the line wraps every
 * `columns` cells, so a position in the line is (row, column) =
 * divmod(prompt width + index, columns). Redraws move the cursor with CSI
 * CUU/CUD/CUF/CUB and erase with ED (ECMA-48 §8.3), which never wrap, so
 * they work on wrapped lines too.
 */
import { formatColumns } from "./candidate-columns";
import { emptyHistory, newer, older, remember, type History } from "./history";
import type { Key } from "./key-input";

export interface EditorState {
  readonly prompt: string;
  readonly buffer: string;
  /** Index in `buffer`, 0…length. */
  readonly cursor: number;
  readonly columns: number;
  readonly history: History;
  /** The last killed text, for Ctrl-Y. */
  readonly killed: string;
  /** Consecutive Tab presses (a second one lists the candidates). */
  readonly tabs: number;
}

export type EditorAction =
  | { readonly kind: "submit"; readonly line: string }
  | { readonly kind: "complete"; readonly partial: string }
  /** Ctrl-C at the prompt: the line (and any continuation) is dropped. */
  | { readonly kind: "cancel" };

export interface EditorStep {
  readonly state: EditorState;
  readonly output: string;
  readonly action?: EditorAction;
}

export interface Completion {
  readonly from: number;
  readonly candidates: readonly string[];
  readonly common: string;
}

const BELL = "\x07";
const CLEAR_SCREEN = "\x1b[H\x1b[2J";
const ERASE_BELOW = "\x1b[J";

export function createEditor(prompt: string, columns = 80, history: History = emptyHistory()): EditorState {
  return { prompt, buffer: "", cursor: 0, columns: Math.max(1, columns), history, killed: "", tabs: 0 };
}

/** A fresh, empty line with `prompt`, drawn at the start of a row. */
export function newLine(state: EditorState, prompt: string): EditorStep {
  const next = { ...state, prompt, buffer: "", cursor: 0, tabs: 0 };
  return { state: next, output: drawFresh(next) };
}

export function resize(state: EditorState, columns: number): EditorState {
  return { ...state, columns: Math.max(1, columns) };
}

/** Cells a string takes on screen (SGR and other CSI sequences take none). */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").length;
}

/** Applies one key (a paste is split into keys by the session first). */
export function press(state: EditorState, key: Key): EditorStep {
  const tabs = key.type === "tab" ? state.tabs + 1 : 0;
  const s = { ...state, tabs };
  switch (key.type) {
    case "text":
    case "paste":
      return insert(s, key.text.replace(/[\r\n\t]/g, " "));
    case "enter":
      return { state: { ...s, buffer: "", cursor: 0, history: remember(s.history, s.buffer) }, output: leaveLine(s), action: { kind: "submit", line: s.buffer } };
    case "tab":
      return { state: s, output: "", action: { kind: "complete", partial: s.buffer.slice(0, s.cursor) } };
    case "interrupt":
      // bash echoes ^C where the line ends and starts over (the tty's ECHOCTL, termios(3)).
      return { state: { ...s, buffer: "", cursor: 0, history: { ...s.history, position: s.history.entries.length, draft: "" } }, output: moveTo(s, s.buffer.length) + "^C\r\n", action: { kind: "cancel" } };
    case "clear-screen":
      return { state: s, output: CLEAR_SCREEN + drawFresh(s) };
    case "backspace":
      return s.cursor === 0 ? bell(s) : edit(s, s.buffer.slice(0, s.cursor - 1) + s.buffer.slice(s.cursor), s.cursor - 1);
    case "delete":
    case "eof":
      // C-d deletes the character under the cursor; on an empty line bash would exit, which a lab terminal cannot.
      return s.cursor === s.buffer.length ? bell(s) : edit(s, s.buffer.slice(0, s.cursor) + s.buffer.slice(s.cursor + 1), s.cursor);
    case "left":
      return s.cursor === 0 ? bell(s) : move(s, s.cursor - 1);
    case "right":
      return s.cursor === s.buffer.length ? bell(s) : move(s, s.cursor + 1);
    case "home":
      return move(s, 0);
    case "end":
      return move(s, s.buffer.length);
    case "word-left":
      return move(s, wordStartBefore(s.buffer, s.cursor));
    case "word-right":
      return move(s, wordEndAfter(s.buffer, s.cursor));
    case "kill-to-start":
      return edit({ ...s, killed: s.buffer.slice(0, s.cursor) }, s.buffer.slice(s.cursor), 0);
    case "kill-to-end":
      return edit({ ...s, killed: s.buffer.slice(s.cursor) }, s.buffer.slice(0, s.cursor), s.cursor);
    case "kill-word": {
      const start = unixWordStartBefore(s.buffer, s.cursor);
      return edit({ ...s, killed: s.buffer.slice(start, s.cursor) }, s.buffer.slice(0, start) + s.buffer.slice(s.cursor), start);
    }
    case "yank":
      return insert(s, s.killed);
    case "up": {
      const step = older(s.history, s.buffer);
      return step ? edit({ ...s, history: step.history }, step.line, step.line.length) : bell(s);
    }
    case "down": {
      const step = newer(s.history);
      return step ? edit({ ...s, history: step.history }, step.line, step.line.length) : bell(s);
    }
  }
}

/**
 * The answer to a `complete` action for `partial`. As in bash: insert what
 * all candidates share; a lone candidate is finished with a space; when
 * nothing can be added, the first Tab rings the bell and the second lists
 * the candidates and draws the line again beneath them.
 */
export function applyCompletion(state: EditorState, partial: string, completion: Completion): EditorStep {
  if (state.buffer.slice(0, state.cursor) !== partial) return { state, output: "" };
  const { from, candidates, common } = completion;
  if (candidates.length === 0) return bell(state);
  const word = partial.slice(from);
  const rest = state.buffer.slice(state.cursor);
  const finished = candidates.length === 1 && !common.endsWith("/") && !rest.startsWith(" ") ? " " : "";
  const replacement = common.length >= word.length ? common + finished : word;
  if (replacement !== word) {
    const head = partial.slice(0, from) + replacement;
    return edit({ ...state, tabs: 0 }, head + rest, head.length);
  }
  if (state.tabs < 2) return bell(state);
  const listing = formatColumns(candidates, state.columns).join("\r\n");
  return { state, output: leaveLine(state) + listing + "\r\n" + drawFresh(state) };
}

// ---- drawing ----

function promptWidth(state: EditorState): number {
  return visibleWidth(state.prompt);
}

/** Relative cursor movement between two positions of the line (offsets from the prompt's start). */
function moveBetween(from: number, to: number, columns: number): string {
  const [fromRow, fromColumn] = [Math.floor(from / columns), from % columns];
  const [toRow, toColumn] = [Math.floor(to / columns), to % columns];
  let out = "";
  if (toRow < fromRow) out += `\x1b[${fromRow - toRow}A`;
  if (toRow > fromRow) out += `\x1b[${toRow - fromRow}B`;
  if (toColumn < fromColumn) out += toColumn === 0 ? "\r" : `\x1b[${fromColumn - toColumn}D`;
  if (toColumn > fromColumn) out += `\x1b[${toColumn - fromColumn}C`;
  return out;
}

/** Moves the terminal's cursor from the state's cursor to `index` in the buffer. */
function moveTo(state: EditorState, index: number): string {
  const width = promptWidth(state);
  return moveBetween(width + state.cursor, width + index, state.columns);
}

/**
 * After writing up to the last column a terminal holds the cursor there
 * (deferred wrap); a CR LF puts it where the model says: the next row's start.
 */
function wrapFix(state: EditorState, end: number): string {
  return end > 0 && end % state.columns === 0 ? "\r\n" : "";
}

/** Prompt and line drawn from the start of an empty row, cursor placed. */
function drawFresh(state: EditorState): string {
  const end = promptWidth(state) + state.buffer.length;
  return state.prompt + state.buffer + wrapFix(state, end) + moveBetween(end, promptWidth(state) + state.cursor, state.columns);
}

/** Puts the cursor on a fresh row below the line, as Enter does. */
function leaveLine(state: EditorState): string {
  const end = promptWidth(state) + state.buffer.length;
  const toEnd = moveTo(state, state.buffer.length);
  return toEnd + (end > 0 && end % state.columns === 0 ? "" : "\r\n");
}

function redraw(before: EditorState, after: EditorState): string {
  const backToStart = moveBetween(promptWidth(before) + before.cursor, 0, before.columns);
  return backToStart + ERASE_BELOW + drawFresh(after);
}

// ---- editing ----

function bell(state: EditorState): EditorStep {
  return { state, output: BELL };
}

function move(state: EditorState, cursor: number): EditorStep {
  return { state: { ...state, cursor }, output: moveTo(state, cursor) };
}

function edit(state: EditorState, buffer: string, cursor: number): EditorStep {
  const next = { ...state, buffer, cursor };
  return { state: next, output: redraw(state, next) };
}

function insert(state: EditorState, text: string): EditorStep {
  if (!text) return { state, output: "" };
  const buffer = state.buffer.slice(0, state.cursor) + text + state.buffer.slice(state.cursor);
  const next = { ...state, buffer, cursor: state.cursor + text.length };
  if (state.cursor < state.buffer.length) return { state: next, output: redraw(state, next) };
  // Typing at the end only writes the new characters (a screen reader hears just them).
  return { state: next, output: text + wrapFix(next, promptWidth(next) + buffer.length) };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** backward-word: to the start of this or the previous word (letters and digits). */
function wordStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** forward-word: to the end of this or the next word. */
function wordEndAfter(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

/** unix-word-rubout (C-w): words end at whitespace, so "10.0.0.1/24" goes in one. */
function unixWordStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && /\s/.test(text[i - 1] ?? "")) i--;
  while (i > 0 && !/\s/.test(text[i - 1] ?? "")) i--;
  return i;
}
