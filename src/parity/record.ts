/**
 * Re-records golden kernel transcripts: runs the named cases (all by default)
 * on this machine's kernel and writes kernel/NNN-….json, plus the
 * environment they were recorded on (kernel/ENVIRONMENT.md, environment.json).
 *
 *   npx tsx src/parity/record.ts [case…]
 *
 * Exits 77 ("skipped") when this machine cannot run the sandbox.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_DIR, readCaseSource, selectCases } from "./cases";
import { describeEnvironment, environmentMarkdown, sameEnvironment, type KernelEnvironment } from "./environment";
import { checkKernelAvailability, SKIPPED_EXIT } from "./kernel-availability";
import { runOnKernel } from "./kernel-runner";

async function main(requested: string[]): Promise<number> {
  const availability = checkKernelAvailability();
  if (!availability.available) {
    console.log(`skipped: ${availability.reason}`);
    return SKIPPED_EXIT;
  }
  const cases = selectCases(requested);
  const environment = describeEnvironment();
  const environmentFile = join(GOLDEN_DIR, "environment.json");
  const recorded = existsSync(environmentFile) ? (JSON.parse(readFileSync(environmentFile, "utf8")) as KernelEnvironment) : undefined;
  if (requested.length > 0 && recorded && !sameEnvironment(recorded, environment)) {
    console.warn("warning: this machine differs from the one the other golden transcripts were recorded on; re-record them all to keep one environment");
  }
  for (const parityCase of cases) {
    const started = performance.now();
    const transcript = await runOnKernel(parityCase.script, readCaseSource(parityCase), {
      warn: (m) => console.warn(`  ${parityCase.name}: ${m}`),
    });
    writeFileSync(parityCase.goldenPath, `${JSON.stringify(transcript, null, 2)}\n`);
    console.log(`recorded ${parityCase.name} (${transcript.steps.length} steps, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  writeFileSync(environmentFile, `${JSON.stringify(environment, null, 2)}\n`);
  writeFileSync(join(GOLDEN_DIR, "ENVIRONMENT.md"), environmentMarkdown(environment));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`record: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
