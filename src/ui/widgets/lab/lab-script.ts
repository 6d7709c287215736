/**
 * The lab script as the lesson pipeline hands it over: the text of the
 * widget's one `<pre><code>` child (see lesson-pipeline/directives/lab.ts),
 * split into the hidden setup (`#!hidden ` lines) and the script the reader
 * sees.
 */
import type { ElementContent, Element } from "hast";
import { HIDDEN_LINE_PREFIX } from "../../../lesson-pipeline/directives/lab";

export interface LabScript {
  /** The lines the reader sees, in order. */
  readonly script: string;
  /** The `#!hidden ` lines without their prefix, run before the script. */
  readonly hiddenSetup: string;
}

function textOf(node: ElementContent | Element): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** The script text inside a `wb-widget[data-name=lab]` element. */
export function scriptTextOf(node: Element): string {
  return textOf(node);
}

export function splitLabScript(text: string): LabScript {
  const visible: string[] = [];
  const hidden: string[] = [];
  for (const line of text.replace(/\n$/, "").split("\n")) {
    if (line.startsWith(HIDDEN_LINE_PREFIX)) hidden.push(line.slice(HIDDEN_LINE_PREFIX.length));
    else visible.push(line);
  }
  return { script: visible.join("\n"), hiddenSetup: hidden.join("\n") };
}
