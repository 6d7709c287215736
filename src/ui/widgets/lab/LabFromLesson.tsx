/** A `wb-widget[data-name=lab]` from a lesson tree, as a LabWidget. */
import type { Element } from "hast";
import { parseHostList } from "../../../lesson-pipeline/directives/lab";
import type { DirectiveAttrs } from "../../../lesson-pipeline/directives/registry";
import { LabWidget } from "./LabWidget";
import { scriptTextOf } from "./lab-script";

export function LabFromLesson({ node, attrs }: { node: Element; attrs: DirectiveAttrs<"lab"> }) {
  return (
    <LabWidget
      scriptText={scriptTextOf(node)}
      height={attrs.height}
      {...(attrs.title !== undefined ? { title: attrs.title } : {})}
      {...(attrs.hosts !== undefined ? { hosts: parseHostList(attrs.hosts) } : {})}
      {...(attrs.id !== undefined ? { id: attrs.id } : {})}
    />
  );
}
