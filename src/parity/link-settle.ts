/**
 * Reading the sandbox's links to wait out the kernel's asynchronous link state
 * (shared KERNEL-PARITY-NOTES.md, "Timing the kernel hides"): a carrier change
 * shows in the IFF_LOWER_UP flag at once, but the operstate that ip prints as
 * `state …` follows later, from the linkwatch work queue. Until the two agree a
 * veth may still drop the next ping.
 */

/** One device as `ip -o link` shows it. */
export interface LinkState {
  /** The network namespace: "" for the sandbox root. */
  netns: string;
  name: string;
  flags: string[];
  /** Operstate: UP, DOWN, LOWERLAYERDOWN, UNKNOWN… */
  state: string;
  master?: string;
  /** The device is a bridge (`ip -d` shows its kind). */
  bridge: boolean;
}

const LINK_LINE = /^\d+:\s+([^:@\s]+)(?:@\S+)?:\s+<([^>]*)>(.*)$/;

/**
 * Parses the output of the sandbox's `parity-link-dump`: blocks of `ip -d -o link`
 * lines, each block after a line `@ns NAME` (`@ns` alone for the root).
 */
export function parseLinkDump(dump: string): LinkState[] {
  const links: LinkState[] = [];
  let netns = "";
  for (const line of dump.split("\n")) {
    if (line.startsWith("@ns")) {
      netns = line.slice(3).trim();
      continue;
    }
    const match = LINK_LINE.exec(line);
    if (!match) continue;
    const [, name, flags, rest] = match as unknown as [string, string, string, string];
    const link: LinkState = {
      netns,
      name,
      flags: flags.split(",").filter(Boolean),
      state: /\bstate (\S+)/.exec(rest)?.[1] ?? "UNKNOWN",
      // `ip -d -o` puts each detail section after a backslash; a bridge's starts "bridge forward_delay…".
      bridge: /\\\s+bridge\s/.test(rest),
    };
    const master = /\bmaster (\S+)/.exec(rest)?.[1];
    if (master) link.master = master;
    links.push(link);
  }
  return links;
}

/**
 * A link whose carrier and operstate disagree: carrier on (LOWER_UP) while the
 * operstate still says DOWN/LOWERLAYERDOWN, or carrier lost while it still
 * says UP. linkwatch has not run for it yet.
 */
export function isUnsettled(link: LinkState): boolean {
  const carrier = link.flags.includes("LOWER_UP");
  const adminUp = link.flags.includes("UP");
  if (carrier && (link.state === "DOWN" || link.state === "LOWERLAYERDOWN")) return true;
  return adminUp && !carrier && link.state === "UP";
}

export function allSettled(links: readonly LinkState[]): boolean {
  return !links.some(isUnsettled);
}

/**
 * What a link change alters — which devices exist where, their flags, state
 * and master — as one comparable string. Two dumps with different signatures
 * mean a step changed the links, so the next command that shows them must
 * wait for the bridge operstate to catch up.
 */
export function linkSignature(links: readonly LinkState[]): string {
  return links
    .map((l) => `${l.netns}/${l.name} <${[...l.flags].sort().join(",")}> ${l.state} ${l.master ?? "-"}`)
    .sort()
    .join("\n");
}

/**
 * A bridge's operstate is the one linkwatch may hold back by up to a second:
 * its events are not "urgent" (net/core/link_watch.c, linkwatch_urgent_event(),
 * urgent only for stacked devices such as veth, whose iflink is their peer), so
 * they wait for the once-a-second batch.
 */
export function hasBridge(links: readonly LinkState[]): boolean {
  return links.some((l) => l.bridge);
}
