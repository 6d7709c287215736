/**
 * Proves the golden transcripts are still true of this machine's kernel: runs
 * every case (or those named) on the live kernel and compares its facts with
 * the golden ones. One result line per case, then `N passed, N failed`; exits
 * 1 on any mismatch, 0 with "skipped: …" when the sandbox cannot run here.
 *
 *   npx tsx src/parity/live-check.ts [--repeat N] [case…]
 *
 * `--repeat N` runs the whole set N times: a case must match every time, which
 * is how flaky settling shows itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_DIR, readCaseSource, readGolden, selectCases } from "./cases";
import { compareFacts, formatDifferences } from "./compare";
import { describeEnvironment, sameEnvironment, type KernelEnvironment } from "./environment";
import { extractFacts } from "./facts";
import { checkKernelAvailability } from "./kernel-availability";
import { runOnKernel } from "./kernel-runner";

function parseArgs(argv: string[]): { repeat: number; requested: string[] } {
  const at = argv.indexOf("--repeat");
  if (at < 0) return { repeat: 1, requested: argv };
  const repeat = Number(argv[at + 1]);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat takes a positive whole number");
  return { repeat, requested: argv.filter((_, i) => i !== at && i !== at + 1) };
}

/** A mismatch on another kernel or iproute2 may be a real change of behaviour: say so. */
function explainEnvironment(): void {
  const file = join(GOLDEN_DIR, "environment.json");
  if (!existsSync(file)) return;
  const golden = JSON.parse(readFileSync(file, "utf8")) as KernelEnvironment;
  const live = describeEnvironment();
  if (sameEnvironment(golden, live)) return;
  for (const key of Object.keys(live) as (keyof KernelEnvironment)[]) {
    if (golden[key] !== live[key]) console.log(`note: ${key} here is "${live[key]}", the golden transcripts were recorded with "${golden[key]}"`);
  }
}

const indent = (text: string): string => text.replace(/^/gm, "    ");

async function main(argv: string[]): Promise<number> {
  const { repeat, requested } = parseArgs(argv);
  const availability = checkKernelAvailability();
  if (!availability.available) {
    console.log(`skipped: ${availability.reason}`);
    return 0;
  }
  const cases = selectCases(requested);
  let passed = 0;
  let failed = 0;
  for (let round = 1; round <= repeat; round++) {
    for (const parityCase of cases) {
      const label = repeat > 1 ? `${parityCase.name} (run ${round})` : parityCase.name;
      const golden = readGolden(parityCase);
      if (!golden) {
        failed++;
        console.log(`FAIL ${label}: no golden transcript; record it with npx tsx src/parity/record.ts ${parityCase.name}`);
        continue;
      }
      const live = await runOnKernel(parityCase.script, readCaseSource(parityCase), { warn: (m) => console.warn(`  ${label}: ${m}`) });
      const differences = compareFacts(extractFacts(golden), extractFacts(live));
      if (differences.length === 0) {
        passed++;
        console.log(`ok   ${label}`);
      } else {
        failed++;
        console.log(`FAIL ${label}\n${indent(formatDifferences(differences, { expected: "golden", actual: "live" }))}`);
      }
    }
  }
  if (failed > 0) explainEnvironment();
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`live-check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
