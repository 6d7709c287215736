/**
 * Every event in plain words: the accessible alternative to the animation.
 * Each entry is a button that selects the event (the timeline jumps there and
 * the inspector shows its bytes). The list itself is not a live region — a
 * ping adds dozens of entries at once — but the selected entry is announced.
 */
import { memo, useEffect, useRef } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { protocolColour, protocolLabel } from "./protocol-style";
import styles from "./EventLog.module.css";
import hidden from "../../styles/visually-hidden.module.css";

export interface EventLogProps {
  events: readonly EventWords[];
  position: number;
  onSelect(position: number): void;
}

export const EventLog = memo(function EventLog({ events, position, onSelect }: EventLogProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const selected = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    const box = list.current;
    if (!selected || !box) return;
    // Scroll the list only, never the page (the reader may be reading the text).
    const top = selected.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - selected.offsetHeight) box.scrollTop = top - box.clientHeight / 2;
  }, [position]);
  const selected = events[position];
  return (
    <div className={styles.log}>
      <h4 className={styles.heading}>Event log</h4>
      {events.length === 0 ? (
        <p className={styles.empty}>No events yet: run a command in a terminal below.</p>
      ) : (
        <ol ref={list} className={styles.list} aria-label="Events">
          {events.map((event, i) => (
            <li key={event.index}>
              <button
                type="button"
                className={`${styles.entry} ${event.drop ? styles.dropped : ""}`}
                aria-current={i === position ? "true" : undefined}
                onClick={() => onSelect(i)}
              >
                <span className={styles.tag} style={{ color: protocolColour(event.protocol), borderColor: protocolColour(event.protocol) }}>
                  {protocolLabel(event.protocol)}
                </span>
                <span className={styles.text}>{event.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className={hidden.visuallyHidden}>
        {selected ? `Event ${position + 1} of ${events.length}: ${selected.text}` : ""}
      </p>
    </div>
  );
});
