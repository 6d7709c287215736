/**
 * Compiles leaf and container directives during remark-rehype (as handlers, so
 * a widget's Markdown body is converted with the same state as the rest of the
 * lesson, footnotes included). Each use is checked against the registry: the
 * name ("did you mean"), leaf versus container, every attribute against its
 * schema. Problems become diagnostics and also `wb-diagnostic` elements at the
 * directive's place, so a broken lesson shows what is wrong where it is wrong;
 * the widget itself is still built whenever its required attributes are usable.
 */
import type { Element, ElementContent, Properties } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import type { Options as RemarkRehypeOptions } from "remark-rehype";
import { createDiagnostic, type Problem } from "../diagnostic";
import { DIAGNOSTIC_ELEMENT, WIDGET_ELEMENT, widgetAttributeProperty } from "../tree-elements";
import type { Diagnostic, SourcePosition } from "../types";
import { didYouMean } from "../did-you-mean";
import type { LabShell } from "../lab-shell";
import { NO_LESSON_FILES, type LessonFiles } from "../lesson-files";
import { describeAllowed, parseAttribute, serialiseAttribute } from "./attribute-schema";
import type { BuildContext, DirectiveBody, DirectiveNode, DirectiveSpec } from "./directive-spec";
import { findDirective, suggestDirective } from "./registry";

type Handlers = NonNullable<RemarkRehypeOptions["handlers"]>;
type Handler = NonNullable<Handlers["leafDirective"]>;
type State = Parameters<Handler>[0];

export interface DirectiveEnvironment {
  /** Repo-relative path, for diagnostics. */
  file: string;
  /** The per-compile value of `data-wb-origin` that tells our elements from forged ones. */
  originMarker: string;
  report(diagnostic: Diagnostic): void;
  /** The directives to accept; the registry's by default (tests and previews of new widgets pass their own). */
  directives?: readonly DirectiveSpec[];
  /** Files beside the lesson (a lab's `src`); none by default. */
  files?: LessonFiles;
  /** The simulator's lab-script reader, when the caller may load it. */
  labShell?: LabShell;
}

const START: SourcePosition = { line: 1, column: 1 };

function startOf(node: { position?: { start: { line: number; column: number } } } | undefined, fallback = START): SourcePosition {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}

/** Where `key=…` is written, from mdast-util-directive's verbose positions. */
function attributeStart(node: DirectiveNode, key: string): SourcePosition {
  const data = node.data as { position?: { attributes?: Record<string, { start: { line: number; column: number } } | undefined> } } | undefined;
  const start = data?.position?.attributes?.[key]?.start;
  return start ? { line: start.line, column: start.column } : startOf(node);
}

/** A container's `[label]` is its first child, a paragraph flagged by the parser; a leaf's label is its children. */
function splitLabel(node: DirectiveNode): { label: string | null; body: DirectiveBody } {
  if (node.type === "leafDirective") {
    return { label: node.children.length > 0 ? mdastToString(node) : null, body: [] };
  }
  const [first, ...rest] = node.children;
  if (first?.type === "paragraph" && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return { label: mdastToString(first), body: rest };
  }
  return { label: null, body: node.children };
}

function createElement(tagName: string, properties: Properties, children: ElementContent[], marker: string): Element {
  return { type: "element", tagName, properties: { ...properties, dataWbOrigin: marker }, children };
}

function diagnosticElement(diagnostic: Diagnostic, marker: string): Element {
  const properties: Properties = {
    dataCode: diagnostic.code,
    dataSeverity: diagnostic.severity,
    dataLine: String(diagnostic.line),
    dataColumn: String(diagnostic.column),
  };
  if (diagnostic.suggestion !== undefined) properties.dataSuggestion = diagnostic.suggestion;
  return createElement(DIAGNOSTIC_ELEMENT, properties, [{ type: "text", value: diagnostic.message }], marker);
}

function acceptsForm(spec: DirectiveSpec, node: DirectiveNode): boolean {
  return spec.kind === "leaf-or-container" || (spec.kind === "leaf") === (node.type === "leafDirective");
}

function kindProblem(spec: DirectiveSpec): Problem {
  return spec.kind === "leaf"
    ? {
        code: "directive-kind",
        message: `"${spec.name}" is a one-line (leaf) directive: write it as ::${spec.name}{…} on its own line, with no body and no closing :::`,
      }
    : {
        code: "directive-kind",
        message: `"${spec.name}" is a container directive: open it with :::${spec.name}{…} and close it with ::: on its own line`,
      };
}

