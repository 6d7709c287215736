/** A `wb-widget[data-name=lab]` from a lesson tree, as a LabWidget. */
import type { Element, ElementContent } from "hast";
import { parseHostList } from "../../../lesson-pipeline/directives/lab";
import type { DirectiveAttrs } from "../../../lesson-pipeline/directives/registry";
import { LabWidget } from "./LabWidget";
import { scriptTextOf } from "./lab-script";

/** The lab's ```check block: the `<pre><code class="language-check">` the pipeline puts after the script. */
function isCheckBlock(child: ElementContent): child is Element {
  return (
    child.type === "element" &&
    child.tagName === "pre" &&
    child.children.some((code) => code.type === "element" && code.tagName === "code" && [code.properties.className].flat().includes("language-check"))
  );
}

export function LabFromLesson({ node, attrs }: { node: Element; attrs: DirectiveAttrs<"lab"> }) {
  const check = node.children.find(isCheckBlock);
  const script = check ? { ...node, children: node.children.filter((child) => child !== check) } : node;
  return (
    <LabWidget
      scriptText={scriptTextOf(script)}
      {...(check ? { check: scriptTextOf(check) } : {})}
      height={attrs.height}
      {...(attrs.title !== undefined ? { title: attrs.title } : {})}
      {...(attrs.hosts !== undefined ? { hosts: parseHostList(attrs.hosts) } : {})}
      {...(attrs.id !== undefined ? { id: attrs.id } : {})}
      {...(attrs.netfilter !== undefined ? { netfilter: attrs.netfilter } : {})}
    />
  );
}
