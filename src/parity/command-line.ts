/**
 * A light reading of one transcript step's command, enough to tell which
 * program prints its output (to pick a fact extractor) and whether it shows
 * network state (to wait for the kernel's link state first). Bash runs the
 * command; this never has to execute anything, so quoting is handled only as
 * far as word boundaries go, and a here-document body is ignored.
 */

/** One stage of a pipeline: the words of a simple command, redirections removed. */
export type SimpleCommand = readonly string[];

/** A pipeline: its stages, first to last. */
export type Pipeline = readonly SimpleCommand[];

type Operator = "&&" | "||" | ";" | "&" | "|";
type Token = { word: string } | { op: Operator };

function tokenize(command: string): Token[] {
  // A here-document body follows the first newline; it is data, not commands.
  const text = command.split("\n")[0] ?? "";
  const tokens: Token[] = [];
  let word = "";
  let inWord = false;
  const flush = (): void => {
    if (inWord) tokens.push({ word });
    word = "";
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const close = end === -1 ? text.length : end;
      word += text.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      flush();
    } else if (c === "&" || c === "|" || c === ";") {
      // `2>&1` and `>&` are redirections, not operators.
      if (c === "&" && text[i - 1] === ">") {
        word += c;
        inWord = true;
        continue;
      }
      flush();
      const two = text.slice(i, i + 2);
      if (two === "&&" || two === "||") {
        tokens.push({ op: two });
        i++;
      } else {
        tokens.push({ op: c });
      }
    } else {
      word += c;
      inWord = true;
    }
  }
  flush();
  return tokens;
}

const REDIRECTION = /^(\d*)(>>|>&|<<<|<<|>|<)(.*)$/;

/** Drops redirections (`> f`, `2>&1`, `<<EOF`) and leading `VAR=value` assignments. */
function commandWords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = REDIRECTION.exec(words[i]!);
    if (match) {
      if (match[3] === "") i++; // the target is the next word
      continue;
    }
    if (out.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) continue;
    out.push(words[i]!);
  }
  return out;
}

/**
 * Strips the wrappers that run another command unchanged in output format:
 * `ip netns exec NS cmd…` (ip-netns(8)), `timeout [opts] DURATION cmd…`
 * (timeout(1)).
 */
export function innerCommand(words: SimpleCommand): SimpleCommand {
  let rest = words;
  for (;;) {
    if (rest[0] === "ip" && isNetnsExec(rest)) {
      const at = rest.findIndex((w, i) => i > 0 && /^(exec|e|ex|exe)$/.test(w));
      rest = rest.slice(at + 2);
    } else if (rest[0] === "timeout") {
      let i = 1;
      while (i < rest.length && rest[i]!.startsWith("-")) i += rest[i] === "-s" || rest[i] === "-k" ? 2 : 1;
      rest = rest.slice(i + 1);
    } else {
      return rest;
    }
  }
}

function isNetnsExec(words: SimpleCommand): boolean {
  const args = words.slice(1).filter((w) => !w.startsWith("-"));
  return args.length >= 3 && /^(netns|netn|net)$/.test(args[0]!) && /^(exec|e|ex|exe)$/.test(args[1]!);
}

/** The pipelines of a command line, in order, each stage reduced to its inner command. */
export function pipelinesOf(command: string): Pipeline[] {
  const pipelines: SimpleCommand[][] = [];
  let stages: SimpleCommand[] = [];
  let words: string[] = [];
  const endStage = (): void => {
    const cmd = innerCommand(commandWords(words));
    if (cmd.length > 0) stages.push(cmd);
    words = [];
  };
  for (const token of tokenize(command)) {
    if ("word" in token) {
      words.push(token.word);
    } else if (token.op === "|") {
      endStage();
    } else {
      endStage();
      if (stages.length > 0) pipelines.push(stages);
      stages = [];
    }
  }
  endStage();
  if (stages.length > 0) pipelines.push(stages);
  return pipelines;
}
