/**
 * One lesson file → CompiledLesson: front matter checked into LessonMeta, the
 * body parsed as CommonMark + GFM with directives, compiled to a sanitised
 * hast tree, its table of contents, and every diagnostic found on the way. A
 * lesson with errors still compiles to whatever tree is possible, carrying
 * its diagnostics. Pure and synchronous: runs in Vite, Node tests and the
 * checker alike.
 */
import type { Root as HastRoot } from "hast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { createDiagnostic, normaliseDiagnostics } from "./diagnostic";
import remarkDirectivePositions from "./directive-positions";
import { createDirectiveHandlers } from "./directives/compile-directive";
import type { DirectiveSpec } from "./directives/directive-spec";
import type { LabShell } from "./lab-shell";
import type { LessonFiles } from "./lesson-files";
import rehypeDropForgedElements from "./drop-forged-elements";
import { findFrontMatter, readFrontMatter } from "./front-matter";
import rehypeInPageLinks from "./in-page-links";
import { describeLessonPath } from "./lesson-path";
import { resolveLessonMeta } from "./lesson-meta";
import rehypeMermaidFences from "./mermaid-fences";
import remarkRestoreTextDirectives from "./restore-text-directives";
import { createSanitizeSchema } from "./sanitize-schema";
import { tableOfContents } from "./table-of-contents";
import type { CompiledLesson, Diagnostic, LessonMeta } from "./types";

export interface CompileOptions {
  /** The file's locale; read from its name by default (`index.ko.md` → `ko`). */
  locale?: string;
  /** The English lesson's meta when compiling a translation: it inherits what it omits. */
  base?: LessonMeta;
  /** Problems found by course-wide checks (duplicate slugs, unknown prerequisites) that belong to this file. */
  extraDiagnostics?: readonly Diagnostic[];
  /** The directives lessons may use; the registry's by default. For tests and previews of new widgets. */
  directives?: readonly DirectiveSpec[];
  /** Files beside the lesson, for a lab's `src` (lesson-files-node.ts reads them from disk); none by default. */
  files?: LessonFiles;
  /** The simulator's lab-script reader, so check lines are read as the lab will run them (see lab-shell.ts). */
  labShell?: LabShell;
}

/** A fresh random value per compile; see sanitize-schema.ts for why. */
function createOriginMarker(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Positions (and rehype-raw's parser notes) would double the size of every lesson chunk; the UI needs neither. */
function dropSourceDetails(tree: HastRoot): void {
  delete tree.data;
  visit(tree, (node) => {
    delete node.position;
  });
}

function createProcessor(file: string, originMarker: string, diagnostics: Diagnostic[], options: CompileOptions) {
  const { directives, files, labShell } = options;
  const handlers = createDirectiveHandlers({ file, originMarker, directives, files, labShell, report: (diagnostic) => diagnostics.push(diagnostic) });
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ["yaml"])
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkDirectivePositions)
      .use(remarkRestoreTextDirectives)
      // The sanitiser adds the clobber prefix; remark-rehype must not add it a second time.
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "", handlers })
      .use(rehypeRaw)
      .use(rehypeSanitize, createSanitizeSchema(originMarker, directives))
      .use(rehypeDropForgedElements, { originMarker })
      .use(rehypeSlug)
      .use(rehypeMermaidFences)
      .use(rehypeInPageLinks)
  );
}

export function compileLesson(source: string, file: string, options: CompileOptions = {}): CompiledLesson {
  const info = describeLessonPath(file);
  const locale = options.locale ?? info.locale;
  const diagnostics: Diagnostic[] = [...(options.extraDiagnostics ?? [])];
  const processor = createProcessor(file, createOriginMarker(), diagnostics, options);
  const vfile = new VFile({ path: file, value: source });

  const mdast = processor.parse(vfile);
  const reading = readFrontMatter(findFrontMatter(mdast));
  const { meta, problems } = resolveLessonMeta(reading, { ...info, locale }, options.base);
  for (const { at, ...problem } of problems) diagnostics.push(createDiagnostic(file, at, problem));

  const tree = processor.runSync(mdast, vfile) as HastRoot;
  const toc = tableOfContents(tree);
  dropSourceDetails(tree);
  return { meta, locale, file, tree, toc, diagnostics: normaliseDiagnostics(diagnostics) };
}
