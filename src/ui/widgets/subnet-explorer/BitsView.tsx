/**
 * The address and its mask bit by bit: network bits and host bits told apart
 * by colour *and* by weight and underline (so it reads without colour too),
 * borrowed bits hatched, and the prefix boundary drawn as a line with its
 * "/n" flag. IPv4 groups bits by octet, with the mask row under them; IPv6
 * groups them by 16-bit hextet, as the address is written, and leaves the
 * mask row out (an IPv6 mask is only ever written as the prefix length, and
 * 128 more bits would not fit a phone). Groups wrap on a narrow screen.
 */
import { useId } from "react";
import type { SubnetFacts } from "../../../sim/addr/explorer-types";
import shared from "./shared.module.css";
import styles from "./BitsView.module.css";
import hidden from "../../styles/visually-hidden.module.css";

/** Bits taken from the host part to number subnets: [from, to). */
export interface BorrowedBits {
  from: number;
  to: number;
}

interface BitsViewProps {
  facts: SubnetFacts;
  borrowed: BorrowedBits | null;
}

type BitPart = "net" | "borrowed" | "host" | "maskOne" | "maskZero";

/** What every group needs to draw its bits. */
interface Layout {
  width: number;
  partOf: (index: number) => BitPart;
  /** Bit index → "/n" for each boundary drawn before that bit (index `width` = after the last). */
  boundaries: ReadonlyMap<number, string>;
}

export function BitsView({ facts, borrowed }: BitsViewProps) {
  const captionId = useId();
  const width = facts.addressBits.length;
  const v4 = facts.family === 4;
  const groupSize = v4 ? 8 : 16;
  const boundaries = new Map<number, string>([[facts.prefix, `/${facts.prefix}`]]);
  if (borrowed) boundaries.set(borrowed.to, `/${borrowed.to}`);
  const layout: Layout = {
    width,
    boundaries,
    partOf: (index) => (index < facts.prefix ? "net" : borrowed && index < borrowed.to ? "borrowed" : "host"),
  };
  const borrowedCount = borrowed ? borrowed.to - borrowed.from : 0;
  const hostCount = width - facts.prefix - borrowedCount;

  const groups = groupStarts(width, groupSize).map((start) => (
    <BitGroup
      key={start}
      label={groupValue(facts.family, facts.addressBits.slice(start, start + groupSize))}
      start={start}
      address={facts.addressBits.slice(start, start + groupSize)}
      mask={v4 ? facts.maskBits.slice(start, start + groupSize) : null}
      layout={layout}
    />
  ));

  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <div className={`${styles.groups} ${v4 ? "" : styles.compact}`} aria-hidden="true">
        {v4 ? (
          // The row names stay glued to the first octet when the groups wrap.
          <div className={styles.lead}>
            <div className={styles.rowLabels}>
              <span />
              <span>address</span>
              <span>mask</span>
            </div>
            {groups[0]}
          </div>
        ) : (
          groups[0]
        )}
        {groups.slice(1)}
      </div>
      <figcaption id={captionId} className={styles.legend}>
        <span className={hidden.visuallyHidden}>
          {`${facts.address}/${facts.prefix} in binary: the first ${facts.prefix} of ${width} bits are the network part`}
          {borrowed ? `, the next ${borrowedCount} are borrowed for subnets (new prefix /${borrowed.to})` : ""}
          {`, the last ${hostCount} are the host part.`}
        </span>
        <span className={styles.legendItem} aria-hidden="true">
          <span className={`${styles.swatch} ${styles.net}`}>1</span> network bits ({facts.prefix})
        </span>
        {borrowed && (
          <span className={styles.legendItem} aria-hidden="true">
            <span className={`${styles.swatch} ${styles.borrowed}`}>1</span> borrowed bits ({borrowedCount})
          </span>
        )}
        <span className={styles.legendItem} aria-hidden="true">
          <span className={`${styles.swatch} ${styles.host}`}>0</span> host bits ({hostCount})
        </span>
        <span className={styles.legendItem} aria-hidden="true">
          <span className={`${styles.swatch} ${styles.boundarySwatch}`} /> prefix boundary
        </span>
      </figcaption>
    </figure>
  );
}

interface BitGroupProps {
  label: string;
  start: number;
  address: string;
  mask: string | null;
  layout: Layout;
}

function BitGroup({ label, start, address, mask, layout }: BitGroupProps) {
  return (
    <div className={`${styles.group} ${mask === null ? styles.noMask : ""}`}>
      <span className={`${shared.mono} ${styles.groupValue}`}>{label}</span>
      <BitRow start={start} bits={address} part={layout.partOf} layout={layout} flagged={mask === null} />
      {mask !== null && (
        <BitRow start={start} bits={mask} part={(index) => (mask[index - start] === "1" ? "maskOne" : "maskZero")} layout={layout} flagged />
      )}
    </div>
  );
}

interface BitRowProps {
  start: number;
  bits: string;
  part: (index: number) => BitPart;
  layout: Layout;
  /** This row carries the "/n" flags (the bottom row of the group). */
  flagged: boolean;
}

function BitRow({ start, bits, part, layout, flagged }: BitRowProps) {
  const { width, boundaries } = layout;
  return (
    <span className={`${shared.mono} ${styles.bits}`}>
      {[...bits].map((bit, offset) => {
        const index = start + offset;
        const before = boundaries.get(index);
        const after = index === width - 1 ? boundaries.get(width) : undefined;
        const classes = [styles.bit, styles[part(index)], before && styles.boundaryBefore, after && styles.boundaryAfter];
        // One flag per bit: a boundary before the last bit wins over the one after it.
        const flag = flagged ? (before ?? after) : undefined;
        return (
          <span
            key={offset}
            className={classes.filter(Boolean).join(" ")}
            data-label={flag}
            data-after={flag !== undefined && before === undefined ? "" : undefined}
          >
            {bit}
          </span>
        );
      })}
    </span>
  );
}

function groupStarts(width: number, groupSize: number): number[] {
  return Array.from({ length: Math.ceil(width / groupSize) }, (_, i) => i * groupSize);
}

/** A group's bits as people write them: a decimal octet (IPv4) or four hex digits (IPv6). */
function groupValue(family: 4 | 6, bits: string): string {
  const value = parseInt(bits, 2);
  return family === 4 ? String(value) : value.toString(16).padStart(4, "0");
}
