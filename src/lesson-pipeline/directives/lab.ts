/**
 * `:::lab` — a lab bench: a topology view, packet flow, an event log and a
 * terminal per host, driven by a lab script of real Linux commands
 * (ARCHITECTURE.md, "The lab script").
 *
 *     :::lab{title="Two namespaces on a bridge" height=480 hosts="ns1,ns2"}
 *     ```sh
 *     #!hidden ip link add br0 type bridge
 *     ip netns add ns1
 *     …
 *     ```
 *     :::
 *
 * The body is exactly one fenced block (```sh or ```lab). Lines starting with
 * `#!hidden ` are setup the reader does not see but the lab runs first.
 *
 * The script travels in the tree as the widget's one child, a plain
 * `<pre><code class="language-…">` block: ordinary HTML the sanitiser keeps
 * whatever the script's length or characters, which the UI reads back with
 * `readLabScript` — and which, where the widget cannot load, still shows the
 * commands as a code block.
 *
 * Not here yet: a leaf `::lab{src="x.lab"}` form reading the script from a
 * file beside the lesson (the pipeline would need file access and watching).
 */
import type { Code, Nodes as MdastNodes } from "mdast";
import { defineDirective } from "./directive-spec";

/** The fence languages a lab script may be written in. */
export const LAB_SCRIPT_LANGUAGES = ["sh", "lab"] as const;

/** A line starting with this is hidden setup: run before the script, never shown. */
export const HIDDEN_LINE_PREFIX = "#!hidden ";

/** A host name as `ip netns add` accepts it (iproute2 refuses "/" and names "." or ".."), or "root". */
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The host names of a `hosts="ns1,ns2"` list. */
export function parseHostList(text: string): string[] {
  return text.split(",").map((name) => name.trim());
}

function hostListProblem(text: string): string | null {
  const names = parseHostList(text);
  if (names.some((name) => name === "")) return 'lists host names separated by commas, e.g. "ns1,ns2" (use "root" for the machine itself)';
  const bad = names.find((name) => !HOST_NAME.test(name));
  if (bad !== undefined) return `"${bad}" is not a network namespace name: use letters, digits, ".", "_" and "-"`;
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return `lists "${name}" twice`;
    seen.add(name);
  }
  return null;
}

/** Namespaces the script creates with `ip netns add NAME` (the hidden setup included). */
function namespacesCreated(script: string): Set<string> {
  const names = new Set<string>();
  for (const match of script.matchAll(/\bip\s+netns\s+add\s+([^\s;&|]+)/g)) names.add(match[1]!);
  return names;
}

function isBlank(node: MdastNodes): boolean {
  return node.type === "html" && node.value.trim() === "";
}

export const lab = defineDirective({
  name: "lab",
  kind: "container",
  description:
    "A lab bench: a lab script (one ```sh fenced block; lines starting with #!hidden run unseen) drawn as a live topology with packet flow, an event log and a terminal per host.",
  attributes: {
    title: {
      type: "string",
      description: 'What the lab is about, shown above it, e.g. "Two namespaces on a bridge".',
    },
    height: {
      type: "number",
      integer: true,
      min: 240,
      max: 1200,
      default: 480,
      description: "The height of the topology view in CSS pixels.",
    },
    hosts: {
      type: "string",
      description: 'The terminal tabs, in order, e.g. "ns1,ns2" ("root" is the machine itself); by default root and every namespace.',
      validate: hostListProblem,
    },
    id: {
      type: "string",
      description: 'A stable name for this lab, for links to a step; defaults to "lab-N" for the N-th lab in the lesson.',
    },
  },
  labelAttribute: "title",
  build: (context) => {
    const fences = context.body.filter((node): node is Code => node.type === "code");
    const others = context.body.filter((node) => node.type !== "code" && !isBlank(node));
    for (const other of others) {
      context.report(
        { code: "lab-content-outside-script", message: "a lab holds only its script in one ```sh block: move this text above or below the :::lab" },
        other,
      );
    }
    if (fences.length !== 1) {
      context.report(
        fences.length === 0
          ? { code: "lab-no-script", message: "a lab needs its script as one fenced block: ```sh, then one command a line, then ```" }
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
    const hosts = context.attrs.hosts === undefined ? [] : parseHostList(context.attrs.hosts);
    const created = namespacesCreated(fence.value);
    for (const host of hosts) {
      if (host === "root" || created.has(host)) continue;
      context.report({
        code: "lab-unknown-host",
        severity: "warning",
        message: `hosts lists "${host}", but the script never runs "ip netns add ${host}": its tab would have no namespace behind it`,
      });
    }
    return context.widget(context.toHast([fence]), { id: context.attrs.id ?? `lab-${context.ordinal}` });
  },
});
