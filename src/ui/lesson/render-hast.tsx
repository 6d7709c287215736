/**
 * Turns sanitised hast from the lesson pipeline into React. Widgets that hold
 * lesson content (quiz questions, callouts) call back into this to render
 * their parts with the same mapping. Nothing from content is executed.
 */
import { Fragment } from "react";
import type { ComponentProps, ReactNode } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { Components } from "hast-util-to-jsx-runtime";
import type { ElementContent, Root } from "hast";
import { widgetComponents } from "../widgets/registry";
import { AnchoredHeading } from "./AnchoredHeading";

let components: Partial<Components> | null = null;

// Built on first use: the widget registry imports widgets that import this module.
function allComponents(): Partial<Components> {
  components ??= {
    ...widgetComponents,
    h2: (props: ComponentProps<"h2">) => <AnchoredHeading level={2} {...props} />,
    h3: (props: ComponentProps<"h3">) => <AnchoredHeading level={3} {...props} />,
  } as unknown as Partial<Components>;
  return components;
}

export function renderTree(tree: Root): ReactNode {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: allComponents(), passNode: true, ignoreInvalidStyle: true });
}

export function renderNodes(nodes: ElementContent[]): ReactNode {
  return renderTree({ type: "root", children: nodes });
}
