/**
 * Knows when the machine's configuration may have changed, so time travel
 * need not rebuild the topology and route tables at every one of an
 * action's events.
 *
 * Devices, addresses, routes and sysctls change only while a command runs
 * (ip, sysctl, a shell redirection into /proc/sys made for a command); a
 * frame crossing a wire changes neighbours, FDBs and counters, never them.
 * Every command the machine runs comes from its registry, so a registry
 * whose commands report when they are running tells exactly: the version
 * moves each time a command starts or stops working, and a snapshot taken
 * while one is working is never reused.
 *
 * Some commands only look and send (Command.onlyObserves): ping, traceroute,
 * nc and sleep change no configuration, and `ip netns exec` and `timeout`
 * only run another command (watched on its own). They are not reported — a
 * minute of ping would otherwise make every one of its thousands of events
 * a moment when anything may have changed — unless their output goes to a
 * file, which may be one under /proc/sys.
 */
import type { Program } from "../../apps/process";
import type { Command, CommandContext } from "./command";
import { CommandRegistry } from "./registry";

function observes(command: Command, args: readonly string[], ctx: CommandContext): boolean {
  return command.onlyObserves?.(args) === true && ctx.stdout.toFile !== true && ctx.stderr.toFile !== true;
}

export class ConfigWatch {
  #version = 0;
  #working = 0;

  /** Changes whenever a command may have changed the configuration. */
  get version(): number {
    return this.#version;
  }

  /** A command is in the middle of its work: anything may be half-changed. */
  get working(): boolean {
    return this.#working > 0;
  }

  /** `registry` with each command reporting to this watch. Running them is otherwise unchanged. */
  watch(registry: CommandRegistry): CommandRegistry {
    return new CommandRegistry(registry.names().map((name) => this.#watched(registry.get(name)!)));
  }

  #during<T>(work: () => T): T {
    this.#version++;
    this.#working++;
    try {
      return work();
    } finally {
      this.#working--;
      this.#version++;
    }
  }

  #watched(command: Command): Command {
    return {
      name: command.name,
      ...(command.onlyObserves ? { onlyObserves: command.onlyObserves } : {}),
      run: (args, ctx) => {
        if (observes(command, args, ctx)) return command.run(args, ctx);
        const run = this.#during(() => command.run(args, ctx));
        return typeof run === "number" ? run : this.#program(run);
      },
    };
  }

  /** A program whose every slice of work (between its waits) is reported; killing it kills the inner one. */
  *#program(inner: Program): Program {
    let finished = false;
    try {
      for (;;) {
        const next = this.#during(() => inner.next());
        if (next.done) {
          finished = true;
          return next.value;
        }
        yield next.value;
      }
    } finally {
      // Killed while waiting (Process.kill, timeout): the inner program's `finally` blocks run, as they would unwrapped.
      if (!finished) this.#during(() => inner.return(0));
    }
  }
}
