/**
 * Where a process's output goes (a sink: the terminal capture, a pipe, a
 * file) and the stdio buffer in front of it (apps/process.ts, OutputStream).
 */
import type { OutputStream } from "../../apps/process";
import type { FsError } from "../../world/filesystem";

export interface Sink {
  /** Returns the errno when the write failed (a value /proc/sys refuses). */
  write(text: string): FsError | undefined;
  /** A terminal (isatty(3) is true): stdio line-buffers what goes to it (setvbuf(3)). */
  readonly terminal?: boolean;
  /** A file opened by a redirection (/proc/sys included). */
  readonly file?: boolean;
}

/**
 * Output collected as text: the transcript's stdout/stderr, or a pipe into the
 * next command; or, `terminal`, what a lab terminal shows (a tty).
 */
export class TextSink implements Sink {
  text = "";

  constructor(readonly terminal = false) {}

  write(text: string): undefined {
    this.text += text;
    return undefined;
  }
}

/** /dev/null. */
export const NULL_SINK: Sink = { write: () => undefined };

/**
 * A stdio stream in front of a sink. Fully buffered by default, as for a pipe or
 * a file: text reaches the sink on flush (or exit), and a killed process loses
 * the rest. Line buffered when the sink is a terminal: a finished line shows at
 * once, so `ping` in a lab terminal prints its header before any reply comes.
 */
export class BufferedOutput implements OutputStream {
  #pending = "";
  /** The first write error met while flushing. */
  error: FsError | undefined;

  /** `unbuffered`: stderr, which stdio never buffers. */
  constructor(
    readonly sink: Sink,
    private readonly unbuffered = false,
  ) {}

  get toFile(): boolean {
    return this.sink.file === true;
  }

  write(text: string): void {
    this.#pending += text;
    if (this.unbuffered || (this.sink.terminal === true && text.includes("\n"))) this.flush();
  }

  flush(): void {
    if (this.#pending === "") return;
    const failed = this.sink.write(this.#pending);
    this.error ??= failed;
    this.#pending = "";
  }

  discard(): void {
    this.#pending = "";
  }
}
