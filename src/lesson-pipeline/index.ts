// Browser-safe public API of the lesson pipeline. Node-only parts are imported
// by path: scan-lessons.ts, check-lessons.ts (fs) and vite-plugin.ts.
export type * from "./types";
export * from "./hmr-events";
export * from "./tree-elements";
export { compileLesson, type CompileOptions } from "./compile-lesson";
export { formatDiagnostic } from "./diagnostic";
export {
  DIRECTIVES,
  DIRECTIVE_NAMES,
  findDirective,
  readCalloutAttrs,
  readWidgetAttrs,
  readWidgetAttrsOf,
  type DirectiveAttrs,
  type DirectiveName,
  type WidgetReading,
} from "./directives/registry";
