/**
 * The commands the shell knows out of the box: userland tools, ping and
 * traceroute, nc, and iproute2's `ip` and `bridge`, `sysctl`, `ipcalc`, iptables
 * (iptables-save, iptables-restore), `conntrack`, `dmesg`, `ss` and `netstat` over the network model. `ip netns exec` is answered in front of `ip`.
 */
import type { Command } from "./command";
import { CommandRegistry } from "./registry";
import { catCommand } from "./builtins/cat";
import { echoCommand } from "./builtins/echo";
import { grepCommand } from "./builtins/grep";
import { headCommand, tailCommand } from "./builtins/head-tail";
import { hostnameCommand } from "./builtins/hostname";
import { mkdirCommand } from "./builtins/mkdir";
import { withNetnsExec } from "./builtins/netns-exec";
import { ncCommand, pingCommand, tracerouteCommand } from "./builtins/programs";
import { sleepCommand } from "./builtins/sleep";
import { timeoutCommand } from "./builtins/timeout";
import { falseCommand, trueCommand } from "./builtins/true-false";
import { wcCommand } from "./builtins/wc";
import { bridgeCommand, ipCommand, ipcalcCommand, iptablesCommand, iptablesRestoreCommand, iptablesSaveCommand, netstatCommand, ssCommand, sysctlCommand } from "./builtins/net-tools";
import { conntrackCommand } from "./builtins/conntrack";
import { dmesgCommand } from "./builtins/dmesg";

export interface RegistryOptions {
  /** Replaces the `ip` behind `ip netns exec` (tests); the real one by default. */
  readonly ip?: Command;
  /** More commands (bridge, sysctl, ipcalc…); a name here replaces a built-in one. */
  readonly extra?: readonly Command[];
}

export function defaultRegistry(options: RegistryOptions = {}): CommandRegistry {
  return new CommandRegistry([
    catCommand, echoCommand, grepCommand, headCommand, tailCommand, hostnameCommand, mkdirCommand,
    pingCommand, tracerouteCommand, ncCommand, sleepCommand, timeoutCommand, trueCommand, falseCommand, wcCommand,
    bridgeCommand, sysctlCommand, ipcalcCommand,
    iptablesCommand, iptablesSaveCommand, iptablesRestoreCommand, conntrackCommand, dmesgCommand, ssCommand, netstatCommand,
    withNetnsExec(options.ip ?? ipCommand), ...(options.extra ?? []),
  ]);
}
