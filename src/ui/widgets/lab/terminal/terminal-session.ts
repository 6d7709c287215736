/**
 * One terminal's conversation with the lab: keys go through the line editor,
 * entered lines go to `run`, its output comes back to the screen, then a new
 * prompt. No DOM here — the component gives it a `write` for xterm.
 *
 * Keys typed while a command runs (or a completion is being asked for) wait
 * in a queue and are handled afterwards, as a tty holds typeahead; a pasted
 * block becomes one line after another in that queue, so its commands run
 * one by one. Ctrl-C during a command skips the queue, interrupts it and
 * drops the typeahead (the tty flushes its input on INTR unless NOFLSH is
 * set, termios(3)).
 */
import type { Key } from "./key-input";
import { parseKeys } from "./key-input";
import { applyCompletion, createEditor, newLine, press, resize, type Completion, type EditorState } from "./line-editor";

/** Output since the last answer for this command (not all of it), and whether it still runs. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  /** The shell needs more lines (an open quote, a heredoc, a trailing `\`). */
  readonly incomplete?: boolean;
  /** Still running: ask `resume` for more (ping without -c, nc -l…), or Ctrl-C it. */
  readonly running?: boolean;
}

export interface TerminalBackend {
  run(line: string): Promise<RunResult>;
  /** Lets the running command go on for another slice of virtual time. */
  resume(): Promise<RunResult>;
  complete(partial: string): Promise<Completion>;
  /** Ctrl-C: what the command printed as it stopped (ping's statistics), if anything. */
  interrupt(): Promise<RunResult | void>;
}

/**
 * Real time between two slices of a running command. The lab runs each
 * slice at once; waiting this long between them lets a long ping print a
 * line a second, as it would on a real terminal, instead of all at once.
 */
export const STREAM_INTERVAL_MS = 1000;

/** How the session waits between slices (a timer in the browser; by hand in tests). */
export type Scheduler = (run: () => void, ms: number) => () => void;

const realTime: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** PS2, bash's default continuation prompt. */
export const CONTINUATION_PROMPT = "> ";
/** stderr in the error colour: SGR 31 (red), which the xterm theme maps to --wb-error. */
const ERROR_ON = "\x1b[31m";
const RESET = "\x1b[0m";

