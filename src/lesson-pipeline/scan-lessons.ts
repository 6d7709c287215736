/**
 * Finds the course's lessons on disk (Node fs), groups each lesson's locale
 * variants, reads their front matter and checks the rules that span lessons:
 * slugs and orders are unique, prerequisites name existing lessons and do not
 * go round in a circle. The result feeds the course index, the Vite plugin
 * and the checker. Only front matter is read here; bodies are compiled on
 * demand (compileScannedFile).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { compileLesson } from "./compile-lesson";
import { createDiagnostic, normaliseDiagnostics, type Problem } from "./diagnostic";
import { didYouMean } from "./did-you-mean";
import { findFrontMatter, readFrontMatter, type FrontMatterReading } from "./front-matter";
import type { LabShell } from "./lab-shell";
import type { LessonFiles } from "./lesson-files";
import { filesBeside } from "./lesson-files-node";
import { BASE_LOCALE, describeLessonPath, isFolderLessonFile, isTopLevelLessonFile, toPosixPath } from "./lesson-path";
import { resolveLessonMeta } from "./lesson-meta";
import type { CompiledLesson, Diagnostic, LessonIndexEntry, LessonMeta, SourcePosition } from "./types";

export interface LessonFileRef {
  /** Repo-relative, forward slashes: what diagnostics print. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  locale: string;
}

export interface ScannedLesson {
  /** The English file, if there is one. */
  base: LessonFileRef | undefined;
  /** English first, then translations by locale. */
  files: LessonFileRef[];
  /** The English meta (with fallbacks when broken); translations inherit from it. */
  meta: LessonMeta;
  entry: LessonIndexEntry;
}

export interface LessonScan {
  rootDir: string;
  /** One entry per slug, sorted by order; lessons whose slug is taken are left out (and reported). */
  index: LessonIndexEntry[];
  /** Every lesson found, sorted by order then file. */
  lessons: ScannedLesson[];
  /** Problems that span files, or concern a folder rather than a lesson. */
  courseDiagnostics: Diagnostic[];
}

interface Candidate {
  files: LessonFileRef[];
  reading: FrontMatterReading;
  meta: LessonMeta;
  ownDiagnostics: Diagnostic[];
  main: LessonFileRef;
}

const frontMatterParser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

/**
 * The scan runs on every lesson save in dev, so it parses only the lines up to
 * the closing fence — remark-frontmatter still decides what the block is.
 * Without a closing fence, the whole file is parsed, as compileLesson would.
 */
const FRONT_MATTER_PREFIX = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

function readLessonFront(source: string): FrontMatterReading {
  const prefix = FRONT_MATTER_PREFIX.exec(source)?.[0] ?? source;
  return readFrontMatter(findFrontMatter(frontMatterParser.parse(prefix)));
}

function isVisible(name: string): boolean {
  return !name.startsWith(".") && !name.startsWith("_") && name !== "node_modules";
}

function fileRef(rootDir: string, absolute: string): LessonFileRef {
  const file = toPosixPath(path.relative(rootDir, absolute));
  return { file, path: absolute, locale: describeLessonPath(file).locale };
}

/** Lesson files of one lesson folder, grouped by lesson. */
function collectGroups(rootDir: string, dirAbs: string): LessonFileRef[][] {
  const groups = new Map<string, LessonFileRef[]>();
  const add = (key: string, absolute: string) => {
    const group = groups.get(key) ?? [];
    group.push(fileRef(rootDir, absolute));
    groups.set(key, group);
  };
  for (const entry of readdirSync(dirAbs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!isVisible(entry.name)) continue;
    const absolute = path.join(dirAbs, entry.name);
    if (entry.isFile() && isTopLevelLessonFile(entry.name)) {
      add(`file:${describeLessonPath(entry.name).key}`, absolute);
    } else if (entry.isDirectory()) {
      for (const inner of readdirSync(absolute).sort()) {
        if (isFolderLessonFile(inner)) add(`dir:${entry.name}`, path.join(absolute, inner));
      }
    }
  }
  return [...groups.values()].map((files) =>
    files.sort((a, b) => (a.locale === BASE_LOCALE ? -1 : b.locale === BASE_LOCALE ? 1 : a.locale < b.locale ? -1 : 1)),
  );
}

