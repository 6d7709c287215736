/**
 * `ip address show` output (iproute2 print_linkinfo + print_addrinfo):
 * plain, `-o` (one line per address, prefixed "IDX: NAME    ") and `-br`.
 * With -4/-6 only devices having an address of that family are listed, and
 * without their link/ line. Layout captured in fixtures/addrs.json.
 */
import type { IpFamilyFilter } from "./ip-request";
import { briefColumns, linkHeader, linkLayerLine, type ShowStyle } from "./link-format";
import type { AddrView, LinkAddrsView } from "./views";

const LIFETIME = "       valid_lft forever preferred_lft forever";

/** "inet 10.0.0.1/24 brd 10.0.0.255 scope global secondary v0"; inet6 ends with a space instead of a label. */
export function addrLine(addr: AddrView, dev: string): string {
  const brd = addr.broadcast === undefined ? "" : ` brd ${addr.broadcast}`;
  const secondary = addr.secondary ? " secondary" : "";
  const flags = addr.flags?.length ? ` ${addr.flags.join(" ")}` : "";
  const tail = addr.family === "inet" ? ` ${addr.label ?? dev}` : " ";
  return `    ${addr.family} ${addr.address}/${addr.prefix}${brd} scope ${addr.scope}${secondary}${flags}${tail}`;
}

export function formatAddrs(entries: readonly LinkAddrsView[], style: ShowStyle & { readonly family: IpFamilyFilter }): string {
  const { family } = style;
  const shown = entries
    .map((e) => ({ link: e.link, addrs: family === null ? e.addrs : e.addrs.filter((a) => a.family === family) }))
    .filter((e) => family === null || e.addrs.length > 0);
  if (style.brief) {
    return shown.map((e) => `${briefColumns(e.link)}${e.addrs.map((a) => `${a.address}/${a.prefix} `).join("")}\n`).join("");
  }
  if (style.oneline) {
    return shown
      .flatMap((e) => e.addrs.map((a) => `${e.link.ifindex}: ${e.link.name}${addrLine(a, e.link.name)}\\${LIFETIME}\n`))
      .join("");
  }
  return shown
    .map((e) => {
      const linkLine = family === null ? `${linkLayerLine(e.link)}\n` : "";
      const addrs = e.addrs.map((a) => `${addrLine(a, e.link.name)}\n${LIFETIME}\n`).join("");
      return `${linkHeader(e.link, false)}\n${linkLine}${addrs}`;
    })
    .join("");
}
