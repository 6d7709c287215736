/**
 * The table of contents: the lesson's h2 and h3 headings with their ids, read
 * from the final tree so it always matches what is rendered. Headings inside a
 * widget (a quiz question) and the footnotes' hidden label are not sections.
 */
import type { Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { WIDGET_ELEMENT } from "./tree-elements";
import type { TocEntry } from "./types";

const DEPTHS: Record<string, number> = { h2: 2, h3: 3 };

export function tableOfContents(tree: Root): TocEntry[] {
  const entries: TocEntry[] = [];
  visit(tree, "element", (node) => {
    if (node.tagName === WIDGET_ELEMENT) return SKIP;
    if (node.tagName === "section" && node.properties.dataFootnotes !== undefined) return SKIP;
    const depth = DEPTHS[node.tagName];
    const id = node.properties.id;
    if (depth !== undefined && typeof id === "string") {
      entries.push({ depth, id, text: hastToString(node).trim() });
    }
    return undefined;
  });
  return entries;
}
