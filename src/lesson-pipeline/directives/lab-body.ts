/**
 * Where a lab's script and challenge check come from. Three ways to write a lab:
 *
 *     :::lab{…}                       the script in the body, and optionally
 *     ```sh                           a ```check block after it
 *     …
 *     ```
 *     :::
 *
 *     ::lab{src="bridge.lab" …}       the script in a file beside the lesson
 *
 *     :::lab{src="challenge.lab" …}   the script from a file, the check in the
 *     ```check                        body: one script shared by every
 *     …                               translation, while the messages the
 *     ```                             student reads stay in their language
 *     :::
 *
 * Whichever way, the lab gets the same tree: the script as a ```sh block
 * (a file's text exactly as if it had been written inline), then the check.
 */
import type { Code, Nodes as MdastNodes } from "mdast";
import { describeBesideFailure } from "../lesson-files";
import type { AttributeSchema } from "./attribute-schema";
import type { BuildContext } from "./directive-spec";
import { CHECK_LANGUAGE, checkCheckBlock } from "./lab-check-block";

/** The fence languages a lab script may be written in. */
export const LAB_SCRIPT_LANGUAGES = ["sh", "lab"] as const;

export interface LabBody {
  /** The script as a code block (read from `src`, it is a ```sh block holding the file's text). */
  script: Code;
  /** The ```check block, when there is a usable one. */
  check: Code | null;
}

function isBlank(node: MdastNodes): boolean {
  return node.type === "html" && node.value.trim() === "";
}

/** A file's text as a fence would hold it: `\n` line ends, without the last one. */
function fenceValue(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
}

function scriptFromFile(context: BuildContext<AttributeSchema>, src: string): Code | null {
  const read = context.readBeside(src);
  if (!read.ok) {
    context.report({ code: `lab-src-${read.reason}`, message: `src ${describeBesideFailure(src, read)}` });
    return null;
  }
  const value = fenceValue(read.text);
  if (value.trim() === "") {
    context.report({ code: "lab-no-script", message: `the lab script in "${src}" is empty: write one command a line` });
    return null;
  }
  return { type: "code", lang: "sh", meta: null, value };
}

function scriptFromBody(context: BuildContext<AttributeSchema>, fences: readonly Code[]): Code | null {
  if (fences.length !== 1) {
    context.report(
      fences.length === 0
        ? { code: "lab-no-script", message: "a lab needs its script as one fenced block: ```sh, then one command a line, then ``` (or src=\"file.lab\")" }
        : { code: "lab-several-scripts", message: `a lab has one script, this one has ${fences.length} fenced blocks: join them into one` },
      fences[1],
    );
    return null;
  }
  const fence = fences[0]!;
  const language = fence.lang ?? "";
  if (!(LAB_SCRIPT_LANGUAGES as readonly string[]).includes(language)) {
    context.report(
      {
        code: "lab-script-language",
        message: `a lab script is a \`\`\`sh (or \`\`\`lab) block, not ${language === "" ? "a block without a language" : `\`\`\`${language}`}`,
        suggestion: "sh",
      },
      fence,
    );
    return null;
  }
  if (fence.value.trim() === "") {
    context.report({ code: "lab-no-script", message: "the lab script is empty: write one command a line" }, fence);
    return null;
  }
  return fence;
}

function checkFromBody(context: BuildContext<AttributeSchema>, checks: readonly Code[]): Code | null {
  if (checks.length === 0) return null;
  if (checks.length > 1) {
    context.report({ code: "lab-several-checks", message: `a lab has at most one \`\`\`check block, this one has ${checks.length}: join them into one` }, checks[1]);
    return null;
  }
  const check = checks[0]!;
  return checkCheckBlock(check, context.labShell, (problem, at) => context.report(problem, at)) ? check : null;
}

/** Reads the script and check of a lab with `src` already validated as a path; null (problems reported) when there is no usable script. */
export function readLabBody(context: BuildContext<AttributeSchema>, src: string | undefined): LabBody | null {
  // A src that is not a usable path was reported where it is written; saying "no script" too would only repeat it.
  if (src === undefined && typeof context.node.attributes?.src === "string") return null;
  if (context.node.type === "leafDirective") {
    if (src === undefined) {
      context.report({
        code: "lab-no-script",
        message: 'a one-line ::lab reads its script from a file: write ::lab{src="bridge.lab"}, or use :::lab … ::: with the script inside',
      });
      return null;
    }
    const script = scriptFromFile(context, src);
    return script && { script, check: null };
  }

  const fences = context.body.filter((node): node is Code => node.type === "code");
  const checks = fences.filter((fence) => fence.lang === CHECK_LANGUAGE);
  const scripts = fences.filter((fence) => fence.lang !== CHECK_LANGUAGE);
  for (const other of context.body.filter((node) => node.type !== "code" && !isBlank(node))) {
    context.report(
      {
        code: "lab-content-outside-script",
        message: "a lab holds only its script in one ```sh block (and, for a challenge, one ```check block): move this text above or below the :::lab",
      },
      other,
    );
  }
  let script: Code | null;
  if (src !== undefined) {
    for (const extra of scripts) {
      context.report({ code: "lab-script-twice", message: `this lab reads its script from src="${src}" and has one in its body too: keep one` }, extra);
    }
    script = scripts.length > 0 ? null : scriptFromFile(context, src);
  } else {
    script = scriptFromBody(context, scripts);
  }
  if (!script) return null;
  return { script, check: checkFromBody(context, checks) };
}