function readCandidate(files: LessonFileRef[]): Candidate {
  const main = files[0] as LessonFileRef;
  const reading = readLessonFront(readFileSync(main.path, "utf8"));
  const { meta, problems } = resolveLessonMeta(reading, describeLessonPath(main.file));
  const ownDiagnostics = problems.map(({ at, ...problem }) => createDiagnostic(main.file, at, problem));
  return { files, reading, meta, ownDiagnostics, main };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return a.meta.order - b.meta.order || (a.main.file < b.main.file ? -1 : a.main.file > b.main.file ? 1 : 0);
}

/** The cross-lesson rules; each problem is reported in the file that can fix it. */
function checkCourse(candidates: Candidate[], report: (file: string, at: SourcePosition, problem: Problem) => void): Set<Candidate> {
  const shadowed = new Set<Candidate>();
  const bySlug = new Map<string, Candidate>();
  const byOrder = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const { slug, order } = candidate.meta;
    const first = bySlug.get(slug);
    if (first) {
      shadowed.add(candidate);
      report(candidate.main.file, candidate.reading.positions.slug ?? { line: 1, column: 1 }, {
        code: "duplicate-slug",
        message: `slug "${slug}" is already used by ${first.main.file}: each lesson needs its own`,
      });
    } else {
      bySlug.set(slug, candidate);
    }
    if (candidate.reading.fields.order === undefined) continue;
    const sameOrder = byOrder.get(order);
    if (sameOrder) {
      report(candidate.main.file, candidate.reading.positions.order ?? { line: 1, column: 1 }, {
        code: "duplicate-order",
        message: `order ${order} is already used by ${sameOrder.main.file}: each lesson needs its own place in the course`,
      });
    } else {
      byOrder.set(order, candidate);
    }
  }

  const slugs = [...bySlug.keys()];
  for (const candidate of candidates) {
    candidate.meta.prerequisites.forEach((prerequisite, index) => {
      const at = candidate.reading.prerequisitePositions[index] ?? { line: 1, column: 1 };
      const target = bySlug.get(prerequisite);
      if (prerequisite === candidate.meta.slug) {
        report(candidate.main.file, at, { code: "prerequisite-self", message: "a lesson cannot be its own prerequisite" });
      } else if (!target) {
        const problem: Problem = { code: "unknown-prerequisite", message: `prerequisite "${prerequisite}" names no lesson in the course` };
        const suggestion = didYouMean(prerequisite, slugs);
        if (suggestion !== undefined) problem.suggestion = suggestion;
        report(candidate.main.file, at, problem);
      } else if (target.meta.order > candidate.meta.order && target.reading.fields.order !== undefined) {
        report(candidate.main.file, at, {
          code: "prerequisite-order",
          severity: "warning",
          message: `prerequisite "${prerequisite}" comes later in the course (order ${target.meta.order} > ${candidate.meta.order})`,
        });
      }
    });
  }
  checkPrerequisiteCycles(bySlug, report);
  return shadowed;
}

/** Depth-first search; an edge back into the current path closes a cycle. */
function checkPrerequisiteCycles(bySlug: Map<string, Candidate>, report: (file: string, at: SourcePosition, problem: Problem) => void): void {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (slug: string): void => {
    const candidate = bySlug.get(slug);
    if (!candidate || done.has(slug)) return;
    path.push(slug);
    candidate.meta.prerequisites.forEach((next, index) => {
      if (next === slug) return;
      const loopStart = path.indexOf(next);
      if (loopStart >= 0) {
        report(candidate.main.file, candidate.reading.prerequisitePositions[index] ?? { line: 1, column: 1 }, {
          code: "prerequisite-cycle",
          message: `prerequisites go round in a circle: ${[...path.slice(loopStart), next].join(" → ")}`,
        });
      } else {
        visit(next);
      }
    });
    path.pop();
    done.add(slug);
  };
  for (const slug of bySlug.keys()) visit(slug);
}

