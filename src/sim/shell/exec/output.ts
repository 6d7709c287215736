/**
 * Where a process's output goes (a sink: the terminal capture, a pipe, a
 * file) and the stdio buffer in front of it (apps/process.ts, OutputStream).
 */
import type { OutputStream } from "../../apps/process";
import type { FsError } from "../../world/filesystem";

export interface Sink {
  /** Returns the errno when the write failed (a value /proc/sys refuses). */
  write(text: string): FsError | undefined;
}

/** Output collected as text: the transcript's stdout/stderr, or a pipe into the next command. */
export class TextSink implements Sink {
  text = "";

  write(text: string): undefined {
    this.text += text;
    return undefined;
  }
}

/** /dev/null. */
export const NULL_SINK: Sink = { write: () => undefined };

/** A fully buffered stdio stream: text reaches the sink on flush (or exit); a killed process loses the rest. */
export class BufferedOutput implements OutputStream {
  #pending = "";
  /** The first write error met while flushing. */
  error: FsError | undefined;

  /** `unbuffered`: stderr, which stdio never buffers. */
  constructor(
    readonly sink: Sink,
    private readonly unbuffered = false,
  ) {}

  write(text: string): void {
    this.#pending += text;
    if (this.unbuffered) this.flush();
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
