/**
 * `ip link show` output, plain (two lines per device), `-o` (one line, the
 * break written as "\") and `-br` (padded columns). Layout captured from
 * iproute2 6.1 (fixtures/links.json).
 */
import type { LinkView } from "./views";

export interface ShowStyle {
  readonly brief: boolean;
  readonly oneline: boolean;
}

/** "v0@v1", "v3@if5", "lo". */
export function linkLabel(link: Pick<LinkView, "name" | "peer">): string {
  if (link.peer === undefined) return link.name;
  return "name" in link.peer ? `${link.name}@${link.peer.name}` : `${link.name}@if${link.peer.ifindex}`;
}

/** The first line's fields after the name; `mode` only `ip link` prints, not `ip addr`. */
export function linkHeader(link: LinkView, withMode: boolean): string {
  const master = link.master === undefined ? "" : ` master ${link.master}`;
  const mode = withMode ? ` mode ${link.mode}` : "";
  const qlen = link.qlen === undefined ? "" : ` qlen ${link.qlen}`;
  return `${link.ifindex}: ${linkLabel(link)}: <${link.flags.join(",")}> mtu ${link.mtu} qdisc ${link.qdisc}${master} state ${link.state}${mode} group ${link.group}${qlen}`;
}

export function linkLayerLine(link: LinkView): string {
  const netns = link.linkNetns === undefined ? "" : "name" in link.linkNetns ? ` link-netns ${link.linkNetns.name}` : ` link-netnsid ${link.linkNetns.nsid}`;
  return `    link/${link.linkType} ${link.address} brd ${link.broadcast}${netns}`;
}

/** iproute2 pads the brief name to 16 and the state to 14 columns, then a space. */
export function briefColumns(link: LinkView): string {
  return `${linkLabel(link).padEnd(16)} ${link.state.padEnd(14)} `;
}

export function formatLinks(links: readonly LinkView[], style: ShowStyle): string {
  if (style.brief) return links.map((l) => `${briefColumns(l)}${l.address} <${l.flags.join(",")}> \n`).join("");
  const separator = style.oneline ? "\\" : "\n";
  return links.map((l) => `${linkHeader(l, true)}${separator}${linkLayerLine(l)}\n`).join("");
}
