/**
 * Ctrl-C at a terminal: SIGINT to the foreground command. Its default action
 * ends the process (exit status 130 = 128 + 2, as bash reports it); a program
 * that installs a handler keeps running and reacts — iputils ping stops
 * sending and prints its statistics (ping_common.c: set_signal(SIGINT,
 * sigexit)). SIGTERM from `timeout` is a different signal that ping does not
 * catch, which is why `timeout 1 ping …` prints nothing.
 *
 * A terminal owns one channel; background jobs get none (bash puts them in
 * their own process group, away from the terminal's signals).
 */

/** What a program sees of SIGINT (ProgramContext.sigint). */
export interface SigintPort {
  /** Install a handler (sigaction): Ctrl-C now sets `received` and wakes the program. Returns the uninstall. */
  catch(): () => void;
  /** A SIGINT arrived while the handler was installed. */
  readonly received: boolean;
  /** For `Wait.wakeOn`: wake when SIGINT arrives. */
  onSignal(wake: () => void): () => void;
}

export class SigintChannel implements SigintPort {
  #handlers = 0;
  #received = false;
  readonly #waiters = new Set<() => void>();

  get received(): boolean {
    return this.#received;
  }

  catch(): () => void {
    this.#handlers++;
    this.#received = false;
    let installed = true;
    return () => {
      if (!installed) return;
      installed = false;
      this.#handlers--;
      if (this.#handlers === 0) this.#received = false;
    };
  }

  onSignal(wake: () => void): () => void {
    this.#waiters.add(wake);
    return () => this.#waiters.delete(wake);
  }

  /** Ctrl-C. True when a handler took it; false means the default action: the shell kills the command. */
  deliver(): boolean {
    if (this.#handlers === 0) return false;
    this.#received = true;
    for (const wake of [...this.#waiters]) wake();
    return true;
  }
}

/** bash's status for a command ended by SIGINT's default action. */
export const SIGINT_EXIT = 130;