function indexEntry(candidate: Candidate, diagnostics: Diagnostic[]): LessonIndexEntry {
  const { meta } = candidate;
  return {
    slug: meta.slug,
    order: meta.order,
    title: meta.title,
    summary: meta.summary,
    minutes: meta.minutes,
    objectives: meta.objectives,
    prerequisites: meta.prerequisites,
    locales: candidate.files.map((ref) => ref.locale),
    file: candidate.main.file,
    diagnostics,
  };
}

export function scanLessons(rootDir: string, dirs: readonly string[]): LessonScan {
  const courseDiagnostics: Diagnostic[] = [];
  const report = (file: string, at: SourcePosition, problem: Problem) => courseDiagnostics.push(createDiagnostic(file, at, problem));
  const candidates: Candidate[] = [];
  for (const dir of dirs) {
    const dirAbs = path.resolve(rootDir, dir);
    if (!existsSync(dirAbs) || !statSync(dirAbs).isDirectory()) {
      const shown = toPosixPath(path.relative(rootDir, dirAbs)) || ".";
      report(shown, { line: 1, column: 1 }, { code: "lesson-dir-missing", message: `lesson folder ${shown} does not exist` });
      continue;
    }
    for (const files of collectGroups(rootDir, dirAbs)) candidates.push(readCandidate(files));
  }
  candidates.sort(compareCandidates);
  const shadowed = checkCourse(candidates, report);

  const lessons = candidates.map((candidate): ScannedLesson => {
    const diagnostics = normaliseDiagnostics([
      ...candidate.ownDiagnostics,
      ...courseDiagnostics.filter((diagnostic) => diagnostic.file === candidate.main.file),
    ]);
    return {
      base: candidate.files.find((ref) => ref.locale === BASE_LOCALE),
      files: candidate.files,
      meta: candidate.meta,
      entry: indexEntry(candidate, diagnostics),
    };
  });
  return {
    rootDir,
    index: lessons.filter((_lesson, position) => !shadowed.has(candidates[position] as Candidate)).map((lesson) => lesson.entry),
    lessons,
    courseDiagnostics: normaliseDiagnostics(courseDiagnostics),
  };
}

/** The lesson a file on disk belongs to, if any. */
export function findScannedFile(scan: LessonScan, absolutePath: string): { lesson: ScannedLesson; ref: LessonFileRef } | undefined {
  const wanted = path.resolve(absolutePath);
  for (const lesson of scan.lessons) {
    const ref = lesson.files.find((candidate) => path.resolve(candidate.path) === wanted);
    if (ref) return { lesson, ref };
  }
  return undefined;
}

/** What compiling a lesson file may use besides its text. */
export interface CompileServices {
  /** Files beside the lesson (a lab's `src`); read from the lesson's folder on disk by default. */
  files?: LessonFiles;
  /** The simulator's lab-script reader, when the caller may load it (lab-shell.ts). */
  labShell?: LabShell;
}

/**
 * Compiles one file of a scanned lesson: translations inherit the English
 * meta, and the course-wide problems of this file travel with it.
 */
export function compileScannedFile(
  scan: LessonScan,
  lesson: ScannedLesson,
  ref: LessonFileRef,
  source = readFileSync(ref.path, "utf8"),
  services: CompileServices = {},
): CompiledLesson {
  const options: Parameters<typeof compileLesson>[2] = {
    locale: ref.locale,
    extraDiagnostics: scan.courseDiagnostics.filter((diagnostic) => diagnostic.file === ref.file),
    files: services.files ?? filesBeside(ref.path),
  };
  if (services.labShell) options.labShell = services.labShell;
  if (ref.locale !== BASE_LOCALE && lesson.base) options.base = lesson.meta;
  return compileLesson(source, ref.file, options);
}
