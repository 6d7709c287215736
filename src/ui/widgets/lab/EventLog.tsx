/**
 * Every event in plain words: the accessible alternative to the animation.
 * Each entry is a button that selects the event (the timeline jumps there and
 * the inspector shows its bytes). The list itself is not a live region — a
 * ping adds dozens of entries at once — but the selected entry is announced.
 *
 * A long log (a ping storm logs thousands of events) draws only the entries
 * in sight (use-row-window.ts); each entry says its place among all of them,
 * and the arrow keys, Page Up/Down, Home and End move the focus through the
 * whole log, drawing the entries they reach.
 */
import { memo, useLayoutEffect, useState } from "react";
import type { FocusEvent, KeyboardEvent } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import { EventLogEntry } from "./EventLogEntry";
import { ROW_ATTRIBUTE, useRowWindow, type RowWindowOptions } from "./use-row-window";
import styles from "./EventLog.module.css";
import hidden from "../../styles/visually-hidden.module.css";

export interface EventLogProps {
  events: readonly EventWords[];
  position: number;
  onSelect(position: number): void;
}

/**
 * A row is 0.82rem text at the lab's 1.45 line height, 4 px of padding and a
 * 1 px rule: 24 px on one line. The viewport is the list's 18rem. Up to 200
 * entries (what lessons' labs log) are drawn whole.
 */
export const LOG_WINDOW: RowWindowOptions = { wholeUpTo: 200, estimate: 24, overscan: 12, viewport: 288 };

/** The entry a key moves the focus to from `row`, or null for keys the log leaves alone. */
export function entryForKey(key: string, row: number, count: number, page: number): number | null {
  const clamp = (r: number) => Math.max(0, Math.min(count - 1, r));
  switch (key) {
    case "ArrowDown":
      return clamp(row + 1);
    case "ArrowUp":
      return clamp(row - 1);
    case "PageDown":
      return clamp(row + page);
    case "PageUp":
      return clamp(row - page);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

function rowOf(target: EventTarget | null): number | null {
  const item = target instanceof Element ? target.closest(`[${ROW_ATTRIBUTE}]`) : null;
  const row = item ? Number(item.getAttribute(ROW_ATTRIBUTE)) : NaN;
  return Number.isInteger(row) ? row : null;
}

export const EventLog = memo(function EventLog({ events, position, onSelect }: EventLogProps) {
  const count = events.length;
  // The selected entry stays in sight: the list scrolls, never the page (the reader may be reading the text).
  const rows = useRowWindow(count, LOG_WINDOW, position);
  const { listRef, reveal } = rows;
  const [focused, setFocused] = useState<number | null>(null);
  const [focusWish, setFocusWish] = useState<number | null>(null);

  // Focus the entry a key asked for, once it is drawn.
  useLayoutEffect(() => {
    if (focusWish === null) return;
    listRef.current?.querySelector<HTMLElement>(`[${ROW_ATTRIBUTE}="${focusWish}"] > button`)?.focus();
    setFocusWish(null);
  }, [focusWish, listRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const row = rowOf(event.target);
    const next = row === null ? null : entryForKey(event.key, row, count, rows.rowsPerPage);
    if (next === null) return;
    event.preventDefault();
    reveal(next);
    setFocusWish(next);
  };
  const onFocus = (event: FocusEvent<HTMLOListElement>) => setFocused(rowOf(event.target));
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocused(null);
  };

  // Entries drawn outside the window: the focused one (focus must not fall out of the page) and the current one.
  // One keyed array, in log order, so an entry moving out of the window stays the same element (and keeps focus).
  const outside = [...new Set([position, focused, focusWish])].filter(
    (row): row is number => row !== null && row >= 0 && row < count && (row < rows.first || row >= rows.last),
  );
  const drawn: number[] = [];
  for (let row = rows.first; row < rows.last; row++) drawn.push(row);
  const shown = outside.length === 0 ? drawn : [...drawn, ...outside].sort((a, b) => a - b);

  const selected = events[position];
  return (
    <div className={styles.log}>
      <h4 className={styles.heading}>Event log</h4>
      {count === 0 ? (
        <p className={styles.empty}>No events yet: run a command in a terminal below.</p>
      ) : (
        <div ref={rows.scrollerRef} className={`${styles.scroller} ${rows.windowed ? styles.windowed : ""}`} onScroll={rows.onScroll}>
          {/* role="list": with list-style none, WebKit would otherwise drop the list semantics. */}
          <ol
            ref={listRef}
            role="list"
            className={styles.list}
            aria-label="Events"
            style={rows.windowed ? { paddingTop: rows.padTop, paddingBottom: rows.padBottom } : undefined}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={onBlur}
          >
            {shown.map((row) => {
              const event = events[row];
              return event ? (
                <EventLogEntry
                  key={event.index}
                  event={event}
                  row={row}
                  total={count}
                  current={row === position}
                  detached={row < rows.first || row >= rows.last}
                  onSelect={onSelect}
                />
              ) : null;
            })}
          </ol>
        </div>
      )}
      <p role="status" className={hidden.visuallyHidden}>
        {selected ? `Event ${position + 1} of ${count}: ${selected.text}` : ""}
      </p>
    </div>
  );
});
