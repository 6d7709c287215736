/**
 * The state one `ip` object parser works with: the remaining words, the
 * lookup into the model, the namespace the command acts in — and iproute2's
 * ways of giving up (NEXT_ARG's "Command line is not complete", duparg2's
 * "garbage", invarg…), which unwind with IpParseStop.
 */
import type { CommandOutput } from "./command-output";
import { cannotFindDevice, incompleteCommand } from "./iproute-errors";
import { IpParseStop, type IpLookup } from "./ip-lookup";
import { ArgCursor } from "./iproute-words";
import { unsupportedWord } from "./unsupported";

export class IpScope {
  readonly args: ArgCursor;

  constructor(
    words: readonly string[],
    readonly lookup: IpLookup,
    readonly netns: string | null,
    /** "ip link", "ip route"…: names the command in "not supported" messages. */
    readonly where: string,
  ) {
    this.args = new ArgCursor(words);
  }

  /** Stop parsing with this answer. */
  stop(output: CommandOutput): never {
    throw new IpParseStop(output);
  }

  /** NEXT_ARG(): the value after a keyword, or "Command line is not complete". */
  value(): string {
    if (this.args.done) this.stop(incompleteCommand());
    return this.args.take();
  }

  unsupported(word: string): never {
    this.stop(unsupportedWord(this.where, word));
  }

  deviceExists(name: string): boolean {
    return this.lookup.deviceExists(name, this.netns);
  }

  /** ll_name_to_index() after the parse: `Cannot find device "x"`. */
  requireDevice(name: string): void {
    if (!this.deviceExists(name)) this.stop(cannotFindDevice(name));
  }
}
