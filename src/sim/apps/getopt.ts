/**
 * POSIX/GNU getopt(3) for the userland programs: clustered flags (`-qc3`),
 * an option's argument attached or in the next word, `--` ends options, and
 * GNU's permutation (operands may come before options: `ping 10.0.0.2 -c 1`).
 */

export interface ParsedOptions {
  /** Options in the order given, each with its argument if it takes one. */
  readonly options: readonly { readonly name: string; readonly value?: string }[];
  readonly operands: readonly string[];
}

export type GetoptResult =
  | { readonly ok: true; readonly value: ParsedOptions }
  /** `invalid`: not in the option string; `missing`: an option that needs an argument came last. */
  | { readonly ok: false; readonly problem: "invalid" | "missing"; readonly option: string };

/**
 * `spec` is getopt's option string: each letter an option, a letter followed
 * by `:` takes an argument.
 */
export function getopt(argv: readonly string[], spec: string, permute = true): GetoptResult {
  const options: { name: string; value?: string }[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (!permute) {
        operands.push(...argv.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const name = arg[j]!;
      const at = spec.indexOf(name);
      if (at < 0 || name === ":") return { ok: false, problem: "invalid", option: name };
      if (spec[at + 1] !== ":") {
        options.push({ name });
        continue;
      }
      const attached = arg.slice(j + 1);
      if (attached !== "") options.push({ name, value: attached });
      else if (i + 1 < argv.length) options.push({ name, value: argv[++i]! });
      else return { ok: false, problem: "missing", option: name };
      break;
    }
  }
  return { ok: true, value: { options, operands } };
}

/** What glibc's getopt prints after "PROGRAM: " when it refuses the command line. */
export function getoptComplaint(failure: { readonly problem: "invalid" | "missing"; readonly option: string }): string {
  return failure.problem === "invalid" ? `invalid option -- '${failure.option}'` : `option requires an argument -- '${failure.option}'`;
}

/**
 * getopt_long's long options that are only other names for short ones
 * (`--tcp` for `-t`), rewritten to those; the first long option not in
 * `long` comes back as `unknown`, for the caller to refuse as unmodelled.
 */
export function withShortForms(argv: readonly string[], long: Readonly<Record<string, string>>): { readonly argv: readonly string[] } | { readonly unknown: string } {
  const translated: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith("--") && arg !== "--") {
      const short = long[arg];
      if (!short) return { unknown: arg };
      translated.push(short);
    } else {
      translated.push(arg);
    }
  }
  return { argv: translated };
}
