/**
 * Name lookups as glibc does them on the machine of the parity sandbox
 * (nsswitch.conf "hosts: files dns"): /etc/hosts first — as the looking
 * process sees it, so `ip netns exec NS` reads /etc/netns/NS/hosts — then
 * DNS, which has no server to reach here, so getaddrinfo fails with
 * EAI_AGAIN (measured: `ping nope` → "Temporary failure in name resolution").
 */
import { parseIpv4, type Ipv4Address } from "../../addr";
import type { FileSystem, FsView } from "../../world/filesystem";

interface HostsEntry {
  readonly address: Ipv4Address;
  readonly names: readonly string[];
}

function hostsEntries(fs: FileSystem, view: FsView): HostsEntry[] {
  const text = fs.read("/etc/hosts", view);
  if (!text.ok) return [];
  const entries: HostsEntry[] = [];
  for (const line of text.value.split("\n")) {
    const [addressText, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
    const address = parseIpv4(addressText ?? "");
    if (address.ok && names.length > 0) entries.push({ address: address.value, names });
  }
  return entries;
}

export function resolveHost(fs: FileSystem, view: FsView, name: string): { readonly address: Ipv4Address } | { readonly error: string } {
  const entry = hostsEntries(fs, view).find((e) => e.names.some((n) => n.toLowerCase() === name.toLowerCase()));
  return entry ? { address: entry.address } : { error: "Temporary failure in name resolution" };
}

export function reverseLookup(fs: FileSystem, view: FsView, address: Ipv4Address): string | undefined {
  return hostsEntries(fs, view).find((e) => e.address === address)?.names[0];
}
