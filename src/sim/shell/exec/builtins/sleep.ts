/** GNU `sleep NUMBER[SUFFIX]…`: waits the sum of its arguments in virtual time. */
import type { Program } from "../../../apps/process";
import type { Command } from "../command";
import { parseDuration } from "./duration";
import { q } from "./inputs";

const TRY = "Try 'sleep --help' for more information.\n";

export const sleepCommand: Command = {
  name: "sleep",
  onlyObserves: () => true,
  run(args, ctx) {
    if (args.length === 0) {
      ctx.stderr.write(`sleep: missing operand\n${TRY}`);
      return 1;
    }
    let total = 0;
    for (const arg of args) {
      const seconds = parseDuration(arg);
      if (seconds === undefined) {
        ctx.stderr.write(`sleep: invalid time interval ${q(arg)}\n${TRY}`);
        return 1;
      }
      total += seconds;
    }
    const until = ctx.now() + Math.round(total * 1_000_000);
    return (function* (): Program {
      while (ctx.now() < until) yield { until };
      return 0;
    })();
  },
};
