/**
 * iptables 1.8.9's getopt table (iptables/xshared.c original_opts, optstring
 * "-:A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46")
 * and getopt_long's rule for abbreviated long options: an exact name wins,
 * else a unique prefix; an ambiguous prefix is an unknown option.
 */
export type ArgKind = "none" | "required" | "optional";

export interface GlobalOption {
  readonly short: string;
  readonly long: readonly string[];
  readonly arg: ArgKind;
}

function opt(short: string, arg: ArgKind, ...long: string[]): GlobalOption {
  return { short, long, arg };
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  opt("A", "required", "append"),
  opt("C", "required", "check"),
  opt("D", "required", "delete"),
  opt("R", "required", "replace"),
  opt("I", "required", "insert"),
  opt("L", "optional", "list"),
  opt("S", "optional", "list-rules"),
  opt("M", "required", "modprobe"),
  opt("F", "optional", "flush"),
  opt("Z", "optional", "zero"),
  opt("N", "required", "new-chain"),
  opt("X", "optional", "delete-chain"),
  opt("E", "required", "rename-chain"),
  opt("P", "required", "policy"),
  opt("V", "none", "version"),
  opt("h", "optional", "help"),
  opt("o", "required", "out-interface"),
  opt("p", "required", "protocol"),
  opt("s", "required", "source", "src"),
  opt("d", "required", "destination", "dst"),
  opt("j", "required", "jump"),
  opt("i", "required", "in-interface"),
  opt("f", "none", "fragments"),
  opt("b", "none"),
  opt("v", "none", "verbose"),
  opt("w", "optional", "wait"),
  opt("W", "optional", "wait-interval"),
  opt("n", "none", "numeric"),
  opt("t", "required", "table"),
  opt("m", "required", "match"),
  opt("x", "none", "exact"),
  opt("c", "required", "set-counters"),
  opt("g", "required", "goto"),
  opt("4", "none", "ipv4"),
  opt("6", "none", "ipv6"),
  opt("0", "none", "line-numbers"),
];

/** One entry of the long-option table: a global option or an extension's. */
export interface LongEntry {
  readonly name: string;
  /** Same key = same option for the ambiguity rule. */
  readonly key: string;
  readonly hasArg: ArgKind;
}

/** getopt_long: exact name, else the unique option (by key) the prefix denotes, else null. */
export function findLong(entries: readonly LongEntry[], name: string): LongEntry | null {
  const exact = entries.find((entry) => entry.name === name);
  if (exact !== undefined) return exact;
  const candidates = entries.filter((entry) => entry.name.startsWith(name));
  const first = candidates[0];
  if (first === undefined) return null;
  return candidates.every((entry) => entry.key === first.key && entry.hasArg === first.hasArg) ? first : null;
}
