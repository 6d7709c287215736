/**
 * `ip address add|delete|show|flush` against the model.
 */
import { ipv4Cidr } from "../../../addr";
import type { IfAddr, RouteScopeName } from "../../../stack";
import { RouteScope } from "../../../stack";
import { failed, printed, type CommandOutput } from "../command-output";
import { formatAddrs } from "../addr-format";
import type { AddrFlushRequest, AddrModifyRequest, AddrRequest, AddrShowRequest, IpGlobalOptions } from "../ip-request";
import { KERNEL_REFUSALS } from "../netlink-errors";
import { readScope } from "../route-names";
import { unsupportedWord } from "../unsupported";
import { namespaceOf, type CommandEnv } from "./command-env";
import { kernelErrorOutput } from "./kernel-error-output";
import { linkAddrsView } from "./views-from-model";

export function runIpAddr(request: AddrRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  switch (request.action) {
    case "add":
      return withWarning(request.warning, addrAdd(request, env));
    case "delete":
      return withWarning(request.warning, addrDelete(request, env));
    case "show":
      return addrShow(request, options, env);
    case "flush":
      return addrFlush(request, env);
  }
}

function withWarning(warning: string, output: CommandOutput): CommandOutput {
  return warning === "" ? output : { ...output, stderr: warning + output.stderr };
}

function scopeOf(text: string): RouteScopeName | null {
  const value = readScope(text);
  const entry = Object.entries(RouteScope).find(([, n]) => n === value);
  return entry ? (entry[0] as RouteScopeName) : null;
}

function addrAdd(request: AddrModifyRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const scope = request.scope === null ? undefined : scopeOf(request.scope);
  if (scope === null) return unsupportedWord("ip address", `scope ${request.scope}`);
  // __inet_insert_ifa: a secondary must share its primary's scope.
  const { address, prefix } = request.local;
  const dev = ns.device(request.dev)!;
  const primary = ns.addrs.find((a) => a.dev === dev && !a.secondary && a.prefix === prefix && sameNet(a, address, prefix));
  const wanted = scope ?? (address >>> 24 === 127 ? "host" : "global");
  const exists = ns.addrs.some((a) => a.dev === dev && a.local === address && a.prefix === prefix);
  if (primary && !exists && primary.scope !== wanted) return KERNEL_REFUSALS.addressInvalidScope;
  const added = ns.addrAdd(request.dev, {
    cidr: ipv4Cidr(address, prefix),
    ...(request.broadcast !== null ? { broadcast: request.broadcast } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(request.label !== null ? { label: request.label } : {}),
  });
  return added.ok ? printed("") : kernelErrorOutput(added.error);
}

function sameNet(a: IfAddr, address: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((a.local ^ address) & mask) >>> 0 === 0;
}

/** Without "/N" iproute2 asks for a wildcard delete: the first address of that value, whatever its length. */
function addrDelete(request: AddrModifyRequest, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const dev = ns.device(request.dev)!;
  let cidr = request.local;
  if (!request.prefixGiven) {
    const match = ns.addrs.find((a) => a.dev === dev && a.local === request.local.address);
    if (match) cidr = ipv4Cidr(match.local, match.prefix);
  }
  const deleted = ns.addrDel(request.dev, cidr);
  return deleted.ok ? printed("") : kernelErrorOutput(deleted.error);
}

function addrShow(request: AddrShowRequest, options: IpGlobalOptions, env: CommandEnv): CommandOutput {
  const ns = namespaceOf(env);
  const entries = ns.devices
    .filter((d) => request.dev === null || d.name === request.dev)
    .filter((d) => !request.up || d.adminUp)
    .map((d) => linkAddrsView(d, ns, env.world));
  return printed(formatAddrs(entries, options));
}

function addrFlush(request: AddrFlushRequest, env: CommandEnv): CommandOutput {
  const flushed = namespaceOf(env).addrFlush(request.dev);
  return flushed.ok ? printed("") : failed(kernelErrorOutput(flushed.error).stderr, 2);
}
