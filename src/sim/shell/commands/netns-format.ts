/** `ip netns list`: one name a line, " (id: N)" once the namespace has an nsid here (fixtures/netns.json). */
import type { NetnsView } from "./views";

export function formatNetnsList(namespaces: readonly NetnsView[]): string {
  return namespaces.map((n) => (n.nsid === undefined ? `${n.name}\n` : `${n.name} (id: ${n.nsid})\n`)).join("");
}
