/**
 * The names iproute2 resolves while it reads the command line, before it
 * talks to the kernel: `master BR`, `netns NS`, `dev X`. The parser asks the
 * model through this interface so its errors come in iproute2's order (a
 * garbage word is reported before an unknown device).
 */
import type { CommandOutput } from "./command-output";

export interface IpLookup {
  /** A named namespace exists (/run/netns/NAME). */
  netnsExists(name: string): boolean;
  /** A device of this name exists in `netns` (null: the namespace the command runs in). */
  deviceExists(name: string, netns: string | null): boolean;
}

/** Thrown to unwind a parse, as iproute2 exit()s from deep inside; caught by parseIp. */
export class IpParseStop {
  constructor(readonly output: CommandOutput) {}
}
