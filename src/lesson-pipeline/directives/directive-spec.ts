/**
 * What a directive is: its name, whether it is a leaf (`::name{…}`, one line)
 * or a container (`:::name{…}` … `:::`), its attribute schema, and how a valid
 * use becomes hast. Adding a widget is one file that calls `defineDirective`,
 * plus one line in registry.ts.
 */
import type { Element, ElementContent, Properties } from "hast";
import type { BlockContent, DefinitionContent, Nodes as MdastNodes, PhrasingContent } from "mdast";
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import type { Problem } from "../diagnostic";
import type { LabShell } from "../lab-shell";
import type { BesideRead } from "../lesson-files";
import type { SourcePosition } from "../types";
import type { AttributeSchema, AttributeValues } from "./attribute-schema";

/** "leaf-or-container": both forms are accepted (a lab reads its script from its body or from a file). */
export type DirectiveKind = "leaf" | "container" | "leaf-or-container";

export type DirectiveNode = LeafDirective | ContainerDirective;

/** A directive's content, with any `[label]` taken out. */
export type DirectiveBody = Array<BlockContent | DefinitionContent | PhrasingContent>;

export interface BuildContext<A extends AttributeSchema> {
  /** Valid attributes, defaults filled in; invalid ones were reported and left out. */
  attrs: AttributeValues<A>;
  node: DirectiveNode;
  body: DirectiveBody;
  /** Which use of this directive in the lesson this is (1-based), for default ids. */
  ordinal: number;
  /** Converts Markdown nodes to hast; the result is sanitised with the rest of the lesson. */
  toHast(nodes: readonly MdastNodes[]): ElementContent[];
  /** Reports a problem at a node inside the directive (or the directive itself). */
  report(problem: Problem, at?: MdastNodes | SourcePosition): void;
  /** An element of the pipeline's own (`wb-*`), marked so the sanitiser keeps it. */
  element(tagName: string, properties: Properties, children: ElementContent[]): Element;
  /** Reads a file beside the lesson, by a path relative to the lesson file (see lesson-files.ts). */
  readBeside(relative: string): BesideRead;
  /** The simulator's lab-script reader, when whoever compiles may load it (the lesson check); see lab-shell.ts. */
  labShell: LabShell | undefined;
  /** The `wb-widget` for this directive: `data-name` plus `data-attr-*` for each attribute the widget reads. */
  widget(children?: ElementContent[], overrides?: Record<string, string | number | boolean>): Element;
}

export interface DirectiveSpec<N extends string = string, A extends AttributeSchema = AttributeSchema> {
  name: N;
  kind: DirectiveKind;
  /** One or two sentences for the authoring guide. */
  description: string;
  attributes: A;
  /**
   * The attribute a `[label]` fills, e.g. a callout's title in `:::tip[Shortcut]`.
   * (A plain string: `keyof A` would make specs with different schemas
   * incompatible with a list of specs; the registry test checks it names one.)
   */
  labelAttribute?: string;
  /**
   * Builds the element for a use whose attributes passed their checks. Returns
   * null when the body is unusable; the problems must have been reported.
   */
  build(context: BuildContext<A>): Element | null;
}

/** Keeps the literal name and schema types, so the registry can type each widget's attributes. */
export function defineDirective<const N extends string, const A extends AttributeSchema>(spec: DirectiveSpec<N, A>): DirectiveSpec<N, A> {
  return spec;
}
