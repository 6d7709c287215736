/**
 * The contract between the lesson pipeline (build time, Node) and the UI
 * (browser). Everything here is plain JSON-serialisable data: the pipeline
 * never produces React elements, and the UI never parses Markdown.
 */
import type { Root as HastRoot } from "hast";

/** Where in a lesson file something is, 1-based like editors show it. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type DiagnosticSeverity = "error" | "warning";

/** One problem found in a lesson file, printable as `file:line:column: message`. */
export interface Diagnostic {
  /** Path relative to the repository root, e.g. `lessons/01-ip-addressing/index.md`. */
  file: string;
  line: number;
  column: number;
  severity: DiagnosticSeverity;
  /** What is wrong, in one sentence. */
  message: string;
  /** A "did you mean …?" suggestion, when one is close enough. */
  suggestion?: string;
  /** A stable identifier for the kind of problem, e.g. `unknown-directive`. */
  code: string;
}

/** Front matter every lesson declares (see lessons/README.md). */
export interface LessonMeta {
  title: string;
  slug: string;
  order: number;
  summary: string;
  objectives: string[];
  prerequisites: string[];
  minutes: number;
}

/** A heading for the table of contents and deep links (`#id`). */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** A fully compiled lesson for one locale. */
export interface CompiledLesson {
  meta: LessonMeta;
  locale: string;
  file: string;
  /** Sanitised HTML AST. Widgets appear as `wb-widget` elements (see directives). */
  tree: HastRoot;
  toc: TocEntry[];
  diagnostics: Diagnostic[];
}

/** What the course home and navigation need, without loading lesson bodies. */
export interface LessonIndexEntry {
  slug: string;
  order: number;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  prerequisites: string[];
  /** Locales with their own file; English (`en`) is the fallback. */
  locales: string[];
  file: string;
  /** Errors that prevent the lesson from rendering at all (e.g. bad front matter). */
  diagnostics: Diagnostic[];
}
