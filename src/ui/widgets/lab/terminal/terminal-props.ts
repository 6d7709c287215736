import type { Completion } from "./line-editor";
import type { RunResult } from "./terminal-session";

export interface LabTerminalApi {
  /** Types `line` into the terminal (replacing what is on the line) and runs it. */
  type(line: string): void;
}

export interface LabTerminalProps {
  /** The machine or namespace this terminal is on ("root", "ns1"): names the terminal for screen readers. */
  host: string;
  /** PS1 as shown, e.g. "root@ns1:~# ". */
  prompt: string;
  run(line: string): Promise<RunResult>;
  /** Completions for `partial`, the text before the cursor. */
  complete(partial: string): Promise<Completion>;
  /** Lets the running command go on for another slice; its new output. */
  resume(): Promise<RunResult>;
  /** Ctrl-C: what the command printed as it stopped. */
  interrupt(): Promise<RunResult | void>;
  /** A command is running in this terminal's host. */
  busy: boolean;
  onReady?(api: LabTerminalApi): void;
}
