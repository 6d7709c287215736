/**
 * Reads and checks a lesson's YAML front matter. Every problem points at the
 * YAML node it is about: the `yaml` package gives each node a character range
 * inside the front matter, its LineCounter turns that into line:column, and we
 * shift the line by where the front matter starts in the file.
 */
import type { Root as MdastRoot } from "mdast";
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Node as YamlNode, Pair } from "yaml";
import { didYouMean } from "./did-you-mean";
import type { Problem } from "./diagnostic";
import type { LessonMeta, SourcePosition } from "./types";

export type FieldName = keyof LessonMeta;

/** The fields of lessons/README.md, in the order the guide lists them. */
export const FRONT_MATTER_FIELDS: readonly FieldName[] = [
  "title",
  "slug",
  "order",
  "summary",
  "objectives",
  "prerequisites",
  "minutes",
];

/** kebab-case: lowercase words of letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MIN_OBJECTIVES = 3;
export const MAX_OBJECTIVES = 5;

/** The YAML between the `---` fences, and the file line of the opening fence. */
export interface FrontMatterBlock {
  text: string;
  fenceLine: number;
}

export interface LocatedProblem extends Problem {
  at: SourcePosition;
}

export interface FrontMatterReading {
  /** Whether the file has a front matter block at all. */
  present: boolean;
  /** Whether the YAML parsed into a mapping without syntax errors (else "missing field" would be noise). */
  wellFormed: boolean;
  /** Fields that were given with a valid value. */
  fields: Partial<LessonMeta>;
  /** Where each given field's value starts in the file (also for invalid values). */
  positions: Partial<Record<FieldName, SourcePosition>>;
  /** Where each prerequisite is written, parallel to `fields.prerequisites`. */
  prerequisitePositions: SourcePosition[];
  /** Where "missing field" problems point: the opening fence. */
  start: SourcePosition;
  problems: LocatedProblem[];
}

/** remark-frontmatter puts the block first in the tree as a `yaml` node. */
export function findFrontMatter(tree: MdastRoot): FrontMatterBlock | null {
  const first = tree.children[0];
  if (first?.type !== "yaml" || !first.position) return null;
  return { text: first.value, fenceLine: first.position.start.line };
}

interface ReadContext {
  positionOf(node: YamlNode | Pair | null | undefined, fallback: SourcePosition): SourcePosition;
  report(at: SourcePosition, problem: Problem): void;
}

/** How a YAML value reads in a message: `the number 3`, `a list`, `nothing`. */
function describeValue(node: YamlNode | null | undefined): string {
  if (!node) return "nothing";
  if (isSeq(node)) return "a list";
  if (isMap(node)) return "a mapping";
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return "nothing";
    if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
    if (typeof value === "number") return `the number ${value}`;
    if (typeof value === "boolean") return `the boolean ${value}`;
  }
  return "a value of another kind";
}

function checkText(field: FieldName, node: YamlNode | null, ctx: ReadContext, at: SourcePosition): string | undefined {
  if (isScalar(node) && typeof node.value === "string") {
    if (node.value.trim() !== "") return node.value.trim();
    ctx.report(at, { code: "front-matter-empty", message: `"${field}" is empty: write some text after "${field}:"` });
    return undefined;
  }
  const quoteHint = isScalar(node) && node.value !== null && node.value !== undefined ? " — put it in quotes if it is meant as text" : "";
  ctx.report(at, { code: "front-matter-type", message: `"${field}" must be text, got ${describeValue(node)}${quoteHint}` });
  return undefined;
}

function checkSlug(node: YamlNode | null, ctx: ReadContext, at: SourcePosition, field: string): string | undefined {
  if (!(isScalar(node) && typeof node.value === "string")) {
    ctx.report(at, { code: "front-matter-type", message: `"${field}" must be a kebab-case slug, got ${describeValue(node)}` });
    return undefined;
  }
  if (SLUG_PATTERN.test(node.value)) return node.value;
  const kebab = node.value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const problem: Problem = {
    code: "front-matter-slug",
    message: `"${node.value}" is not a kebab-case slug: use lowercase letters, digits and single hyphens`,
  };
  if (SLUG_PATTERN.test(kebab)) problem.suggestion = kebab;
  ctx.report(at, problem);
  return undefined;
}

function checkNumber(field: FieldName, node: YamlNode | null, ctx: ReadContext, at: SourcePosition, positiveInteger: boolean): number | undefined {
  const wanted = positiveInteger ? "a positive whole number" : "a number";
  if (isScalar(node) && typeof node.value === "number" && Number.isFinite(node.value)) {
    if (!positiveInteger || (Number.isInteger(node.value) && node.value > 0)) return node.value;
    ctx.report(at, { code: "front-matter-range", message: `"${field}" must be ${wanted}, got ${node.value}` });
    return undefined;
  }
  const problem: Problem = { code: "front-matter-type", message: `"${field}" must be ${wanted}, got ${describeValue(node)}` };
  if (isScalar(node) && typeof node.value === "string" && node.value.trim() !== "" && Number.isFinite(Number(node.value))) {
    problem.message += " — remove the quotes";
  }
  ctx.report(at, problem);
  return undefined;
}

