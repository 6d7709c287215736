/**
 * `hostname` (net-tools): prints the UTS host name; `hostname NAME` sets it
 * (the script runs as root). The display options (-f, -i, -I, …) are not
 * modelled and say so.
 */
import type { Command } from "../command";

export const hostnameCommand: Command = {
  name: "hostname",
  run(args, ctx) {
    if (args.length === 0) {
      ctx.stdout.write(`${ctx.fs.hostname}\n`);
      return 0;
    }
    if (args.length === 1 && !args[0]!.startsWith("-")) {
      ctx.fs.hostname = args[0]!;
      return 0;
    }
    ctx.stderr.write("hostname: only `hostname' and `hostname NAME' are supported by this simulator\n");
    return 1;
  },
};
