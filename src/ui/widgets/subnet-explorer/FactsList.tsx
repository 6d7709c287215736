/**
 * The facts about a block as a definition list. Every row is always present
 * for a family (with a placeholder before the first answer), so the layout
 * does not jump while the reader types.
 */
import type { ReactNode } from "react";
import type { SubnetFacts } from "../../../sim/addr/explorer-types";
import { groupDigits } from "./format-count";
import { ReservedAddresses } from "./ReservedAddresses";
import shared from "./shared.module.css";
import styles from "./FactsList.module.css";

interface FactsListProps {
  facts: SubnetFacts | null;
}

export function FactsList({ facts }: FactsListProps) {
  const rows = facts ? factRows(facts) : placeholderRows();
  return (
    <div className={styles.facts}>
      <dl className={styles.list}>
        {rows.map(([term, detail]) => (
          <div key={term} className={styles.row}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      {facts?.reserved && <ReservedAddresses reserved={facts.reserved} />}
    </div>
  );
}

type FactRow = [term: string, detail: ReactNode];

function mono(text: string): ReactNode {
  return <span className={shared.mono}>{text}</span>;
}

function none(why: string): ReactNode {
  return <span className={styles.none}>none — {why}</span>;
}

function factRows(facts: SubnetFacts): FactRow[] {
  const v4 = facts.family === 4;
  const rows: FactRow[] = [
    ["Address", mono(facts.address)],
    ["Block", mono(facts.cidr)],
    [v4 ? "Subnet mask" : "Prefix mask", <>{mono(facts.mask)} {mono(`(/${facts.prefix})`)}</>],
  ];
  if (v4) rows.push(["Wildcard mask", facts.wildcard ? mono(facts.wildcard) : "—"]);
  rows.push(
    ["Network address", mono(facts.network)],
    ["Broadcast address", facts.broadcast ? mono(facts.broadcast) : none(noBroadcastReason(facts))],
    ["First usable", facts.firstUsable ? mono(facts.firstUsable) : none("no host addresses")],
    ["Last usable", facts.lastUsable ? mono(facts.lastUsable) : none("no host addresses")],
    ["Addresses in block", mono(groupDigits(facts.totalAddresses))],
    [
      "Usable hosts",
      <>
        {mono(groupDigits(facts.usableHosts))}
        {facts.reserved && <span className={styles.note}> after {facts.reserved.length} cloud reservations</span>}
      </>,
    ],
  );
  if (v4) rows.push(["Class", classDetail(facts)]);
  rows.push(["Special range", specialDetail(facts)]);
  return rows;
}

function noBroadcastReason(facts: SubnetFacts): string {
  if (facts.family === 6) return "IPv6 has no broadcast; it uses multicast (RFC 4291)";
  if (facts.prefix === 31) return "a /31 point-to-point link uses both addresses for hosts (RFC 3021)";
  if (facts.prefix === 32) return "a /32 is a single host";
  return "this block has no broadcast address";
}

function classDetail(facts: SubnetFacts): ReactNode {
  const cls = facts.ipv4Class;
  if (!cls) return "—";
  const meaning =
    cls.letter === "D" ? " (multicast)" : cls.letter === "E" ? " (reserved)" : cls.defaultPrefix !== null ? ", default " : "";
  return (
    <>
      Class {cls.letter}
      {meaning}
      {cls.defaultPrefix !== null && mono(`/${cls.defaultPrefix}`)}{" "}
      <span className={styles.badge} title="Classful addressing was replaced by CIDR in 1993 (RFC 1519, now RFC 4632).">
        historic
      </span>
    </>
  );
}

function specialDetail(facts: SubnetFacts): ReactNode {
  const special = facts.special;
  if (!special) return <span className={styles.none}>not in a special-purpose range</span>;
  return (
    <>
      {special.name} ({mono(special.cidr)}, {special.rfc})
    </>
  );
}

/** The same rows as an IPv4 answer, with dots, so the space is kept before the first answer. */
function placeholderRows(): FactRow[] {
  const terms = [
    "Address",
    "Block",
    "Subnet mask",
    "Wildcard mask",
    "Network address",
    "Broadcast address",
    "First usable",
    "Last usable",
    "Addresses in block",
    "Usable hosts",
    "Class",
    "Special range",
  ];
  return terms.map((term) => [term, <span className={styles.none} aria-hidden="true">—</span>]);
}
