/** GNU `cat FILE…`: the files (or stdin) in order; exit 1 if any could not be read. */
import type { Command } from "../command";
import { readInputs, unsupportedOption } from "./inputs";

export const catCommand: Command = {
  name: "cat",
  run(args, ctx) {
    const option = args.find((a) => a.startsWith("-") && a !== "-" && a !== "--");
    if (option) return unsupportedOption("cat", option, ctx);
    const { inputs, failed } = readInputs("cat", args.filter((a) => a !== "--"), ctx);
    for (const input of inputs) ctx.stdout.write(input.text);
    return failed ? 1 : 0;
  },
};
