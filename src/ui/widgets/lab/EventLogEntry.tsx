/**
 * One entry of the event log: a button that selects its event. Memoised, so
 * moving the playhead redraws only the entry it leaves and the one it lands
 * on. `aria-posinset`/`aria-setsize` give its place among all entries, since
 * a long log draws only the entries in sight.
 */
import { memo } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { protocolColour, protocolLabel } from "./protocol-style";
import { DETACHED_ATTRIBUTE, ROW_ATTRIBUTE } from "./use-row-window";
import styles from "./EventLog.module.css";
import hidden from "../../styles/visually-hidden.module.css";

export interface EventLogEntryProps {
  event: EventWords;
  /** Its place in the log, from 0. */
  row: number;
  total: number;
  current: boolean;
  /** Kept in the page while scrolled out of the drawn window (it has focus, or is the current one): drawn out of sight. */
  detached: boolean;
  onSelect(row: number): void;
}

export const EventLogEntry = memo(function EventLogEntry({ event, row, total, current, detached, onSelect }: EventLogEntryProps) {
  const colour = protocolColour(event.protocol);
  return (
    <li
      {...{ [ROW_ATTRIBUTE]: row }}
      {...(detached ? { [DETACHED_ATTRIBUTE]: "", className: hidden.visuallyHidden } : {})}
      aria-posinset={row + 1}
      aria-setsize={total}
    >
      <button
        type="button"
        className={`${styles.entry} ${event.drop ? styles.dropped : ""}`}
        aria-current={current ? "true" : undefined}
        onClick={() => onSelect(row)}
      >
        <span className={styles.tag} style={{ color: colour, borderColor: colour }}>
          {protocolLabel(event.protocol)}
        </span>
        <span className={styles.text}>{event.text}</span>
      </button>
    </li>
  );
});
