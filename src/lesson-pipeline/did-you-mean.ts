/**
 * "Did you mean …?" for misspelt directive names, attributes and front matter
 * fields, by Levenshtein distance (fastest-levenshtein's `closest`).
 */
import { closest, distance } from "fastest-levenshtein";

/**
 * The candidate closest to `input`, if it is close enough to be a plausible
 * typo: at most a third of the longer word differs (so `subnet-explorr` →
 * `subnet-explorer`, but `foo` does not become `tip`).
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || input === "") return undefined;
  const lowered = input.toLowerCase();
  const best = closest(lowered, [...candidates]);
  const allowed = Math.max(1, Math.floor(Math.max(lowered.length, best.length) / 3));
  return distance(lowered, best) <= allowed ? best : undefined;
}
