import { memo } from "react";
import type { Root } from "hast";
import { renderTree } from "./render-hast";

/** A whole lesson's body; memoised so progress updates don't re-render the prose. */
export const LessonBody = memo(function LessonBody({ tree }: { tree: Root }) {
  return <>{renderTree(tree)}</>;
});
