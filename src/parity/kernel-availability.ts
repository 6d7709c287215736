/**
 * Whether this machine can run lab scripts on its own kernel: the sandbox needs
 * root (to create namespaces and mount in them) and util-linux's unshare(1) and
 * nsenter(1). Callers skip, never fail, when it cannot.
 */
import { spawnSync } from "node:child_process";

export type KernelAvailability = { available: true } | { available: false; reason: string };

/** The exit status of a run that was skipped, as automake's test harness and many CI tools read it. */
export const SKIPPED_EXIT = 77;

function hasProgram(name: string, versionFlag: string): boolean {
  const probe = spawnSync(name, [versionFlag], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

export function checkKernelAvailability(): KernelAvailability {
  if (process.platform !== "linux") return { available: false, reason: `not Linux (${process.platform})` };
  if (process.getuid?.() !== 0) return { available: false, reason: "not root" };
  for (const [program, versionFlag] of [["unshare", "--version"], ["nsenter", "--version"], ["ip", "-V"]] as const) {
    if (!hasProgram(program, versionFlag)) return { available: false, reason: `${program} is not available` };
  }
  return { available: true };
}
