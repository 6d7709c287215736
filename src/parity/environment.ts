/**
 * The machine a set of golden transcripts was recorded on: the kernel and the
 * user-space tools whose behaviour they capture. A difference found later by
 * the live check is read against this.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { release } from "node:os";

export interface KernelEnvironment {
  kernel: string;
  os: string;
  iproute2: string;
  iputils_ping: string;
  traceroute: string;
  ipcalc: string;
  bash: string;
  util_linux: string;
  iptables: string;
  conntrack: string;
  netcat: string;
  net_tools: string;
}

function firstLine(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: "utf8" });
  if (run.error) return "(not installed)";
  return `${run.stdout}${run.stderr}`.split("\n").find((l) => l.trim() !== "")?.trim() ?? "(no version output)";
}

function debianPackageVersion(name: string): string {
  const run = spawnSync("dpkg-query", ["-W", "-f", "${Version}", name], { encoding: "utf8" });
  return run.status === 0 && run.stdout ? `${name} ${run.stdout}` : firstLine(name, ["--version"]);
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function sameEnvironment(a: KernelEnvironment, b: KernelEnvironment): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function describeEnvironment(): KernelEnvironment {
  return {
    kernel: release(),
    os: osName(),
    iproute2: firstLine("ip", ["-V"]),
    iputils_ping: firstLine("ping", ["-V"]),
    traceroute: firstLine("traceroute", ["--version"]),
    ipcalc: debianPackageVersion("ipcalc"),
    bash: firstLine("bash", ["--version"]),
    util_linux: firstLine("unshare", ["--version"]),
    iptables: firstLine("iptables", ["-V"]),
    conntrack: debianPackageVersion("conntrack"),
    netcat: debianPackageVersion("netcat-openbsd"),
    net_tools: debianPackageVersion("net-tools"),
  };
}

export function environmentMarkdown(env: KernelEnvironment): string {
  const rows = Object.entries(env).map(([k, v]) => `| ${k} | ${v} |`);
  return [
    "# Where the golden kernel transcripts were recorded",
    "",
    "Written by `npx tsx src/parity/record.ts`; do not edit by hand.",
    "",
    "| what | version |",
    "| --- | --- |",
    ...rows,
    "",
    "The sandbox (src/parity/README.md) is a fresh machine named `lab` whose root",
    "namespace has only `lo`, up; `net.ipv4.conf.{all,default}.forwarding` = 0;",
    "`net.bridge.bridge-nf-call-{iptables,ip6tables,arptables}` = 0 in every namespace;",
    "/etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf from src/parity/sandbox/etc.",
    "",
  ].join("\n");
}
