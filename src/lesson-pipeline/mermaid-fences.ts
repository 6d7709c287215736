/**
 * ```mermaid fences become `<wb-mermaid>` holding the diagram source as text;
 * the UI renders it lazily (mermaid is large). Runs after sanitising, on the
 * `pre > code.language-mermaid` that remark-rehype makes of the fence, so the
 * element needs no place in the sanitiser's schema and content cannot forge
 * anything a fence could not already say.
 */
import type { Element, Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { MERMAID_ELEMENT } from "./tree-elements";

function isMermaidCode(node: Element): boolean {
  const className = node.properties.className;
  return node.tagName === "code" && Array.isArray(className) && className.includes("language-mermaid");
}

export default function rehypeMermaidFences() {
  return (tree: Root): void => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "pre" || !parent || index === undefined) return;
      const code = node.children.find((child): child is Element => child.type === "element");
      if (!code || !isMermaidCode(code)) return;
      // remark-rehype ends a fence's code with a newline; the diagram source does not need it.
      const source = hastToString(code).replace(/\n$/, "");
      parent.children[index] = { type: "element", tagName: MERMAID_ELEMENT, properties: {}, children: [{ type: "text", value: source }] };
    });
  };
}
