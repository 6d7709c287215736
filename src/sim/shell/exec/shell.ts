/**
 * The interpreter: runs parsed command lines (../ast.ts) as bash would — word
 * expansion, redirections, pipelines, `&&`/`||`, `!`, `$?` — with each
 * command a process in virtual time. Everything here is a generator so a
 * whole command line can wait (for ping's replies, for `sleep`) and be
 * killed as one job.
 *
 * Pipelines run their commands one after the other, each reading all of the
 * previous one's output: the filters a lab script pipes into (grep, head,
 * tail, wc) read to the end of their input anyway. Not modelled: a reader
 * that exits early making the writer die of SIGPIPE.
 */
import type { Program } from "../../apps/process";
import type { SigintPort } from "../../apps/sigint";
import type { AndOrList, CommandLine, Pipeline, Redirect, SimpleCommand } from "../ast";
import { expandAssignmentValue, expandHereDoc, expandHereString, expandRedirectTarget, expandWords, type ExpandContext, type ExpansionError } from "../expand";
import type { NetNamespace } from "../../stack";
import type { World } from "../../world";
import { fsStrerror, normalizePath, type FileSystem, type FsError, type FsView } from "../../world/filesystem";
import type { ChildProcess, Command, CommandContext, SpawnOptions } from "./command";
import { reverseLookup, resolveHost } from "./hosts-lookup";
import { BufferedOutput, NULL_SINK, TextSink, type Sink } from "./output";
import { KNOWN_UNMODELLED, type CommandRegistry } from "./registry";

export interface ShellState {
  readonly world: World;
  readonly fs: FileSystem;
  readonly registry: CommandRegistry;
  /** The script's name, for bash's "name.lab: line N: " prefix. */
  readonly script: string;
  readonly variables: Map<string, string>;
  lastExit: number;
  /** Set by the `exit` builtin: the script stops after this command line. */
  exitRequested?: number;
  /** The terminal's Ctrl-C, for the programs it runs in the foreground; absent in scripts and background jobs. */
  readonly sigint?: SigintPort;
}

/** The shell a background job runs in: its own process group, so the terminal's Ctrl-C does not reach it. */
export function awayFromTerminal(shell: ShellState): ShellState {
  const { sigint: _terminal, ...rest } = shell;
  return rest;
}

/** A process's three descriptors. */
export interface Io {
  readonly stdin: string;
  readonly stdout: Sink;
  readonly stderr: Sink;
}

/** Where a process runs: its network namespace and `ip netns exec` name. */
interface Placement {
  readonly netns: NetNamespace;
  readonly netnsName?: string;
}

