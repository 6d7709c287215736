/**
 * GNU `timeout DURATION COMMAND…`: runs the command as a child; if it is
 * still running after DURATION it gets SIGTERM — its unflushed output is
 * lost — and timeout exits 124 (timeout(1), "EXIT STATUS"; measured: no
 * output at all from `timeout 1 ping …` that heard nothing). A command that
 * cannot be run: 127. Options (-s, -k, --preserve-status…) are not modelled.
 */
import type { Program } from "../../../apps/process";
import type { Command } from "../command";
import { parseDuration } from "./duration";
import { q } from "./inputs";

const TRY = "Try 'timeout --help' for more information.\n";
export const TIMED_OUT_EXIT = 124;

export const timeoutCommand: Command = {
  name: "timeout",
  // Its child is looked up in the registry and answers for itself.
  onlyObserves: () => true,
  run(args, ctx) {
    const option = args[0]?.startsWith("-") && args[0] !== "--" ? args[0] : undefined;
    if (option) {
      ctx.stderr.write(`timeout: option ${option} is not supported by this simulator\n`);
      return 125;
    }
    const rest = args[0] === "--" ? args.slice(1) : args;
    if (rest.length < 2) {
      ctx.stderr.write(TRY);
      return 125;
    }
    const seconds = parseDuration(rest[0]!);
    if (seconds === undefined) {
      ctx.stderr.write(`timeout: invalid time interval ${q(rest[0]!)}\n${TRY}`);
      return 125;
    }
    const child = ctx.spawn(rest.slice(1));
    if (!child) {
      ctx.stderr.write(`timeout: failed to run command ${q(rest[1]!)}: No such file or directory\n`);
      return 127;
    }
    // A duration of 0 disables the timeout.
    const deadline = seconds === 0 ? Infinity : ctx.now() + Math.round(seconds * 1_000_000);
    return (function* (): Program {
      try {
        for (;;) {
          if (ctx.now() >= deadline) {
            child.kill();
            return TIMED_OUT_EXIT;
          }
          const step = child.program.next();
          if (step.done) return step.value;
          const wait = step.value;
          yield { until: Math.min(wait.until ?? Infinity, deadline), ...(wait.wakeOn ? { wakeOn: wait.wakeOn } : {}) };
        }
      } finally {
        // timeout itself killed (a job ended at the script's end): the child goes too.
        child.kill();
      }
    })();
  },
};
