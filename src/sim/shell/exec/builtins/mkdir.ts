/** GNU `mkdir [-p] DIR…` with its messages ("mkdir: cannot create directory ‘/a/b’: No such file or directory"). */
import { fsStrerror } from "../../../world/filesystem";
import type { Command } from "../command";
import { q, unsupportedOption } from "./inputs";

export const mkdirCommand: Command = {
  name: "mkdir",
  run(args, ctx) {
    let parents = false;
    const dirs: string[] = [];
    for (const arg of args) {
      if (arg === "-p" || arg === "--parents") parents = true;
      else if (arg.startsWith("-") && arg !== "-") return unsupportedOption("mkdir", arg, ctx);
      else dirs.push(arg);
    }
    if (dirs.length === 0) {
      ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const dir of dirs) {
      const made = ctx.fs.mkdir(dir, parents);
      if (!made.ok) {
        ctx.stderr.write(`mkdir: cannot create directory ${q(dir)}: ${fsStrerror(made.error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
