/**
 * Callouts: `:::note`, `:::tip`, `:::warning` boxes around ordinary Markdown,
 * compiled to `wb-callout` with `data-kind` and an optional `data-title`
 * (`:::tip{title="Shortcut"}` or `:::tip[Shortcut]`).
 */
import { CALLOUT_ELEMENT } from "../tree-elements";
import { defineDirective } from "./directive-spec";

export function defineCallout<const N extends string>(name: N, description: string) {
  return defineDirective({
    name,
    kind: "container",
    description,
    attributes: {
      title: { type: "string", description: "A heading for the box; `[label]` after the name sets it too." },
    },
    labelAttribute: "title",
    build: (context) => {
      const properties: Record<string, string> = { dataKind: name };
      if (context.attrs.title !== undefined) properties.dataTitle = context.attrs.title;
      return context.element(CALLOUT_ELEMENT, properties, context.toHast(context.body));
    },
  });
}
