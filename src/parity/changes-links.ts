/**
 * Whether a step may change links — create, delete, move, enslave or bring a
 * device up or down — so the runner must wait for the kernel's link state to
 * settle before the next step. Reading that state after every step would cost
 * a dozen processes per step; most steps (pings, listings, sysctl) cannot
 * change it. Unknown programs count as changers: waiting is always safe.
 */
import { pipelinesOf } from "./command-line";
import { isListingVerb, isRouteGet, readIpInvocation } from "./ip-invocation";

/** Programs of the lab-script subset that never touch a link. */
const READ_ONLY = new Set(["ping", "traceroute", "sysctl", "cat", "echo", "ipcalc", "hostname", "grep", "head", "tail", "wc", "sleep", "true", "false"]);

export function mayChangeLinks(command: string): boolean {
  return pipelinesOf(command).some((pipeline) =>
    pipeline.some((stage) => {
      const invocation = readIpInvocation(stage);
      if (!invocation) return !READ_ONLY.has(stage[0] ?? "");
      if (isRouteGet(invocation) || isListingVerb(invocation.verb)) return false;
      // Addresses, routes and neighbours live above the link layer.
      return invocation.program === "bridge" || invocation.object === "link" || invocation.object === "netns" || invocation.object === "other" || invocation.object === undefined;
    }),
  );
}
