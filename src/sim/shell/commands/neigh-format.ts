/**
 * `ip neigh show` output (iproute2 print_neigh) and which entries a show or
 * flush selects. Layout captured in fixtures/neigh.json.
 */
import { ipv4ContainsAddress } from "../../addr";
import { readIproute2Ipv4 } from "./iproute-address";
import type { NeighShowRequest } from "./ip-request";
import type { ShowStyle } from "./link-format";
import type { NeighView } from "./views";

/** "10.0.0.5 dev v0 lladdr 02:00:00:00:00:05 PERMANENT "; "dev" is left out when the filter named it. */
export function formatNeigh(entry: NeighView, filteredDev: string | null, style: ShowStyle): string {
  if (style.brief) return `${entry.dst.padEnd(39)} ${entry.dev.padEnd(16)} ${entry.lladdr ?? ""}\n`;
  let line = `${entry.dst} `;
  if (filteredDev === null) line += `dev ${entry.dev} `;
  if (entry.lladdr !== undefined) line += `lladdr ${entry.lladdr} `;
  if (entry.router) line += "router ";
  return `${line}${entry.state} \n`;
}

export function formatNeighs(entries: readonly NeighView[], request: NeighShowRequest, style: ShowStyle): string {
  return selectNeighs(entries, request)
    .map((e) => formatNeigh(e, request.dev, style))
    .join("");
}

/** The entries a show (or flush) with this filter covers. */
export function selectNeighs(entries: readonly NeighView[], request: NeighShowRequest): NeighView[] {
  return entries.filter((e) => {
    if (request.dev !== null && e.dev !== request.dev) return false;
    if (!request.states.has(e.state.toLowerCase() as never)) return false;
    if (request.to !== null) {
      const address = readIproute2Ipv4(e.dst);
      if (address === null || !ipv4ContainsAddress(request.to, address)) return false;
    }
    return true;
  });
}
