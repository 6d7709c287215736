/**
 * The error lines iproute2 6.1 prints for command-line problems, with their
 * exit statuses. Each text was captured from the real `ip` (see
 * fixtures/errors.json). exit(-1) in iproute2 is status 255.
 */
import { failed, type CommandOutput } from "./command-output";

export const IP_EXIT_USAGE = 255;

/** NEXT_ARG() found nothing: `ip link add name` */
export function incompleteCommand(): CommandOutput {
  return failed('Command line is not complete. Try option "help"\n', IP_EXIT_USAGE);
}

/** duparg2(): an unknown word where a positional value was already given. */
export function garbage(key: string, word: string): CommandOutput {
  return failed(`Error: either "${key}" is duplicate, or "${word}" is a garbage.\n`, IP_EXIT_USAGE);
}

/**
 * invarg(): a keyword's value is wrong. Many of iproute2's messages end in
 * their own "\n", so an empty line follows (`Invalid "mtu" value\n`); pass
 * the message as iproute2 has it.
 */
export function invalidArgument(word: string, message: string): CommandOutput {
  return failed(`Error: argument "${word}" is wrong: ${message}\n`, IP_EXIT_USAGE);
}

/** get_prefix() failed: `ip addr add 10.0.0.300/24 …` */
export function invalidPrefix(word: string): CommandOutput {
  return failed(`Error: any valid prefix is expected rather than "${word}".\n`, 1);
}

/** get_addr() failed for an IPv4-only field: `via foo` */
export function invalidInetAddress(word: string): CommandOutput {
  return failed(`Error: inet address is expected rather than "${word}".\n`, 1);
}

/** get_addr() failed for a field of any family: `ip neigh add foo …` */
export function invalidAddress(word: string): CommandOutput {
  return failed(`Error: any valid address is expected rather than "${word}".\n`, 1);
}

export function unknownObject(word: string): CommandOutput {
  return failed(`Object "${word}" is unknown, try "ip help".\n`, 1);
}

/** `helpName` is the object as its help names it: "address", "link", "netns"… */
export function unknownCommand(word: string, helpName: string): CommandOutput {
  return failed(`Command "${word}" is unknown, try "ip ${helpName} help".\n`, IP_EXIT_USAGE);
}

/** ll_name_to_index() failed after parsing (`ip link set nope up`). */
export function cannotFindDevice(name: string): CommandOutput {
  return failed(`Cannot find device "${name}"\n`, 1);
}

/** A show/flush filter names a device that is not there (`ip link show nope`). */
export function deviceDoesNotExist(name: string): CommandOutput {
  return failed(`Device "${name}" does not exist.\n`, 1);
}

export function invalidLladdr(word: string): CommandOutput {
  return failed(`"${word}" is invalid lladdr.\n`, 1);
}

export function cannotOpenNetns(name: string): CommandOutput {
  return failed(`Cannot open network namespace "${name}": No such file or directory\n`, IP_EXIT_USAGE);
}
