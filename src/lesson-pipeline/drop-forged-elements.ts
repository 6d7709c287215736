/**
 * After sanitising: a `wb-*` element is ours only if it carries this compile's
 * origin marker (see sanitize-schema.ts). Forged ones — raw HTML in a lesson —
 * are removed with their content; ours lose the marker, which has done its job.
 */
import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { ORIGIN_PROPERTY } from "./sanitize-schema";

export default function rehypeDropForgedElements(options: { originMarker: string }) {
  return (tree: Root): void => {
    visit(tree, "element", (node, index, parent) => {
      if (!node.tagName.startsWith("wb-")) return undefined;
      if (node.properties[ORIGIN_PROPERTY] !== options.originMarker) {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        return undefined;
      }
      delete node.properties[ORIGIN_PROPERTY];
      return undefined;
    });
  };
}
