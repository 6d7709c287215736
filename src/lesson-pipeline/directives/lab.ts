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
 * The body is one fenced block (```sh or ```lab), optionally followed by a
 * ```check block that checks a challenge's solution (lab-check-block.ts).
 * Lines starting with `#!hidden ` are setup the reader does not see but the
 * lab runs first. The script may instead live in a file beside the lesson,
 * `::lab{src="bridge.lab" …}` (lab-body.ts): the tree is the same.
 *
 * The script travels in the tree as the widget's one child, a plain
 * `<pre><code class="language-…">` block: ordinary HTML the sanitiser keeps
 * whatever the script's length or characters, which the UI reads back with
 * `readLabScript` — and which, where the widget cannot load, still shows the
 * commands as a code block.
 */
import { besidePathProblem } from "../lesson-files";
import { defineDirective } from "./directive-spec";
import { readLabBody } from "./lab-body";

export { LAB_SCRIPT_LANGUAGES } from "./lab-body";

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

function netfilterHostProblem(text: string): string | null {
  return HOST_NAME.test(text) ? null : `"${text}" is not one host: name one network namespace (letters, digits, ".", "_" and "-"), or "root" for the machine itself`;
}

/** Namespaces the script creates with `ip netns add NAME` (the hidden setup included). */
function namespacesCreated(script: string): Set<string> {
  const names = new Set<string>();
  for (const match of script.matchAll(/\bip\s+netns\s+add\s+([^\s;&|]+)/g)) names.add(match[1]!);
  return names;
}

export const lab = defineDirective({
  name: "lab",
  kind: "leaf-or-container",
  description:
    "A lab bench: a lab script (one ```sh fenced block, or a file named by src; lines starting with #!hidden run unseen) drawn as a live topology with packet flow, an event log and a terminal per host; an optional ```check block checks a challenge's solution.",
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
    netfilter: {
      type: "string",
      description: 'Draws this host\'s netfilter path beside the lab (hooks, tables, the rule that decided, NAT rewrites), e.g. "r1" ("root" is the machine itself).',
      validate: netfilterHostProblem,
    },
    id: {
      type: "string",
      description: 'A stable name for this lab, for links to a step; defaults to "lab-N" for the N-th lab in the lesson.',
    },
    src: {
      type: "string",
      description: 'A file beside the lesson holding the lab script, e.g. "bridge.lab": ::lab{src="bridge.lab"} (or a :::lab whose body holds only a ```check block).',
      validate: besidePathProblem,
      pipelineOnly: true,
    },
  },
  labelAttribute: "title",
  build: (context) => {
    const body = readLabBody(context, context.attrs.src);
    if (!body) return null;
    const hosts = context.attrs.hosts === undefined ? [] : parseHostList(context.attrs.hosts);
    const created = namespacesCreated(body.script.value);
    for (const host of hosts) {
      if (host === "root" || created.has(host)) continue;
      context.report({
        code: "lab-unknown-host",
        severity: "warning",
        message: `hosts lists "${host}", but the script never runs "ip netns add ${host}": its tab would have no namespace behind it`,
      });
    }
    const netfilterHost = context.attrs.netfilter;
    if (netfilterHost !== undefined && netfilterHost !== "root" && !created.has(netfilterHost)) {
      context.report({
        code: "lab-unknown-host",
        severity: "warning",
        message: `netfilter names "${netfilterHost}", but the script never runs "ip netns add ${netfilterHost}": the view would have no namespace to draw`,
      });
    }
    return context.widget(context.toHast(body.check ? [body.script, body.check] : [body.script]), { id: context.attrs.id ?? `lab-${context.ordinal}` });
  },
});
