/**
 * The transcript of one lab-script run (shared ARCHITECTURE.md, "The transcript"):
 * one step per command line, in script order. The CLI prints it as a terminal
 * would or as JSON (`--json`); parity tests compare normalized facts drawn from
 * it against the same script run by bash on a real kernel — never timings.
 */

/** The result of one command line of the script. */
export interface TranscriptStep {
  /** 1-based line of the script where the command starts. */
  line: number;
  /** The command as written (continuation lines joined, heredoc body after a newline). */
  cmd: string;
  /** Exit status, as `$?` would show it (for a background step: 0, as bash reports for `&`). */
  exit: number;
  stdout: string;
  stderr: string;
  /** Virtual time the command took, in milliseconds. */
  elapsed_ms: number;
  /** The command line ended in `&`: recorded at once, its job's result arrives later. */
  background?: true;
  /** The background job's exit status once it ended. */
  bg_exit?: number;
  bg_stdout?: string;
  bg_stderr?: string;
  /** The job was still running when the script ended: given one more virtual second, then killed (bg_exit 143). */
  bg_killed_at_end?: true;
}

/** A whole run. */
export interface Transcript {
  /** The script's name, e.g. "name.lab". */
  script: string;
  /** The iptables flavour the run emulates (iptables 1.8 on Debian 12 uses nf_tables). */
  iptables_backend?: "nf_tables";
  steps: TranscriptStep[];
}

/** Exit status of a job killed by SIGTERM: 128 + 15 (bash(1), "EXIT STATUS"). */
export const KILLED_BY_SIGTERM_EXIT = 143;
