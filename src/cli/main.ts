/**
 * `wirebook` command line: one entry, subcommands per concern. Each
 * subcommand lives in its own module and returns an exit code.
 */
import { runLessonsCheck } from "./lessons-check";
import { runMeasureBundle } from "./measure-bundle";
import { runLabCommand } from "./lab";

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Subcommand = (args: string[], io: Io) => Promise<number>;

const SUBCOMMANDS: Record<string, { run: Subcommand; help: string }> = {
  lab: { run: (args, io) => runLabCommand(args, io), help: "run a lab script in the simulator: FILE.lab [--json] [--seed N]" },
  "lessons:check": { run: runLessonsCheck, help: "check every lesson (front matter, directives, quizzes); exit 1 on errors" },
  size: { run: runMeasureBundle, help: "measure the built site's JavaScript (gzip) per page from dist/" },
};

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([name, { help }]) => `  ${name.padEnd(15)} ${help}`);
  return `usage: wirebook <command> [args…]\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const io: Io = { stdout: process.stdout, stderr: process.stderr };
  if (!name || name === "--help" || name === "-h") {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.stderr.write(`wirebook: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return sub.run(args, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wirebook: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