/** xterm moves down on LF without returning; the shell's text says LF for both. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

export class TerminalSession {
  #editor: EditorState;
  #prompt: string;
  /** Lines entered so far of a command the shell said is incomplete. */
  #continued: string[] = [];
  #queue: Key[] = [];
  #waiting: "run" | "complete" | null = null;
  /** The lab says a command is running (perhaps not one typed here). */
  #busy = false;
  /** Whether the editor's line (prompt included) is on screen and taking keys. */
  #editing = false;
  #disposed = false;
  /** Ctrl-C's answer while a command of ours runs: set from the key until that command is over. */
  #interrupting: Promise<RunResult | void> | null = null;
  /** Cancels the wait before the next slice of a running command. */
  #cancelSlice: (() => void) | null = null;
  readonly #write: (data: string) => void;
  readonly #backend: TerminalBackend;
  readonly #schedule: Scheduler;

  constructor(
    write: (data: string) => void,
    backend: TerminalBackend,
    options: { prompt: string; columns?: number; busy?: boolean; schedule?: Scheduler },
  ) {
    this.#write = write;
    this.#backend = backend;
    this.#schedule = options.schedule ?? realTime;
    this.#prompt = options.prompt;
    this.#busy = options.busy ?? false;
    this.#editor = createEditor(options.prompt, options.columns);
  }

  /** Draws the first prompt (once the lab is idle). */
  start(): void {
    this.#resume();
  }

  /** Data from the terminal (xterm's onData). */
  input(data: string): void {
    for (const key of parseKeys(data)) this.#accept(key);
    this.#pump();
  }

  /** Types `line` as if the reader had, replacing what is on the line, and runs it. */
  type(line: string): void {
    this.#queue.push({ type: "home" }, { type: "kill-to-end" }, { type: "text", text: line }, { type: "enter" });
    this.#pump();
  }

  setBusy(busy: boolean): void {
    this.#busy = busy;
    this.#resume();
  }

  setPrompt(prompt: string): void {
    if (prompt === this.#prompt) return;
    this.#prompt = prompt;
    // Shown from the next line on; the line being edited keeps the prompt it was drawn with.
  }

  resize(columns: number): void {
    this.#editor = resize(this.#editor, columns);
  }

  dispose(): void {
    this.#disposed = true;
    this.#queue = [];
    this.#cancelSlice?.();
    this.#cancelSlice = null;
  }

  get running(): boolean {
    return this.#waiting === "run" || this.#busy;
  }

  #accept(key: Key): void {
    if (key.type === "interrupt" && this.running) {
      this.#queue = [];
      this.#write("^C\r\n");
      const answer = this.#backend.interrupt().catch(() => undefined);
      if (this.#waiting !== "run" || this.#interrupting) return;
      this.#interrupting = answer;
      if (this.#cancelSlice) {
        // Between two slices: nothing is in flight, so the interrupt's answer ends the command.
        this.#cancelSlice();
        this.#cancelSlice = null;
        this.#finishInterrupted();
      }
      return;
    }
    if (key.type === "paste") {
      // Each line of the paste is typed and entered; the last, unterminated one stays on the line.
      const lines = key.text.split(/\r\n|\r|\n/);
      lines.forEach((line, i) => {
        if (line) this.#queue.push({ type: "text", text: line.replace(/\t/g, " ") });
        if (i < lines.length - 1) this.#queue.push({ type: "enter" });
      });
      return;
    }
    this.#queue.push(key);
  }

  /** Shows the prompt when nothing runs, then handles waiting keys. */
  #resume(): void {
    if (this.#disposed || this.#waiting || this.#busy) return;
    if (!this.#editing) {
      const prompt = this.#continued.length > 0 ? CONTINUATION_PROMPT : this.#prompt;
      const step = newLine(this.#editor, prompt);
      this.#editor = step.state;
      this.#editing = true;
      this.#write(step.output);
    }
    this.#pump();
  }

  #pump(): void {
    let output = "";
    while (this.#editing && !this.#waiting && !this.#busy && !this.#disposed) {
      const key = this.#queue.shift();
      if (!key) break;
      const step = press(this.#editor, key);
      this.#editor = step.state;
      output += step.output;
      if (!step.action) continue;
      if (step.action.kind === "cancel") {
        this.#continued = [];
        const fresh = newLine(this.#editor, this.#prompt);
        this.#editor = fresh.state;
        output += fresh.output;
      } else if (step.action.kind === "submit") {
        this.#write(output);
        output = "";
        this.#submit(step.action.line);
      } else {
        this.#write(output);
        output = "";
        this.#complete(step.action.partial);
      }
    }
    if (output) this.#write(output);
  }

  #submit(line: string): void {
    this.#editing = false;
    this.#waiting = "run";
    const command = [...this.#continued, line].join("\n");
    this.#follow(this.#backend.run(command), (result) => {
      this.#continued = result.incomplete ? [...this.#continued, line] : [];
    });
  }

  /** Shows a slice's output; then asks for the next slice a moment later, or ends the command. */
  #follow(pending: Promise<RunResult>, first?: (result: RunResult) => void): void {
    pending.then(
      (result) => {
        if (this.#disposed) return;
        first?.(result);
        this.#writeOutput(result.stdout, result.stderr);
        if (this.#interrupting) return this.#finishInterrupted();
        if (result.running && !result.incomplete) {
          this.#cancelSlice = this.#schedule(() => {
            this.#cancelSlice = null;
            this.#follow(this.#backend.resume());
          }, STREAM_INTERVAL_MS);
          return;
        }
        this.#endCommand();
      },
      (error: unknown) => {
        if (this.#disposed) return;
        this.#continued = [];
        const reason = error instanceof Error ? error.message : String(error);
        this.#writeOutput("", `wirebook: the simulator did not answer (${reason})\n`);
        if (this.#interrupting) return this.#finishInterrupted();
        this.#endCommand();
      },
    );
  }

  /** After Ctrl-C: what the command printed as it stopped, then the prompt. */
  #finishInterrupted(): void {
    const answer = this.#interrupting!;
    void answer.then((result) => {
      if (this.#disposed) return;
      if (result) this.#writeOutput(result.stdout, result.stderr);
      this.#endCommand();
    });
  }

  #endCommand(): void {
    this.#interrupting = null;
    this.#waiting = null;
    this.#resume();
  }

  #writeOutput(stdout: string, stderr: string): void {
    let text = toTerminalText(stdout);
    if (stderr) {
      if (text && !text.endsWith("\n")) text += "\r\n";
      text += ERROR_ON + toTerminalText(stderr) + RESET;
    }
    // The editor's model needs the prompt at column 0 (bash would leave it after unterminated output).
    const last = stderr || stdout;
    if (last && !last.endsWith("\n")) text += "\r\n";
    if (text) this.#write(text);
  }

  #complete(partial: string): void {
    this.#waiting = "complete";
    const answered = (completion: Completion) => {
      if (this.#disposed) return;
      this.#waiting = null;
      const step = applyCompletion(this.#editor, partial, completion);
      this.#editor = step.state;
      this.#write(step.output);
      this.#pump();
    };
    this.#backend.complete(partial).then(answered, () => answered({ from: partial.length, candidates: [], common: "" }));
  }
}
