/**
 * What xterm sends (`onData`: the bytes a VT100-style terminal would send to
 * the shell) turned into editing keys. Cursor keys come as CSI or SS3
 * sequences depending on the cursor-key mode; Backspace is DEL (0x7f) and
 * Ctrl-H (0x08); control keys are C0 bytes (readline's emacs bindings, bash(1)
 * "Commands for Moving" / "Killing and Yanking"). A paste arrives wrapped in
 * ESC[200~ … ESC[201~ once bracketed paste mode (DECSET 2004) is on.
 */

export type NamedKey =
  | "enter"
  | "backspace"
  | "delete"
  | "left"
  | "right"
  | "word-left"
  | "word-right"
  | "home"
  | "end"
  | "up"
  | "down"
  | "tab"
  | "interrupt"
  | "clear-screen"
  | "kill-to-start"
  | "kill-to-end"
  | "kill-word"
  | "yank"
  | "eof";

export type Key =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "paste"; readonly text: string }
  | { readonly type: NamedKey };

const CONTROL: Readonly<Record<string, NamedKey>> = {
  "\r": "enter",
  "\n": "enter",
  "\x7f": "backspace",
  "\b": "backspace",
  "\t": "tab",
  "\x01": "home", // C-a beginning-of-line
  "\x02": "left", // C-b backward-char
  "\x03": "interrupt", // C-c (the tty's INTR character)
  "\x04": "eof", // C-d delete-char, or end of input on an empty line
  "\x05": "end", // C-e end-of-line
  "\x06": "right", // C-f forward-char
  "\x0b": "kill-to-end", // C-k kill-line
  "\x0c": "clear-screen", // C-l clear-screen
  "\x0e": "down", // C-n next-history
  "\x10": "up", // C-p previous-history
  "\x15": "kill-to-start", // C-u unix-line-discard
  "\x17": "kill-word", // C-w unix-word-rubout
  "\x19": "yank", // C-y yank
};

/** Final byte (and parameters) of a CSI/SS3 sequence → key. */
const SEQUENCES: Readonly<Record<string, NamedKey>> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  "1~": "home",
  "7~": "home",
  "4~": "end",
  "8~": "end",
  "3~": "delete",
  "1;5C": "word-right",
  "1;5D": "word-left",
  "1;3C": "word-right",
  "1;3D": "word-left",
};

const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

/** Splits one `onData` chunk into keys; unknown sequences are dropped. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = "";
  const flush = () => {
    if (text) keys.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i] ?? "";
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end === -1 ? data.length : end;
      keys.push({ type: "paste", text: data.slice(i + PASTE_START.length, stop) });
      i = end === -1 ? data.length : end + PASTE_END.length;
    } else if (ch === "\x1b") {
      flush();
      const { key, next } = escapeSequence(data, i);
      if (key) keys.push({ type: key });
      i = next;
    } else if (ch in CONTROL) {
      flush();
      keys.push({ type: CONTROL[ch] as NamedKey });
      // A terminal sends CR for Enter; CR LF (from some pastes) is one Enter.
      i += ch === "\r" && data[i + 1] === "\n" ? 2 : 1;
    } else {
      if (ch >= " ") text += ch;
      i += 1;
    }
  }
  flush();
  return keys;
}

/** Reads the escape sequence starting at `start` (an ESC). */
function escapeSequence(data: string, start: number): { key: NamedKey | null; next: number } {
  const kind = data[start + 1];
  if (kind === "[" || kind === "O") {
    // CSI: parameter and intermediate bytes, then one final byte in 0x40–0x7e (ECMA-48 §5.4).
    let end = start + 2;
    while (end < data.length && !/[\x40-\x7e]/.test(data[end] ?? "")) end += 1;
    const body = data.slice(start + 2, end + 1);
    return { key: SEQUENCES[body] ?? null, next: end + 1 };
  }
  // Meta-b / Meta-f (ESC prefix): backward-word / forward-word.
  if (kind === "b") return { key: "word-left", next: start + 2 };
  if (kind === "f") return { key: "word-right", next: start + 2 };
  return { key: null, next: kind === undefined ? start + 1 : start + 2 };
}