function checkObjectives(node: YamlNode | null, ctx: ReadContext, at: SourcePosition): string[] | undefined {
  if (!isSeq(node)) {
    ctx.report(at, {
      code: "front-matter-type",
      message: `"objectives" must be a list of ${MIN_OBJECTIVES}–${MAX_OBJECTIVES} things the student can do, got ${describeValue(node)}`,
    });
    return undefined;
  }
  const objectives: string[] = [];
  let valid = true;
  for (const item of node.items) {
    const itemAt = ctx.positionOf(item as YamlNode, at);
    const text = checkText("objectives", (item as YamlNode | null) ?? null, ctx, itemAt);
    if (text === undefined) valid = false;
    else objectives.push(text);
  }
  if (node.items.length < MIN_OBJECTIVES || node.items.length > MAX_OBJECTIVES) {
    ctx.report(at, {
      code: "front-matter-objectives",
      message: `a lesson has ${MIN_OBJECTIVES}–${MAX_OBJECTIVES} objectives, this one has ${node.items.length}`,
    });
  }
  return valid ? objectives : undefined;
}

function checkPrerequisites(node: YamlNode | null, ctx: ReadContext, at: SourcePosition, positions: SourcePosition[]): string[] | undefined {
  if (!isSeq(node)) {
    ctx.report(at, {
      code: "front-matter-type",
      message: `"prerequisites" must be a list of lesson slugs (write [] for none), got ${describeValue(node)}`,
    });
    return undefined;
  }
  const slugs: string[] = [];
  let valid = true;
  for (const item of node.items) {
    const itemAt = ctx.positionOf(item as YamlNode, at);
    const slug = checkSlug((item as YamlNode | null) ?? null, ctx, itemAt, "prerequisites");
    if (slug === undefined) valid = false;
    else {
      slugs.push(slug);
      positions.push(itemAt);
    }
  }
  return valid ? slugs : undefined;
}

function checkField(
  field: FieldName,
  node: YamlNode | null,
  ctx: ReadContext,
  at: SourcePosition,
  reading: FrontMatterReading,
): void {
  const fields = reading.fields;
  switch (field) {
    case "title":
    case "summary": {
      const text = checkText(field, node, ctx, at);
      if (text !== undefined) fields[field] = text;
      return;
    }
    case "slug": {
      const slug = checkSlug(node, ctx, at, "slug");
      if (slug !== undefined) fields.slug = slug;
      return;
    }
    case "order": {
      const order = checkNumber("order", node, ctx, at, false);
      if (order !== undefined) fields.order = order;
      return;
    }
    case "minutes": {
      const minutes = checkNumber("minutes", node, ctx, at, true);
      if (minutes !== undefined) fields.minutes = minutes;
      return;
    }
    case "objectives": {
      const objectives = checkObjectives(node, ctx, at);
      if (objectives !== undefined) fields.objectives = objectives;
      return;
    }
    case "prerequisites": {
      const prerequisites = checkPrerequisites(node, ctx, at, reading.prerequisitePositions);
      if (prerequisites !== undefined) fields.prerequisites = prerequisites;
      return;
    }
  }
}

function isFieldName(name: string): name is FieldName {
  return (FRONT_MATTER_FIELDS as readonly string[]).includes(name);
}

/**
 * Parses the block and checks every field it contains: types, ranges, unknown
 * and duplicate keys. Which fields are *required* depends on whether the file
 * is a translation, so that is left to lesson-meta.ts.
 */
export function readFrontMatter(block: FrontMatterBlock | null): FrontMatterReading {
  const start: SourcePosition = { line: block?.fenceLine ?? 1, column: 1 };
  const reading: FrontMatterReading = {
    present: block !== null,
    wellFormed: true,
    fields: {},
    positions: {},
    prerequisitePositions: [],
    start,
    problems: [],
  };
  if (!block) return reading;

  const lineCounter = new LineCounter();
  const document = parseDocument(block.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // YAML line 1 is the line after the opening `---` fence.
  const toFile = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: block.fenceLine + line, column: col };
  };
  const ctx: ReadContext = {
    positionOf(node, fallback) {
      const range = node && "range" in node ? node.range : undefined;
      return range ? toFile(range[0]) : fallback;
    },
    report(at, problem) {
      reading.problems.push({ at, ...problem });
    },
  };

  for (const error of document.errors) {
    reading.wellFormed = false;
    ctx.report(toFile(error.pos[0]), { code: "front-matter-syntax", message: `front matter is not valid YAML: ${error.message}` });
  }
  for (const warning of document.warnings) {
    ctx.report(toFile(warning.pos[0]), { code: "front-matter-syntax", severity: "warning", message: warning.message });
  }

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return reading;
  if (!isMap(contents)) {
    reading.wellFormed = false;
    ctx.report(ctx.positionOf(contents, start), {
      code: "front-matter-type",
      message: `front matter must be a mapping of fields (title: …, slug: …), got ${describeValue(contents)}`,
    });
    return reading;
  }

  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const keyAt = ctx.positionOf(keyNode, start);
    const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (name === undefined || !isFieldName(name)) {
      const problem: Problem = {
        code: "front-matter-unknown-field",
        message: `unknown front matter field "${name ?? describeValue(keyNode)}": lessons take ${FRONT_MATTER_FIELDS.join(", ")}`,
      };
      const suggestion = name === undefined ? undefined : didYouMean(name, FRONT_MATTER_FIELDS);
      if (suggestion !== undefined) problem.suggestion = suggestion;
      ctx.report(keyAt, problem);
      continue;
    }
    // A repeated key is already a YAML error; check only its first value.
    if (reading.positions[name] !== undefined) continue;
    const valueNode = (pair.value as YamlNode | null) ?? null;
    const valueAt = ctx.positionOf(valueNode, keyAt);
    reading.positions[name] = valueAt;
    checkField(name, valueNode, ctx, valueAt, reading);
  }
  return reading;
}
