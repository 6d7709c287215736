/** A model refusal (errno + optional extended ack) as iproute2 prints it. */
import type { KernelError } from "../../../link";
import type { CommandOutput } from "../command-output";
import { formatNetlinkError } from "../netlink-errors";

export function kernelErrorOutput(error: KernelError): CommandOutput {
  return formatNetlinkError(error.errno, error.extack);
}
