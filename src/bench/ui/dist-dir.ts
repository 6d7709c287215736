/**
 * Which build bench:ui serves: `--dist DIR` (or `--dist=DIR`), dist/ by
 * default. A build made into another folder can then be measured while
 * dist/ belongs to something else (the e2e suite serves it).
 */
export const DEFAULT_DIST = "dist";

export function distDirOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--dist") return argv[i + 1] ?? DEFAULT_DIST;
    if (arg.startsWith("--dist=")) return arg.slice("--dist=".length) || DEFAULT_DIST;
  }
  return DEFAULT_DIST;
}
