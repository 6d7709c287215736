/**
 * The command front ends the shell dispatches to by program name. Each one
 * only parses: it returns a typed request for the model to execute, or the
 * answer the real program gives without touching the kernel. Execution and
 * formatting of model state are wired by the caller (the shell layer's
 * executor), with the format* functions of this folder.
 */
import type { Parsed } from "./command-output";
import { parseBridge, type BridgeRequest } from "./bridge-command";
import type { IpLookup } from "./ip-lookup";
import { parseIp } from "./ip-parse";
import type { IpRequest } from "./ip-request";
import { parseSysctl, type SysctlRequest } from "./sysctl-command";

export interface CommandFrontEnd<R> {
  readonly name: string;
  /** argv without the program name. */
  parse(argv: readonly string[], lookup: IpLookup): Parsed<R>;
}

export const IP_FRONT_END: CommandFrontEnd<IpRequest> = { name: "ip", parse: parseIp };
export const BRIDGE_FRONT_END: CommandFrontEnd<BridgeRequest> = { name: "bridge", parse: parseBridge };
export const SYSCTL_FRONT_END: CommandFrontEnd<SysctlRequest> = { name: "sysctl", parse: (argv) => parseSysctl(argv) };

export const COMMAND_FRONT_ENDS = {
  ip: IP_FRONT_END,
  bridge: BRIDGE_FRONT_END,
  sysctl: SYSCTL_FRONT_END,
} as const;
