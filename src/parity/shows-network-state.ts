/**
 * Which steps must wait out the kernel's delayed link state before they run.
 * A bridge's operstate, as `ip link` shows it, is refreshed at most once a
 * second after a change (linkwatch's rate limit; shared KERNEL-PARITY-NOTES.md,
 * "Timing the kernel hides"), and routes show `linkdown` from the same state.
 * So a command that lists links, addresses or routes — or asks `ip route get`,
 * or lists a bridge's ports or FDB — runs only ~1.2 s after the last link change.
 * Neighbour listings are left alone on purpose: their states are timers, and a
 * case compares them right after the traffic that set them.
 */
import { pipelinesOf } from "./command-line";
import { isListingVerb, isRouteGet, readIpInvocation } from "./ip-invocation";

/** How long after a link change a listing is trusted. */
export const LINK_STATE_DELAY_MS = 1200;

export function showsNetworkState(command: string): boolean {
  return pipelinesOf(command).some((pipeline) =>
    pipeline.some((stage) => {
      const invocation = readIpInvocation(stage);
      if (!invocation) return false;
      if (invocation.program === "bridge") return invocation.object !== "other" && isListingVerb(invocation.verb);
      if (isRouteGet(invocation)) return true;
      const shown = invocation.object === "address" || invocation.object === "link" || invocation.object === "route";
      return shown && isListingVerb(invocation.verb);
    }),
  );
}
