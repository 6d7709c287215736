/**
 * The small file system of one simulated machine: the files a lab script
 * reads or rewrites (/etc/hosts, /etc/resolv.conf, /etc/nsswitch.conf,
 * /etc/hostname, /etc/netns/NS/…, zone files, config), directories made
 * with `mkdir -p`, and /proc/sys/net as a live view of a namespace's sysctls.
 *
 * Two things depend on *who* looks, so every access names a view:
 * - /proc/sys/net shows the network namespace of the reading process
 *   (proc(5): "/proc/sys/net … the network namespace of the process");
 * - inside `ip netns exec NS`, each file in /etc/netns/NS/ is bind-mounted
 *   over the same name in /etc (ip-netns(8): "ip netns exec … bind mounts
 *   /etc/netns/NAME/* onto /etc").
 *
 * The fixed contents are those of the parity sandbox (src/parity/sandbox/etc):
 * a fresh Debian 12 machine named `lab` with no name server.
 */
import { err, ok, type Result } from "../core";
import type { NetNamespace } from "../stack";

export type FsError = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "EINVAL";

/** strerror(3) text, as cat/bash/mkdir print it. */
export function fsStrerror(error: FsError): string {
  switch (error) {
    case "ENOENT":
      return "No such file or directory";
    case "EISDIR":
      return "Is a directory";
    case "ENOTDIR":
      return "Not a directory";
    case "EEXIST":
      return "File exists";
    case "EINVAL":
      return "Invalid argument";
  }
}

/** Who is looking: the process's network namespace, and the `ip netns exec` name whose /etc/netns files it sees. */
export interface FsView {
  readonly netns: NetNamespace;
  readonly netnsName?: string;
}

export const DEFAULT_HOSTNAME = "lab";

const ETC_HOSTS = `127.0.0.1	localhost
127.0.1.1	lab

# The following lines are desirable for IPv6 capable hosts
::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
`;

const ETC_RESOLV_CONF = "# The sandbox has no way out, so no name server is reachable from it.\n";

const ETC_NSSWITCH_CONF = `# /etc/nsswitch.conf
#
# Example configuration of GNU Name Service Switch functionality.
# If you have the \`glibc-doc-reference' and \`info' packages installed, try:
# \`info libc "Name Service Switch"' for information about this file.

passwd:         files
group:          files
shadow:         files
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
`;

const PROC_SYS = "/proc/sys";

export class FileSystem {
  /** The UTS host name (`hostname`, `hostname NAME`); /etc/hostname is the file it was booted from. */
  hostname = DEFAULT_HOSTNAME;
  readonly #files = new Map<string, string>();
  readonly #dirs = new Set<string>(["/", "/etc", "/etc/netns", "/root", "/tmp", "/run", "/run/netns", "/var", "/var/tmp", "/proc", PROC_SYS]);

  constructor() {
    this.#files.set("/etc/hosts", ETC_HOSTS);
    this.#files.set("/etc/resolv.conf", ETC_RESOLV_CONF);
    this.#files.set("/etc/nsswitch.conf", ETC_NSSWITCH_CONF);
    this.#files.set("/etc/hostname", `${DEFAULT_HOSTNAME}\n`);
  }

  /** What is at `path` for this view. */
  kind(path: string, view: FsView): "file" | "dir" | undefined {
    const p = this.#resolve(normalizePath(path), view);
    if (p.startsWith(`${PROC_SYS}/`) || p === PROC_SYS) return procKind(p, view.netns);
    if (this.#dirs.has(p)) return "dir";
    return this.#files.has(p) ? "file" : undefined;
  }

  read(path: string, view: FsView): Result<string, FsError> {
    const p = this.#resolve(normalizePath(path), view);
    if (p.startsWith(`${PROC_SYS}/net`)) {
      const kind = procKind(p, view.netns);
      if (kind === "dir") return err("EISDIR");
      const value = view.netns.sysctl.get(sysctlName(p));
      return value.ok ? ok(`${value.value}\n`) : err("ENOENT");
    }
    if (this.#dirs.has(p)) return err("EISDIR");
    const text = this.#files.get(p);
    if (text !== undefined) return ok(text);
    return err(this.#parentProblem(p) ?? "ENOENT");
  }

  /** open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND) and write. A /proc/sys file takes the value (EINVAL if it refuses it). */
  write(path: string, text: string, mode: "truncate" | "append", view: FsView): Result<void, FsError> {
    const p = this.#resolve(normalizePath(path), view);
    if (p.startsWith(`${PROC_SYS}/`)) {
      const kind = procKind(p, view.netns);
      if (kind === undefined) return err("ENOENT");
      if (kind === "dir") return err("EISDIR");
      const set = view.netns.sysctl.set(sysctlName(p), text);
      return set.ok ? ok(undefined) : err(set.error.errno === "ENOENT" ? "ENOENT" : "EINVAL");
    }
    if (this.#dirs.has(p)) return err("EISDIR");
    const problem = this.#parentProblem(p);
    if (problem) return err(problem);
    this.#files.set(p, mode === "append" ? (this.#files.get(p) ?? "") + text : text);
    return ok(undefined);
  }

  /** mkdir(2), or `mkdir -p` with `parents` (existing directories are fine then). */
  mkdir(path: string, parents: boolean): Result<void, FsError> {
    const p = normalizePath(path);
    if (parents) {
      const parts = p.split("/").filter(Boolean);
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join("/")}`;
        if (this.#files.has(prefix)) return err(i === parts.length ? "EEXIST" : "ENOTDIR");
        this.#dirs.add(prefix);
      }
      return ok(undefined);
    }
    if (this.#dirs.has(p) || this.#files.has(p)) return err("EEXIST");
    const problem = this.#parentProblem(p);
    if (problem) return err(problem);
    this.#dirs.add(p);
    return ok(undefined);
  }

  /** ENOENT when the parent directory is missing, ENOTDIR when it is a file. */
  #parentProblem(p: string): FsError | undefined {
    const parent = p.slice(0, p.lastIndexOf("/")) || "/";
    if (this.#files.has(parent)) return "ENOTDIR";
    return this.#dirs.has(parent) ? undefined : "ENOENT";
  }

  /** `ip netns exec NS`: /etc/X is /etc/netns/NS/X when that file exists. */
  #resolve(p: string, view: FsView): string {
    if (view.netnsName === undefined || !p.startsWith("/etc/")) return p;
    const name = p.slice("/etc/".length);
    if (name.includes("/")) return p;
    const overlay = `/etc/netns/${view.netnsName}/${name}`;
    return this.#files.has(overlay) ? overlay : p;
  }
}

/** An absolute path with `.`, `..` and repeated slashes removed; relative paths start at /root (HOME, where a script runs). */
export function normalizePath(path: string): string {
  const absolute = path.startsWith("/") ? path : `/root/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

function sysctlName(p: string): string {
  return p.slice(`${PROC_SYS}/`.length).replace(/\//g, ".");
}

/** /proc/sys/net/…: a file per sysctl of the namespace, a directory per prefix of their names. */
function procKind(p: string, netns: NetNamespace): "file" | "dir" | undefined {
  if (p === PROC_SYS || p === `${PROC_SYS}/net`) return "dir";
  const name = sysctlName(p);
  if (netns.sysctl.get(name).ok) return "file";
  return netns.sysctl.entries().some(([key]) => key.startsWith(`${name}.`)) ? "dir" : undefined;
}
