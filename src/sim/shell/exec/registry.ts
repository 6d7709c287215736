/**
 * The programs a lab script can run, by name. The shell looks commands up
 * here (default-registry.ts lists what a fresh machine has).
 */
import type { Command } from "./command";

export class CommandRegistry {
  readonly #commands = new Map<string, Command>();

  constructor(commands: readonly Command[] = []) {
    for (const command of commands) this.register(command);
  }

  /** Adds or replaces a command (the later registration wins, so tests can stand in for one). */
  register(command: Command): this {
    this.#commands.set(command.name, command);
    return this;
  }

  get(name: string): Command | undefined {
    return this.#commands.get(name);
  }

  names(): string[] {
    return [...this.#commands.keys()].sort();
  }
}

/**
 * Real Debian programs a lesson might type that this simulator does not run
 * (yet): they fail with a plain "not supported" rather than bash's "command
 * not found", so nobody mistakes a gap in the model for a typo.
 */
export const KNOWN_UNMODELLED = new Set([
  "nft", "ncat", "socat",
  "dig", "host", "nslookup", "curl", "wget", "tcpdump", "arp", "route", "ifconfig", "ssh", "sshd", "openssl",
  "nginx", "python3", "tracepath", "mtr", "arping", "ethtool", "tc", "dnsmasq", "named", "unbound", "resolvectl",
  "cd", "export", "read", "set", "unset", "source", ".", "printf", "test", "[", "sed", "awk", "sort", "uniq", "cut", "tr", "tee", "xargs",
  "ls", "rm", "cp", "mv", "touch", "ln", "chmod", "kill", "wait", "jobs", "ps", "env", "which", "date", "uname", "id", "whoami",
]);
