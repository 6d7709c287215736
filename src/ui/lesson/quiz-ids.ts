import { visit } from "unist-util-visit";
import type { Root } from "hast";
import { readWidgetAttrsOf } from "../../lesson-pipeline/directives/registry";

/** The ids of the quizzes a compiled lesson contains, in order (for the score in the header). */
export function quizIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, "element", (node) => {
    if (node.tagName !== "wb-widget") return;
    const id = readWidgetAttrsOf("quiz", node.properties)?.id;
    if (id !== undefined) ids.push(id);
  });
  return ids;
}
