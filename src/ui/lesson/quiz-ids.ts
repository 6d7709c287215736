import { visit } from "unist-util-visit";
import type { Root } from "hast";

/** The ids of the quizzes a compiled lesson contains, in order (for the score in the header). */
export function quizIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, "element", (node) => {
    if (node.tagName === "wb-widget" && node.properties.dataName === "quiz") {
      const id = node.properties.dataId ?? node.properties.dataAttrId;
      if (typeof id === "string") ids.push(id);
    }
  });
  return ids;
}
