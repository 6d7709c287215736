/**
 * `npm run size`: how much JavaScript (gzip) a reader downloads before the
 * course home and a lesson page can run, from the production build. These
 * byte counts do not depend on the machine, so budgets on them are enforced
 * here (exit 1 when exceeded) and the README reports the figures.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { entryKey, keysMatching, staticClosure } from "./bundle-graph";
import type { Manifest } from "./bundle-graph";

/** Budgets in gzip bytes. Mermaid and other heavy parts must stay out of the initial load. */
export const BUDGETS = {
  initialJs: 150 * 1024,
  lessonPageJs: 170 * 1024,
};

/** The lesson whose page is measured: the first lesson of the course. */
const MEASURED_LESSON = "lessons/01-ip-addressing/index.md";

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runMeasureBundle(args: string[], io: Io): Promise<number> {
  const dist = args[0] ?? "dist";
  const manifestPath = join(dist, ".vite", "manifest.json");
  if (!existsSync(manifestPath)) {
    io.stderr.write(`size: ${manifestPath} not found — run npm run build first\n`);
    return 2;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const gz = (key: string) => gzipSync(readFileSync(join(dist, manifest[key]!.file))).length;
  const sum = (keys: string[]) => keys.reduce((total, key) => total + gz(key), 0);

  const initial = staticClosure(manifest, entryKey(manifest));
  const beyondInitial = (keys: string[]) => [...new Set(keys.flatMap((k) => staticClosure(manifest, k)))].filter((k) => !initial.includes(k));
  const lessonKeys = keysMatching(manifest, MEASURED_LESSON).filter((k) => !k.includes(".ko.md"));
  const lessonSource = lessonKeys.map((k) => readFileSync(join(dist, manifest[k]!.file), "utf8")).join("");
  // Widgets the lesson embeds are lazy chunks named after their folder (src/ui/widgets/NAME/index.ts).
  const widgetKeys = keysMatching(manifest, "src/ui/widgets/").filter((k) => {
    const name = /src\/ui\/widgets\/([^/]+)\//.exec(k)?.[1];
    return name !== undefined && lessonSource.includes(`"dataName":"${name}"`);
  });
  const workers = readdirSync(join(dist, "assets")).filter((f) => /^sim\.worker-.*\.js$/.test(f));
  const workerGzip = workers.reduce((total, f) => total + gzipSync(readFileSync(join(dist, "assets", f))).length, 0);
  const mermaidKeys = keysMatching(manifest, "node_modules/mermaid/");
  const heavyInInitial = initial.filter((k) => mermaidKeys.includes(k) || k.includes("mermaid"));

  const initialJsGzip = sum(initial);
  const lessonPageJsGzip = initialJsGzip + sum(beyondInitial(lessonKeys));
  const report = {
    initialJsGzip,
    lessonPageJsGzip,
    lessonWidgetsJsGzip: sum(beyondInitial(widgetKeys).filter((k) => !beyondInitial(lessonKeys).includes(k))) + workerGzip,
    widgets: widgetKeys,
    // mermaid's core; each diagram type is a further lazy chunk loaded only when used.
    mermaidJsGzip: sum(beyondInitial(mermaidKeys.filter((k) => k.includes("/mermaid/dist/mermaid.core")))),
    initialChunks: initial.map((k) => manifest[k]!.file),
  };
  writeFileSync(join(dist, "bundle-report.json"), JSON.stringify(report, null, 2) + "\n");

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  io.stdout.write(
    [
      `initial JavaScript, any page (gzip):         ${kb(report.initialJsGzip)}  (budget ${kb(BUDGETS.initialJs)})`,
      `lesson page ${MEASURED_LESSON} (gzip): ${kb(report.lessonPageJsGzip)}  (budget ${kb(BUDGETS.lessonPageJs)})`,
      `  + its widgets and the simulator worker, lazily:  ${kb(report.lessonWidgetsJsGzip)}`,
      `  + mermaid core, only on pages with a diagram:   ${kb(report.mermaidJsGzip)} (+ the diagram type's chunk)`,
      "",
    ].join("\n"),
  );

  const problems: string[] = [];
  if (lessonKeys.length === 0) problems.push(`no chunk for ${MEASURED_LESSON} in the build`);
  if (heavyInInitial.length > 0) problems.push(`mermaid is in the initial load: ${heavyInInitial.join(", ")}`);
  if (report.initialJsGzip > BUDGETS.initialJs) problems.push("initial JavaScript is over budget");
  if (report.lessonPageJsGzip > BUDGETS.lessonPageJs) problems.push("the lesson page's JavaScript is over budget");
  for (const problem of problems) io.stderr.write(`size: ${problem}\n`);
  return problems.length > 0 ? 1 : 0;
}
