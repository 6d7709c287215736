/**
 * traceroute 2.1.2's command line (Debian's "Modern traceroute for Linux"),
 * for the options lab scripts use: -n, -m, -q, -w, -f, -p, -i. Messages as
 * measured with the real tool; everything else is refused plainly.
 */
export interface TracerouteOptions {
  readonly numeric: boolean;
  readonly firstHop: number;
  readonly maxHops: number;
  readonly probesPerHop: number;
  /** -w MAX,HERE,NEAR: seconds, and the two factors (traceroute(8), "-w"). */
  readonly wait: number;
  readonly here: number;
  readonly near: number;
  readonly port: number;
  readonly device?: string;
  readonly host: string;
  /** Where the host was on the command line, for "on position N (argc N)". */
  readonly hostPosition: number;
}

export type TracerouteOptionsResult = { readonly ok: true; readonly value: TracerouteOptions } | { readonly ok: false; readonly stderr: string; readonly exit: number };

const WITH_VALUE = new Set(["m", "q", "w", "f", "p", "i"]);
const fail = (stderr: string, exit = 2): TracerouteOptionsResult => ({ ok: false, stderr, exit });

export function parseTracerouteOptions(argv: readonly string[]): TracerouteOptionsResult {
  const values = new Map<string, string>();
  let numeric = false;
  const operands: { text: string; position: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-") || arg === "-") {
      operands.push({ text: arg, position: i + 1 });
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (c === "n") numeric = true;
      else if (WITH_VALUE.has(c)) {
        const value = arg.slice(j + 1) || argv[++i];
        if (value === undefined) return fail(`Option \`-${c}' (argc ${i}) requires an argument\n`);
        values.set(c, value);
        break;
      } else if ("46dFITreAUDVMOPNglstz".includes(c)) return fail(`traceroute: option -${c} is not supported by this simulator\n`);
      else return fail(`Bad option \`-${c}' (argc ${i + 1})\n`);
    }
  }
  if (operands.length === 0) return fail("traceroute: a host is required (the usage text is not reproduced by this simulator)\n");
  if (operands.length > 1) return fail("traceroute: a packet length is not supported by this simulator\n");
  const int = (key: string, fallback: number): number | undefined => {
    const text = values.get(key);
    if (text === undefined) return fallback;
    return /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const maxHops = int("m", 30);
  const firstHop = int("f", 1);
  const probes = int("q", 3);
  const port = int("p", 33434);
  for (const [key, value] of [["m", maxHops], ["f", firstHop], ["q", probes], ["p", port]] as const) {
    if (value === undefined) return fail(`Cannot handle \`-${key}' option with arg \`${values.get(key)}' (argc ${argv.indexOf(values.get(key)!) + 1})\n`);
  }
  if (maxHops! > 255) return fail("max hops cannot be more than 255\n");
  if (firstHop! < 1 || firstHop! > maxHops!) return fail("first hop out of range\n");
  if (probes! < 1 || probes! > 10) return fail("no more than 10 probes per hop\n");
  const [wait = "5", here = "3", near = "10"] = (values.get("w") ?? "5").split(/[,/]/);
  const numbers = [wait, here, near].map(Number);
  if (numbers.some((n) => !Number.isFinite(n) || n < 0)) return fail(`bad wait specifications \`${values.get("w")}' used\n`);
  const device = values.get("i");
  return {
    ok: true,
    value: {
      numeric, firstHop: firstHop!, maxHops: maxHops!, probesPerHop: probes!, wait: numbers[0]!, here: numbers[1]!, near: numbers[2]!,
      port: port!, ...(device !== undefined ? { device } : {}), host: operands[0]!.text, hostPosition: operands[0]!.position,
    },
  };
}
