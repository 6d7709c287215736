/**
 * ip's global options (`ip [ OPTIONS ] OBJECT …`), read as iproute2 6.1's
 * ip.c reads them: a leading "--" counts as "-", each option may be any
 * prefix of its name, and the first name in ip.c's order wins (`-b` is
 * -batch, `-br` -brief, `-h` -human, `-he` -help).
 */
import { failed, printed, type CommandOutput } from "./command-output";
import { cannotOpenNetns, invalidArgument, IP_EXIT_USAGE } from "./iproute-errors";
import type { IpLookup } from "./ip-lookup";
import type { IpFamilyFilter, IpGlobalOptions } from "./ip-request";
import { matches } from "./iproute-words";
import { unsupportedOption } from "./unsupported";
import { IP_USAGE } from "./usage-texts";

export const IP_VERSION_TEXT = "ip utility, iproute2-6.1.0, libbpf 1.1.2\n";

type OptionMeaning =
  | "loops" | "family" | "stats" | "details" | "resolve" | "oneline" | "timestamp" | "tshort" | "Version" | "force"
  | "batch" | "brief" | "json" | "pretty" | "rcvbuf" | "color" | "human" | "iec" | "help" | "netns" | "Numeric" | "all" | "echo";

/** Options taking a value in the next word. */
const TAKES_VALUE = new Set<OptionMeaning>(["loops", "family", "batch", "rcvbuf", "netns"]);

/** ip.c's order; verified prefix by prefix against the real ip (see ip-options.test.ts). */
const OPTION_ORDER: readonly OptionMeaning[] = [
  "loops", "family", "stats", "details", "resolve", "oneline", "timestamp", "tshort", "Version", "force",
  "batch", "brief", "json", "pretty", "rcvbuf", "color", "human", "iec", "help", "netns", "all", "echo",
];

const FAMILY_SWITCHES: Readonly<Record<string, IpFamilyFilter | "link" | "mpls" | "bridge">> = {
  "-4": "inet",
  "-6": "inet6",
  "-0": "link",
  "-M": "mpls",
  "-B": "bridge",
};

const FAMILY_NAMES: Readonly<Record<string, IpFamilyFilter | "link" | "mpls" | "bridge">> = {
  inet: "inet",
  inet6: "inet6",
  link: "link",
  mpls: "mpls",
  bridge: "bridge",
};

export type OptionsOutcome =
  | { readonly kind: "options"; readonly options: IpGlobalOptions; readonly rest: readonly string[] }
  | { readonly kind: "answered"; readonly output: CommandOutput };

function resolveOption(name: string): OptionMeaning | "Numeric" | undefined {
  if (name === "-N") return "Numeric";
  // `-color` also accepts `-c=always`, `-color=auto`: the part before "=" is the option.
  const bare = name.split("=")[0] ?? name;
  if (bare !== name && matches(bare.slice(1), "color")) return "color";
  return OPTION_ORDER.find((o) => matches(name.slice(1), o));
}

export function parseIpOptions(argv: readonly string[], lookup: IpLookup): OptionsOutcome {
  let family: IpFamilyFilter = null;
  let brief = false;
  let oneline = false;
  let netns: string | null = null;
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i] ?? "";
    if (!word.startsWith("-")) break;
    const opt = word.startsWith("--") ? word.slice(1) : word;
    const familySwitch = Object.hasOwn(FAMILY_SWITCHES, opt) ? FAMILY_SWITCHES[opt] : undefined;
    if (familySwitch !== undefined) {
      if (familySwitch !== "inet" && familySwitch !== "inet6") return answered(unsupportedOption("ip", word));
      family = familySwitch;
      continue;
    }
    const meaning = resolveOption(opt);
    if (meaning === undefined) return answered(failed(`Option "${opt}" is unknown, try "ip -help".\n`, IP_EXIT_USAGE));
    const value = TAKES_VALUE.has(meaning as OptionMeaning) ? argv[++i] : undefined;
    switch (meaning) {
      case "Version":
        return answered(printed(IP_VERSION_TEXT));
      case "help":
        return answered(failed(IP_USAGE, IP_EXIT_USAGE));
      case "brief":
        brief = true;
        break;
      case "oneline":
        oneline = true;
        break;
      case "family": {
        if (value === undefined) return answered(failed(IP_USAGE, IP_EXIT_USAGE));
        const named = Object.hasOwn(FAMILY_NAMES, value) ? FAMILY_NAMES[value] : undefined;
        if (named === undefined) return answered(invalidArgument(value, "invalid protocol family"));
        if (named !== "inet" && named !== "inet6") return answered(unsupportedOption("ip", `${word} ${value}`));
        family = named;
        break;
      }
      case "netns":
        // ip switches namespace at once (netns_switch), so a missing one stops here, whatever follows.
        if (value === undefined || !lookup.netnsExists(value)) return answered(cannotOpenNetns(value ?? "(null)"));
        netns = value;
        break;
      default:
        return answered(unsupportedOption("ip", word));
    }
  }
  return { kind: "options", options: { family, brief, oneline, netns }, rest: argv.slice(i) };
}

function answered(output: CommandOutput): OptionsOutcome {
  return { kind: "answered", output };
}