/** Directories whose programs a path like /usr/bin/ping names. */
const BIN_DIRS = new Set(["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]);

export function initialVariables(): Map<string, string> {
  return new Map([
    ["HOME", "/root"],
    ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    ["LANG", "C.UTF-8"],
  ]);
}

/** Runs a command line's items in order; background items (`a & b`) start and are left running via `startBackground`. */
export function* runCommandLine(shell: ShellState, line: CommandLine, io: Io, startBackground: (list: AndOrList) => void): Program {
  for (const item of line.items) {
    if (item.background) {
      startBackground(item.andOr);
      shell.lastExit = 0;
    } else {
      yield* runAndOr(shell, item.andOr, io);
    }
    if (shell.exitRequested !== undefined) break;
  }
  return shell.lastExit;
}

/** `a && b || c` (bash(1), "Lists": equal precedence, left to right). */
export function* runAndOr(shell: ShellState, list: AndOrList, io: Io): Program {
  shell.lastExit = yield* runPipeline(shell, list.first, io);
  for (const { op, pipeline } of list.rest) {
    if (shell.exitRequested !== undefined) break;
    if ((op === "&&") !== (shell.lastExit === 0)) continue;
    shell.lastExit = yield* runPipeline(shell, pipeline, io);
  }
  return shell.lastExit;
}

function* runPipeline(shell: ShellState, pipeline: Pipeline, io: Io): Program {
  let stdin = io.stdin;
  let status = 0;
  for (let i = 0; i < pipeline.commands.length; i++) {
    const last = i === pipeline.commands.length - 1;
    const pipe = last ? undefined : new TextSink();
    status = yield* runSimple(shell, pipeline.commands[i]!, { stdin, stdout: pipe ?? io.stdout, stderr: io.stderr });
    if (pipe) stdin = pipe.text;
  }
  return pipeline.negated ? (status === 0 ? 1 : 0) : status;
}

function prefix(shell: ShellState, command: SimpleCommand): string {
  return `${shell.script}: line ${command.start.line}: `;
}

function expandContext(shell: ShellState): ExpandContext {
  return { variables: shell.variables, lastExitStatus: shell.lastExit, homeDirectory: "/root" };
}

function* runSimple(shell: ShellState, command: SimpleCommand, io: Io): Program {
  const say = (message: string): void => void io.stderr.write(`${prefix(shell, command)}${message}\n`);
  const failExpansion = (error: ExpansionError): number => {
    say(error.message);
    return error.exitStatus;
  };
  const ctx = expandContext(shell);
  const argv = expandWords(command.words, ctx);
  if (!argv.ok) return failExpansion(argv.error);
  const assignments = new Map<string, string>();
  for (const a of command.assignments) {
    const value = expandAssignmentValue(a.value, ctx);
    if (!value.ok) return failExpansion(value.error);
    assignments.set(a.name, (a.append ? (shell.variables.get(a.name) ?? "") : "") + value.value);
  }
  const redirected = applyRedirects(shell, command.redirects, io);
  if ("message" in redirected) {
    say(redirected.message);
    return redirected.exitStatus;
  }
  if (argv.value.length === 0) {
    for (const [name, value] of assignments) shell.variables.set(name, value);
    return 0;
  }
  const [name, ...args] = argv.value;
  if (name === "exit") return exitBuiltin(shell, args, redirected, say);
  const found = lookup(shell.registry, name!);
  if (typeof found === "string") {
    say(found);
    return 127;
  }
  const env = new Map([...shell.variables, ...assignments]);
  const stdout = new BufferedOutput(redirected.stdout);
  const stderr = new BufferedOutput(redirected.stderr, true);
  const context = makeContext(shell, { netns: shell.world.root }, { stdin: redirected.stdin, stdout, stderr }, env);
  const run = found.run(args, context);
  const status = typeof run === "number" ? run : yield* run;
  stdout.flush();
  // A builtin's failed write is bash's to report (`echo 1 > /proc/sys/…` with a value the kernel refuses).
  if (stdout.error && found.name === "echo") {
    say(`echo: write error: ${fsStrerror(stdout.error)}`);
    return 1;
  }
  return status;
}

/** bash's `exit [N]`: the script ends after this command with N (default: `$?`). */
function exitBuiltin(shell: ShellState, args: string[], io: Io, say: (m: string) => void): number {
  if (args.length > 1) {
    say("exit: too many arguments");
    return 1;
  }
  const status = args.length === 0 ? shell.lastExit : /^-?\d+$/.test(args[0]!) ? ((Number(args[0]) % 256) + 256) % 256 : undefined;
  if (status === undefined) {
    say(`exit: ${args[0]}: numeric argument required`);
    shell.exitRequested = 2;
    return 2;
  }
  void io;
  shell.exitRequested = status;
  return status;
}

/** The command for a name, or bash's complaint (without its "name.lab: line N: " prefix). */
function lookup(registry: CommandRegistry, name: string): Command | string {
  if (name.includes("/")) {
    const path = normalizePath(name);
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    const command = BIN_DIRS.has(dir) ? registry.get(path.slice(dir.length + 1)) : undefined;
    return command ?? `${name}: No such file or directory`;
  }
  const command = registry.get(name);
  if (command) return command;
  if (KNOWN_UNMODELLED.has(name)) return `${name}: this command is not supported by this simulator`;
  return `${name}: command not found`;
}

/** The shell's own view of files: the script's root namespace (a redirection belongs to the calling shell, even before `ip netns exec`). */
function shellView(shell: ShellState): FsView {
  return { netns: shell.world.root };
}

/** Applies redirections left to right (bash(1), "REDIRECTION"); the result, or the error that stops the command. */
function applyRedirects(shell: ShellState, redirects: readonly Redirect[], io: Io): Io | ExpansionError {
  const fds: [string, Sink, Sink] = [io.stdin, io.stdout, io.stderr];
  let stdin = io.stdin;
  const ctx = expandContext(shell);
  for (const r of redirects) {
    const fd = r.fd ?? (r.op.startsWith("<") ? 0 : 1);
    if (fd > 2) return { message: `redirection to file descriptor ${fd} is not supported by this simulator`, exitStatus: 1 };
    switch (r.op) {
      case "<<":
      case "<<-": {
        const body = expandHereDoc(r.heredoc!, ctx);
        if (!body.ok) return body.error;
        if (fd === 0) stdin = body.value;
        continue;
      }
      case "<<<": {
        const text = expandHereString(r.target, ctx);
        if (!text.ok) return text.error;
        if (fd === 0) stdin = text.value;
        continue;
      }
      case "<>":
      case "<&":
        return { message: `the redirection \`${r.op}' is not supported by this simulator`, exitStatus: 1 };
      default:
        break;
    }
    const target = expandRedirectTarget(r.target, ctx);
    if (!target.ok) return target.error;
    const path = target.value;
    if (r.op === ">&" && /^\d+$/.test(path)) {
      const from = Number(path);
      if (from > 2) return { message: `${path}: Bad file descriptor`, exitStatus: 1 };
      if (fd === 0) return { message: "duplicating standard input is not supported by this simulator", exitStatus: 1 };
      fds[fd] = fds[from as 1 | 2] as Sink;
      continue;
    }
    if (r.op === ">&" && path === "-") return { message: "closing a file descriptor is not supported by this simulator", exitStatus: 1 };
    if (r.op === "<") {
      if (path === "/dev/null") {
        stdin = "";
        continue;
      }
      const text = shell.fs.read(path, shellView(shell));
      if (!text.ok) return { message: `${path}: ${fsStrerror(text.error)}`, exitStatus: 1 };
      stdin = text.value;
      continue;
    }
    const sink = openForWriting(shell, path, r.op === ">>" || r.op === "&>>");
    if (typeof sink === "string") return { message: `${path}: ${fsStrerror(sink)}`, exitStatus: 1 };
    if (r.op === "&>" || r.op === "&>>" || (r.op === ">&" && r.fd === undefined)) {
      fds[1] = sink;
      fds[2] = sink;
    } else {
      fds[fd] = sink;
    }
  }
  return { stdin, stdout: fds[1], stderr: fds[2] };
}

/** open(2) with O_CREAT and O_TRUNC or O_APPEND, as bash does for `>` and `>>`. */
function openForWriting(shell: ShellState, path: string, append: boolean): Sink | FsError {
  if (path === "/dev/null") return NULL_SINK;
  const view = shellView(shell);
  const kind = shell.fs.kind(path, view);
  if (kind === "dir") return "EISDIR";
  const proc = normalizePath(path).startsWith("/proc/");
  if (proc && kind === undefined) return "ENOENT";
  if (!proc && (kind === undefined || !append)) {
    const created = shell.fs.write(path, "", append ? "append" : "truncate", view);
    if (!created.ok) return created.error;
  }
  return {
    file: true,
    write: (text) => {
      const written = shell.fs.write(path, text, "append", view);
      return written.ok ? undefined : written.error;
    },
  };
}

interface Streams {
  readonly stdin: string;
  readonly stdout: BufferedOutput;
  readonly stderr: BufferedOutput;
}

/** A command's context; `spawn` starts children in the same world (timeout, ip netns exec). */
export function makeContext(shell: ShellState, place: Placement, streams: Streams, env: ReadonlyMap<string, string>): CommandContext {
  const view: FsView = place.netnsName === undefined ? { netns: place.netns } : { netns: place.netns, netnsName: place.netnsName };
  return {
    world: shell.world,
    fs: shell.fs,
    view,
    env,
    netns: place.netns,
    stdin: streams.stdin,
    stdout: streams.stdout,
    stderr: streams.stderr,
    now: () => shell.world.now(),
    resolveHost: (name) => resolveHost(shell.fs, view, name),
    reverseLookup: (address) => reverseLookup(shell.fs, view, address),
    ...(shell.sigint ? { sigint: shell.sigint } : {}),
    spawn: (argv, options = {}) => spawn(shell, place, streams, env, argv, options),
  };
}

function spawn(shell: ShellState, place: Placement, streams: Streams, env: ReadonlyMap<string, string>, argv: readonly string[], options: SpawnOptions): ChildProcess | undefined {
  const command = lookup(shell.registry, argv[0] ?? "");
  if (typeof command === "string") return undefined;
  const child: Streams = options.exec
    ? streams
    : { stdin: streams.stdin, stdout: new BufferedOutput(streams.stdout.sink), stderr: new BufferedOutput(streams.stderr.sink, true) };
  const childPlace: Placement = options.netns
    ? { netns: options.netns, ...(options.netnsName !== undefined ? { netnsName: options.netnsName } : {}) }
    : place;
  const ctx = makeContext(shell, childPlace, child, env);
  const program = (function* (): Program {
    const run = command.run(argv.slice(1), ctx);
    const status = typeof run === "number" ? run : yield* run;
    if (!options.exec) child.stdout.flush();
    return status;
  })();
  return {
    program,
    kill: () => {
      child.stdout.discard();
      program.return(143);
    },
  };
}
