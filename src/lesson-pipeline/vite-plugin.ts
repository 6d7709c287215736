/**
 * The Vite side of the pipeline: serves `virtual:wirebook/lessons` (index +
 * loadLesson) and one compiled module per lesson file, keeps both fresh while
 * lessons are edited, added or removed, and reports lesson problems — in the
 * dev error overlay, and as warnings in `vite build`. A broken lesson never
 * fails the build or the dev server: it renders its diagnostics in place and
 * the rest of the course works.
 */
import { existsSync } from "node:fs";
import { readSettledFile } from "./read-settled-file";
import path from "node:path";
import type { EnvironmentModuleNode, Plugin, ViteDevServer } from "vite";
import { checkLessons } from "./check-lessons";
import { codeFrame } from "./code-frame";
import { compileLesson } from "./compile-lesson";
import { formatDiagnostic, hasErrors, pluralise } from "./diagnostic";
import { LESSONS_VIRTUAL_MODULE } from "./hmr-events";
import type { LabShell } from "./lab-shell";
import { filesBeside } from "./lesson-files-node";
import { toPosixPath } from "./lesson-path";
import { compileScannedFile, findScannedFile, scanLessons, type LessonScan } from "./scan-lessons";
import type { CompiledLesson } from "./types";
import { indexModuleCode, lessonModuleCode, lessonModuleId, lessonPathFromModuleId } from "./virtual-module-code";

export interface WirebookLessonsOptions {
  /** Lesson folders, relative to the Vite root (or absolute). */
  dirs: string[];
  /** Show lesson errors in Vite's dev error overlay (default true). */
  overlay?: boolean;
  /** The simulator's lab-script reader, so check lines are parsed as in `lessons:check` (lab-shell.ts). */
  labShell?: LabShell;
}

const PLUGIN_NAME = "wirebook-lessons";
const RESOLVED_INDEX_ID = `\0${LESSONS_VIRTUAL_MODULE}`;

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** The dev overlay's error for a lesson: every problem listed, the first error framed. */
function overlayError(lesson: CompiledLesson, absolutePath: string, source: string) {
  const first = lesson.diagnostics.find((diagnostic) => diagnostic.severity === "error") ?? lesson.diagnostics[0];
  const errors = lesson.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  return {
    type: "error" as const,
    err: {
      message: `${lesson.file}: ${pluralise(errors, "error")} (the lesson still renders, with its problems shown in place)\n${lesson.diagnostics.map(formatDiagnostic).join("\n")}`,
      stack: "",
      id: absolutePath,
      plugin: PLUGIN_NAME,
      frame: first ? codeFrame(source, first.line, first.column) : "",
      loc: first ? { file: absolutePath, line: first.line, column: first.column } : undefined,
    },
  };
}