/** Reads, checks and default-fills a use's attributes. `usable` is false when a required one is missing or bad. */
function readAttributes(spec: DirectiveSpec, node: DirectiveNode, label: string | null, report: (problem: Problem, at: SourcePosition) => void) {
  const attrs: Record<string, string | number | boolean> = {};
  let usable = true;
  const given: Record<string, string | null | undefined> = { ...(node.attributes ?? {}) };
  const keys = Object.keys(spec.attributes);

  if (label !== null) {
    if (spec.labelAttribute === undefined) {
      report({ code: "directive-label", severity: "warning", message: `"${spec.name}" does not use a [label]: remove it` }, startOf(node));
    } else if (given[spec.labelAttribute] !== undefined && given[spec.labelAttribute] !== null) {
      report(
        { code: "directive-label", severity: "warning", message: `both a [label] and ${spec.labelAttribute}="…" are given: the attribute wins` },
        startOf(node),
      );
    } else {
      given[spec.labelAttribute] = label;
    }
  }

  for (const [key, rawValue] of Object.entries(given)) {
    const attribute = spec.attributes[key];
    const at = attributeStart(node, key);
    if (!attribute) {
      const problem: Problem = {
        code: "unknown-attribute",
        message: `"${spec.name}" has no attribute "${key}"${keys.length ? `; it takes ${keys.join(", ")}` : ""}`,
      };
      const suggestion = didYouMean(key, keys);
      if (suggestion !== undefined) problem.suggestion = suggestion;
      report(problem, at);
      continue;
    }
    const parsed = parseAttribute(attribute, rawValue ?? "", { validate: true, suggest: didYouMean });
    if (parsed.ok) {
      attrs[key] = parsed.value;
      continue;
    }
    const problem: Problem = { code: "invalid-attribute", message: `${key} ${parsed.problem}` };
    if (parsed.suggestion !== undefined) problem.suggestion = parsed.suggestion;
    report(problem, at);
    if (attribute.required) usable = false;
  }

  for (const [key, attribute] of Object.entries(spec.attributes)) {
    if (attrs[key] !== undefined) continue;
    if (attribute.default !== undefined) attrs[key] = attribute.default;
    else if (attribute.required && given[key] === undefined) {
      report({ code: "missing-attribute", message: `"${spec.name}" needs ${key}=… (${describeAllowed(attribute)}): ${attribute.description}` }, startOf(node));
      usable = false;
    }
  }
  return { attrs, usable };
}

/** Handlers for remark-rehype's `handlers` option; one set per compiled lesson. */
export function createDirectiveHandlers(env: DirectiveEnvironment): Handlers {
  const custom = env.directives ? new Map(env.directives.map((spec) => [spec.name, spec])) : undefined;
  const find = (name: string) => (custom ? custom.get(name) : findDirective(name));
  const suggest = (name: string) => (custom ? didYouMean(name, [...custom.keys()]) : suggestDirective(name));
  const ordinals = new Map<string, number>();
  const widgetIds = new Map<string, SourcePosition>();

  const handle = (state: State, node: DirectiveNode): ElementContent[] => {
    const local: Diagnostic[] = [];
    const report = (problem: Problem, at: SourcePosition) => {
      const diagnostic = createDiagnostic(env.file, at, problem);
      local.push(diagnostic);
      env.report(diagnostic);
    };
    const toHast = (nodes: readonly MdastNodes[]): ElementContent[] =>
      state.all({ type: "root", children: nodes as RootContent[] } satisfies MdastRoot) as ElementContent[];
    const element = (tagName: string, properties: Properties, children: ElementContent[]) =>
      createElement(tagName, properties, children, env.originMarker);
    const { label, body } = splitLabel(node);
    // What could not become a widget still shows its Markdown, so no prose is lost.
    const fallbackBody = (): ElementContent[] =>
      node.type === "containerDirective" && body.length > 0 ? [{ type: "element", tagName: "div", properties: {}, children: toHast(body) }] : [];
    const withDiagnostics = (content: ElementContent[]): ElementContent[] => [
      ...local.map((diagnostic) => diagnosticElement(diagnostic, env.originMarker)),
      ...content,
    ];

    const spec = find(node.name);
    if (!spec) {
      const problem: Problem = { code: "unknown-directive", message: `unknown directive "${node.name}"` };
      const suggestion = suggest(node.name);
      if (suggestion !== undefined) problem.suggestion = suggestion;
      report(problem, startOf(node));
      return withDiagnostics(fallbackBody());
    }
    if (!acceptsForm(spec, node)) {
      report(kindProblem(spec), startOf(node));
      return withDiagnostics(fallbackBody());
    }

    const ordinal = (ordinals.get(spec.name) ?? 0) + 1;
    ordinals.set(spec.name, ordinal);
    const { attrs, usable } = readAttributes(spec, node, label, report);
    if (!usable) return withDiagnostics(fallbackBody());

    const context: BuildContext<typeof spec.attributes> = {
      attrs,
      node,
      body,
      ordinal,
      toHast,
      report: (problem, at) => report(problem, at === undefined ? startOf(node) : "line" in at ? at : startOf(at, startOf(node))),
      element,
      readBeside: (relative) => (env.files ?? NO_LESSON_FILES).read(relative),
      labShell: env.labShell,
      widget: (children = [], overrides = {}) => {
        const properties: Properties = { dataName: spec.name };
        for (const [key, value] of Object.entries({ ...attrs, ...overrides })) {
          if (spec.attributes[key]?.pipelineOnly) continue;
          properties[widgetAttributeProperty(key)] = serialiseAttribute(value);
        }
        return element(WIDGET_ELEMENT, properties, children);
      },
    };
    const built = spec.build(context);
    if (!built) return withDiagnostics(fallbackBody());

    const id = built.properties[widgetAttributeProperty("id")];
    if (typeof id === "string") {
      const first = widgetIds.get(id);
      if (first) {
        report({ code: "duplicate-widget-id", message: `id "${id}" is already used by a widget on line ${first.line}: ids must be unique in a lesson` }, startOf(node));
      } else {
        widgetIds.set(id, startOf(node));
      }
    }
    return withDiagnostics([built]);
  };

  return {
    leafDirective: (state, node) => handle(state, node as DirectiveNode),
    containerDirective: (state, node) => handle(state, node as DirectiveNode),
  };
}
