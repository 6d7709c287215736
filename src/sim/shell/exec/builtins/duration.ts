/** GNU's time intervals for `sleep` and `timeout`: a decimal number with an optional s, m, h or d suffix. */
const UNIT: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds, or undefined when coreutils would say "invalid time interval". */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNIT[m[2]!]!;
}
