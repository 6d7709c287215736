/**
 * Links to a place on the same page (`#…`) must reach their target after the
 * sanitiser prefixed non-heading ids with `user-content-` (DOM clobbering
 * protection). GitHub fixes these in the browser with a hash-change script; a
 * lesson tree is data, so we fix the links once: a fragment naming no id but
 * whose prefixed form exists is rewritten. Footnote calls (`#fn-1`) are the
 * common case.
 */
import type { Root } from "hast";
import { visit } from "unist-util-visit";

export const CLOBBER_PREFIX = "user-content-";

export default function rehypeInPageLinks() {
  return (tree: Root): void => {
    const ids = new Set<string>();
    visit(tree, "element", (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      let target: string;
      try {
        target = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      if (!ids.has(target) && ids.has(CLOBBER_PREFIX + target)) node.properties.href = `#${CLOBBER_PREFIX}${target}`;
    });
  };
}
