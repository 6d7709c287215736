/**
 * Typed attribute schemas for directives. A schema says, per attribute, what
 * an author may write in `{…}` and what the UI gets back: a string, a number
 * (optionally whole, with bounds), a boolean switch, or one of a fixed set of
 * words. The same parser serves the lesson check (strict, with messages) and
 * the UI reading attributes back from the tree (lenient: the check already
 * reported anything wrong).
 */

interface AttributeBase<T> {
  /** One line for the authoring guide. */
  description: string;
  required?: boolean;
  /** Used when the author leaves the attribute out; the tree carries it explicitly. */
  default?: T;
  /** Extra domain check after the type check; returns what is wrong, or null. */
  validate?: (value: T) => string | null;
  /**
   * Read by the pipeline alone and never carried to the widget (a lab's `src`:
   * the tree holds the script read from it), so the tree is the same whichever
   * way the author wrote it.
   */
  pipelineOnly?: boolean;
}

export interface StringAttribute extends AttributeBase<string> {
  type: "string";
}

export interface NumberAttribute extends AttributeBase<number> {
  type: "number";
  integer?: boolean;
  min?: number;
  max?: number;
}

/** Written alone (`{cloud}`) or as `cloud=true` / `cloud=false`. */
export interface BooleanAttribute extends AttributeBase<boolean> {
  type: "boolean";
}

export interface EnumAttribute<V extends string = string> extends AttributeBase<V> {
  type: "enum";
  values: readonly V[];
}

export type AttributeSpec = StringAttribute | NumberAttribute | BooleanAttribute | EnumAttribute;

export type AttributeSchema = Readonly<Record<string, AttributeSpec>>;

/** The TypeScript type of one attribute's value. */
export type AttributeValue<S extends AttributeSpec> = S extends { type: "string" }
  ? string
  : S extends { type: "number" }
    ? number
    : S extends { type: "boolean" }
      ? boolean
      : S extends { type: "enum"; values: readonly (infer V)[] }
        ? V
        : never;

/** Attributes that always have a value: required ones and those with a default. */
type AlwaysPresent<A extends AttributeSchema> = {
  [K in keyof A]: A[K] extends { required: true } ? K : A[K] extends { default: unknown } ? K : never;
}[keyof A];

/** The typed attributes of one directive, as the UI reads them back. */
export type AttributeValues<A extends AttributeSchema> = { [K in AlwaysPresent<A>]: AttributeValue<A[K]> } & {
  [K in Exclude<keyof A, AlwaysPresent<A>>]?: AttributeValue<A[K]>;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; suggestion?: string };

/**
 * Attribute names are lowercase kebab-case words that start with a letter, so
 * `data-attr-NAME` round-trips through HTML and hast's camel-cased property names.
 */
export const ATTRIBUTE_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*$/;

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** "a whole number ≥ 2", "a number from 0 to 1", for messages and the guide. */
export function describeAllowed(spec: AttributeSpec): string {
  switch (spec.type) {
    case "string":
      return "text";
    case "boolean":
      return "a switch (write it alone, or =true / =false)";
    case "enum":
      return `one of ${spec.values.map((value) => `"${value}"`).join(", ")}`;
    case "number": {
      const kind = spec.integer ? "a whole number" : "a number";
      if (spec.min !== undefined && spec.max !== undefined) return `${kind} from ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${kind} ≥ ${spec.min}`;
      if (spec.max !== undefined) return `${kind} ≤ ${spec.max}`;
      return kind;
    }
  }
}

function parseNumber(spec: NumberAttribute, raw: string): Parsed<number> {
  const trimmed = raw.trim();
  const value = Number(trimmed);
  const fits =
    NUMBER_PATTERN.test(trimmed) &&
    (!spec.integer || Number.isInteger(value)) &&
    (spec.min === undefined || value >= spec.min) &&
    (spec.max === undefined || value <= spec.max);
  return fits ? { ok: true, value } : { ok: false, problem: `expects ${describeAllowed(spec)}, got "${raw}"` };
}

function parseBoolean(raw: string): Parsed<boolean> {
  // `{cloud}` arrives as the empty string, as HTML boolean attributes do.
  if (raw === "" || raw === "true") return { ok: true, value: true };
  if (raw === "false") return { ok: true, value: false };
  return { ok: false, problem: `is a switch: write it alone, or as =true or =false, not "${raw}"` };
}

function parseEnum(spec: EnumAttribute, raw: string, suggest: (input: string, candidates: readonly string[]) => string | undefined): Parsed<string> {
  if (spec.values.includes(raw)) return { ok: true, value: raw };
  const failure: Parsed<string> = { ok: false, problem: `expects ${describeAllowed(spec)}, got "${raw}"` };
  const suggestion = suggest(raw, spec.values);
  if (suggestion !== undefined) failure.suggestion = suggestion;
  return failure;
}

/**
 * Parses one attribute as written (a string; empty for a bare `{name}`). Runs
 * the spec's `validate` hook only when asked: the UI, reading a tree the check
 * already passed, skips it.
 */
export function parseAttribute(
  spec: AttributeSpec,
  raw: string,
  options: { validate: boolean; suggest?: (input: string, candidates: readonly string[]) => string | undefined } = { validate: true },
): Parsed<string | number | boolean> {
  let parsed: Parsed<string | number | boolean>;
  switch (spec.type) {
    case "string":
      parsed = raw === "" ? { ok: false, problem: "needs a value, e.g. name=\"…\"" } : { ok: true, value: raw };
      break;
    case "number":
      parsed = parseNumber(spec, raw);
      break;
    case "boolean":
      parsed = parseBoolean(raw);
      break;
    case "enum":
      parsed = parseEnum(spec, raw, options.suggest ?? (() => undefined));
      break;
  }
  if (!parsed.ok || !options.validate || !spec.validate) return parsed;
  // The hook's parameter type matches the spec's type, which `parsed` was built from.
  const problem = (spec.validate as (value: string | number | boolean) => string | null)(parsed.value);
  return problem === null ? parsed : { ok: false, problem };
}

/** The canonical text of a value in the tree: decimal numbers, "true"/"false". */
export function serialiseAttribute(value: string | number | boolean): string {
  return String(value);
}
