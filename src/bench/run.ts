/**
 * `npm run bench`: every benchmark, each comparing against a baseline measured
 * in the same run, so results are ratios that survive a noisy shared machine.
 * Nothing here asserts a timing; it prints what it measured.
 */
import { runCidrBench } from "./cidr.bench";
import { runNetfilterBench } from "./netfilter.bench";
import { runNetworkBench } from "./network.bench";
import { formatReport } from "./report";
import { runTimeTravelBench } from "./time-travel.bench";
import type { BenchReport } from "./report";

const suites: Record<string, () => Promise<BenchReport>> = {
  cidr: runCidrBench,
  network: runNetworkBench,
  netfilter: runNetfilterBench,
  "time-travel": runTimeTravelBench,
};

async function main(filter: string[]) {
  const chosen = Object.entries(suites).filter(([name]) => filter.length === 0 || filter.includes(name));
  if (chosen.length === 0) {
    process.stderr.write(`bench: no suite named ${filter.join(", ")}; suites: ${Object.keys(suites).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  for (const [, run] of chosen) {
    process.stdout.write(formatReport(await run()) + "\n\n");
  }
}

void main(process.argv.slice(2));
