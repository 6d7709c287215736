/**
 * The parity cases: lab scripts in cases/ named `NNN-what-it-tests.lab`, each
 * with its golden kernel transcript in kernel/NNN-what-it-tests.json.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Transcript } from "../sim/shell/transcript";

const HERE = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(HERE, "cases");
export const GOLDEN_DIR = join(HERE, "kernel");

export interface ParityCase {
  /** e.g. "001-seed-two-namespaces-on-a-bridge" */
  name: string;
  /** The script's file name, as transcripts record it. */
  script: string;
  path: string;
  goldenPath: string;
}

export function listCases(): ParityCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => /^\d{3}-.+\.lab$/.test(f))
    .sort()
    .map((script) => {
      const name = basename(script, ".lab");
      return { name, script, path: join(CASES_DIR, script), goldenPath: join(GOLDEN_DIR, `${name}.json`) };
    });
}

/**
 * The cases a command line names (by full name, number or any unique part of
 * the name), or all of them when it names none.
 */
export function selectCases(requested: readonly string[]): ParityCase[] {
  const all = listCases();
  if (requested.length === 0) return all;
  return requested.map((wanted) => {
    const exact = all.filter((c) => c.name === wanted || c.script === wanted || c.name.startsWith(`${wanted}-`));
    const matches = exact.length > 0 ? exact : all.filter((c) => c.name.includes(wanted));
    if (matches.length !== 1) throw new Error(`"${wanted}" names ${matches.length} cases${matches.length ? `: ${matches.map((c) => c.name).join(", ")}` : ""}`);
    return matches[0]!;
  });
}

export function readCaseSource(parityCase: ParityCase): string {
  return readFileSync(parityCase.path, "utf8");
}

export function readGolden(parityCase: ParityCase): Transcript | undefined {
  if (!existsSync(parityCase.goldenPath)) return undefined;
  return JSON.parse(readFileSync(parityCase.goldenPath, "utf8")) as Transcript;
}
