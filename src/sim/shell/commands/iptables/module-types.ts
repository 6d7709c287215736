/**
 * The shape shared by match and target extensions: the long options an
 * extension adds to iptables' getopt table once it is loaded (-m NAME,
 * -j NAME, or implicitly by -p), a parser per option, and a final check.
 */
import type { ErrorContext } from "./xtables-errors";

export interface ExtensionOption {
  readonly name: string;
  readonly hasArg: boolean;
  /** Several names may share an id (--dport and --destination-port). */
  readonly id: string;
}

/** What the final checks know of the rule around the extension. */
export interface RuleContext {
  readonly table: string;
  /** -p as a number, null when absent; `protocolInverted` for `! -p`. */
  readonly protocol: number | null;
  readonly protocolInverted: boolean;
}

export interface Extension<Draft, Result> {
  readonly name: string;
  readonly options: readonly ExtensionOption[];
  create(): Draft;
  /** One option with its argument ("" when it takes none); `invert` is a preceding "!". */
  parse(draft: Draft, id: string, arg: string, invert: boolean, context: ErrorContext): void;
  finish(draft: Draft, rule: RuleContext, context: ErrorContext): Result;
}

export function option(name: string, id: string = name, hasArg = true): ExtensionOption {
  return { name, hasArg, id };
}
