/**
 * Every directive a lesson may use. To add one, write
 * `directives/NAME.ts` with `defineDirective({...})` and list it in DIRECTIVES;
 * the check, the sanitiser's allow-list and the typed reader follow from it.
 *
 * ## How widget attributes travel in the tree
 *
 * A directive compiles to `<wb-widget data-name="NAME">` with one
 * `data-attr-KEY="VALUE"` per attribute that has a value (given by the author,
 * or the schema's default). Why this shape:
 * - it is plain HTML attributes, so it survives rehype-raw's re-parse and
 *   rehype-sanitize, whose schema lists exactly these names (generated from
 *   the registry: an attribute not in a schema cannot appear);
 * - values are the canonical text of a typed value — decimal numbers,
 *   "true"/"false", an enum word — so `readWidgetAttrs` turns them back into
 *   typed values with the same parser the check used;
 * - the UI may see them as hast properties (`dataAttrCidr`) or, through
 *   hast-util-to-jsx-runtime, as React props (`"data-attr-cidr"`);
 *   `readWidgetAttrs` accepts both.
 */
import { didYouMean } from "../did-you-mean";
import { widgetAttributeName, widgetAttributeProperty } from "../tree-elements";
import { parseAttribute, type AttributeValues } from "./attribute-schema";
import type { DirectiveSpec } from "./directive-spec";
import { lab } from "./lab";
import { note } from "./note";
import { quiz } from "./quiz";
import { subnetExplorer } from "./subnet-explorer";
import { tip } from "./tip";
import { warning } from "./warning";

export const DIRECTIVES = [subnetExplorer, quiz, lab, note, tip, warning] as const;

export type RegisteredDirective = (typeof DIRECTIVES)[number];
export type DirectiveName = RegisteredDirective["name"];

/** The typed attributes of the directive called `N`, defaults applied. */
export type DirectiveAttrs<N extends DirectiveName> = AttributeValues<Extract<RegisteredDirective, { name: N }>["attributes"]>;

/** What `readWidgetAttrs` returns: narrow on `name` to get that widget's attribute types. */
export type WidgetReading = { [N in DirectiveName]: { name: N; attrs: DirectiveAttrs<N> } }[DirectiveName];

export const DIRECTIVE_NAMES: readonly string[] = DIRECTIVES.map((spec) => spec.name);

// Each spec is checked against its own schema when it is defined; seen from
// here, only the shared shape matters.
const byName = new Map<string, DirectiveSpec>(DIRECTIVES.map((spec) => [spec.name, spec as unknown as DirectiveSpec]));

export function findDirective(name: string): DirectiveSpec | undefined {
  return byName.get(name);
}

export function suggestDirective(name: string): string | undefined {
  return didYouMean(name, DIRECTIVE_NAMES);
}

/** Every `data-attr-*` hast property any widget may carry: the sanitiser's allow-list. */
export function widgetAttributeProperties(specs: readonly DirectiveSpec[] = [...byName.values()]): string[] {
  const names = new Set<string>();
  for (const spec of specs) {
    for (const [key, attribute] of Object.entries(spec.attributes)) {
      if (!attribute.pipelineOnly) names.add(widgetAttributeProperty(key));
    }
  }
  return [...names].sort();
}

type Props = Readonly<Record<string, unknown>>;

function readProp(properties: Props, property: string, attribute: string): string | undefined {
  const value = properties[property] ?? properties[attribute];
  if (Array.isArray(value)) return value.join(" ");
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function readAttributes(spec: DirectiveSpec, properties: Props): Record<string, string | number | boolean> {
  const attrs: Record<string, string | number | boolean> = {};
  for (const [key, attribute] of Object.entries(spec.attributes)) {
    const raw = readProp(properties, widgetAttributeProperty(key), widgetAttributeName(key));
    const parsed = raw === undefined ? undefined : parseAttribute(attribute, raw, { validate: false });
    if (parsed?.ok) attrs[key] = parsed.value;
    else if (attribute.default !== undefined) attrs[key] = attribute.default;
  }
  return attrs;
}

/**
 * Reads a `wb-widget` element's name and typed attributes back, from hast
 * properties or React props. Null when the element names no known widget.
 * Lenient: a value that does not parse falls back to the default (the lesson
 * check has already reported it).
 */
export function readWidgetAttrs(properties: Props): WidgetReading | null {
  const name = readProp(properties, "dataName", "data-name");
  const spec = name === undefined ? undefined : byName.get(name);
  if (!spec) return null;
  // The attributes were read with this very spec's schema.
  return { name: spec.name, attrs: readAttributes(spec, properties) } as WidgetReading;
}

/** Like readWidgetAttrs, for a caller that expects one particular widget. */
export function readWidgetAttrsOf<N extends DirectiveName>(name: N, properties: Props): DirectiveAttrs<N> | null {
  const reading = readWidgetAttrs(properties);
  return reading && reading.name === name ? (reading.attrs as DirectiveAttrs<N>) : null;
}

/** A `wb-callout`'s kind and optional title. */
export function readCalloutAttrs(properties: Props): { kind: string; title?: string } | null {
  const kind = readProp(properties, "dataKind", "data-kind");
  if (kind === undefined) return null;
  const title = readProp(properties, "dataTitle", "data-title");
  return title === undefined ? { kind } : { kind, title };
}
