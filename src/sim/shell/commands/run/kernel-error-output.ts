/**
 * A model refusal (errno + optional extended ack) as iproute2 prints it.
 * The front end's table covers the errnos lessons meet; the model may answer
 * with a few more (ELOOP for a bridge in itself…), worded by strerror.
 */
import { strerror, type KernelError } from "../../../link";
import { failed, type CommandOutput } from "../command-output";
import { ERRNO_TEXT, formatNetlinkError, NETLINK_EXIT, type Errno } from "../netlink-errors";

export function kernelErrorOutput(error: KernelError): CommandOutput {
  if (error.errno in ERRNO_TEXT) return formatNetlinkError(error.errno as Errno, error.extack);
  if (error.extack !== undefined) return failed(`Error: ${error.extack}.\n`, NETLINK_EXIT);
  return failed(`RTNETLINK answers: ${strerror(error.errno)}\n`, NETLINK_EXIT);
}