export function wirebookLessons(options: WirebookLessonsOptions): Plugin {
  let root = process.cwd();
  let command: "serve" | "build" = "serve";
  let server: ViteDevServer | undefined;
  let scan: LessonScan | undefined;
  /** In a build, every lesson is compiled once up front (to report) and reused by `load`. */
  let prebuilt = new Map<string, { lesson: CompiledLesson; dependencies: readonly string[] }>();
  let lastHotUpdate: { timestamp: number; indexChanged: boolean } | undefined;

  const lessonDirs = () => options.dirs.map((dir) => path.resolve(root, dir));
  const rescan = (): LessonScan => (scan = scanLessons(root, options.dirs));
  const currentScan = (): LessonScan => scan ?? rescan();
  const isLessonSource = (file: string) => file.endsWith(".md") && lessonDirs().some((dir) => isInside(path.resolve(file), dir));

  /** `/lessons/a.md`, `/@fs/abs/a.md` or an absolute path → the file on disk. */
  const resolveLessonFile = (requested: string): string | null => {
    const withoutFs = requested.startsWith("/@fs/") ? requested.slice(4) : requested;
    const candidates = [path.join(root, withoutFs), path.resolve(withoutFs)];
    return candidates.find((candidate) => existsSync(candidate)) ?? null;
  };

  const compileFile = async (absolutePath: string): Promise<{ lesson: CompiledLesson; source: string; dependencies: readonly string[] }> => {
    const source = await readSettledFile(absolutePath);
    const cached = prebuilt.get(absolutePath);
    if (cached) return { ...cached, source };
    const files = filesBeside(absolutePath);
    const services = { files, ...(options.labShell ? { labShell: options.labShell } : {}) };
    let found = findScannedFile(currentScan(), absolutePath);
    if (!found) found = findScannedFile(rescan(), absolutePath);
    const lesson = found
      ? compileScannedFile(currentScan(), found.lesson, found.ref, source, services)
      : compileLesson(source, toPosixPath(path.relative(root, absolutePath)), services);
    return { lesson, source, dependencies: files.dependencies };
  };

  return {
    name: PLUGIN_NAME,

    configResolved(config) {
      root = config.root;
      command = config.command;
    },

    buildStart() {
      scan = undefined;
      prebuilt = new Map();
      if (command !== "build") return;
      const check = checkLessons(root, options.dirs, options.labShell ? { labShell: options.labShell } : {});
      scan = check.scan;
      for (const lesson of check.compiled) {
        const absolutePath = path.resolve(root, lesson.file);
        prebuilt.set(absolutePath, { lesson, dependencies: check.dependencies.get(absolutePath) ?? [] });
      }
      for (const diagnostic of check.diagnostics) this.warn(formatDiagnostic(diagnostic));
    },

    configureServer(devServer) {
      server = devServer;
      devServer.watcher.add(lessonDirs());
    },

    resolveId(source) {
      if (source === LESSONS_VIRTUAL_MODULE) return RESOLVED_INDEX_ID;
      const requested = lessonPathFromModuleId(source);
      if (requested === null) return null;
      const file = resolveLessonFile(requested);
      return file ? lessonModuleId(file) : null;
    },

    async load(id) {
      if (id === RESOLVED_INDEX_ID) return indexModuleCode(currentScan());
      const file = lessonPathFromModuleId(id);
      if (file === null) return null;
      const { lesson, source, dependencies } = await compileFile(file);
      // A file the lesson read (or looked for) becomes part of its module: Vite watches it, and
      // editing or creating bridge.lab hot-reloads every lesson file that reads it.
      for (const dependency of dependencies) this.addWatchFile(dependency);
      const inBrowser = this.environment?.name === "client";
      if (command === "serve" && inBrowser && server && options.overlay !== false && hasErrors(lesson.diagnostics)) {
        server.ws.send(overlayError(lesson, file, source));
      }
      return lessonModuleCode(lesson);
    },

    async hotUpdate({ type, file, modules, timestamp }) {
      if (!isLessonSource(file)) return undefined;
      // Let a save that is still being written finish before the rescan reads it.
      if (type !== "delete") await readSettledFile(file).catch(() => "");
      // hotUpdate runs once per environment for the same change; rescan once.
      if (lastHotUpdate?.timestamp !== timestamp) {
        const before = JSON.stringify(scan?.index ?? null);
        const after = JSON.stringify(rescan().index);
        lastHotUpdate = { timestamp, indexChanged: before !== after };
      }
      const graph = this.environment.moduleGraph;
      const current = currentScan();
      const affected = new Set<EnvironmentModuleNode>(type === "delete" ? [] : modules);
      // Translations inherit the English front matter: refresh the whole lesson.
      const found = findScannedFile(current, file);
      for (const ref of found?.lesson.files ?? []) {
        for (const module of graph.getModulesByFile(ref.path) ?? []) affected.add(module);
      }
      if (lastHotUpdate.indexChanged) {
        const indexModule = graph.getModuleById(RESOLVED_INDEX_ID);
        if (indexModule) affected.add(indexModule);
        // Course-wide problems (a slug now taken, a prerequisite now missing) may
        // have changed for other lessons: recompile them when next loaded.
        for (const lesson of current.lessons) {
          for (const ref of lesson.files) {
            for (const module of graph.getModulesByFile(ref.path) ?? []) {
              if (!affected.has(module)) graph.invalidateModule(module);
            }
          }
        }
      }
      return [...affected];
    },
  };
}
