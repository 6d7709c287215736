/**
 * A scrolling list that draws only the rows in sight (plus some overscan)
 * once it is long: a ping storm logs thousands of events, and drawing them
 * all made every step of playback a long task. Short lists are drawn whole,
 * so the browser's find-in-page and Tab through every row keep working in
 * the labs lessons usually have.
 *
 * Rows keep their natural, wrapping height: the rows drawn are measured by
 * a ResizeObserver, rows never drawn count at an estimate, and the space of
 * the rows not drawn is padding above and below the ones that are (so a
 * wrong estimate moves the scrollbar a little, never overlaps rows). The
 * scroll position and viewport size are followed from scroll events and a
 * ResizeObserver, so neither drawing the window nor deciding where to
 * scroll reads the layout; the only forced layout is the one write of a
 * new scroll position when the playhead's entry leaves the viewport.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { RefCallback, RefObject } from "react";
import { rowOffsets, rowsInView, scrollTopToReveal } from "./row-window";

export interface RowWindowOptions {
  /** Lists of at most this many rows are drawn whole. */
  readonly wholeUpTo: number;
  /** The height of a row not yet measured, px. */
  readonly estimate: number;
  /** Rows drawn beyond each edge of the viewport, so a fast scroll does not show blank space. */
  readonly overscan: number;
  /** The viewport's height until it is measured (and where nothing measures: jsdom), px. */
  readonly viewport: number;
}

export interface RowWindow {
  readonly windowed: boolean;
  /** The rows drawn in the flow: [first, last). */
  readonly first: number;
  readonly last: number;
  /** Room for the rows not drawn, above and below. */
  readonly padTop: number;
  readonly padBottom: number;
  /** How many rows a viewport holds, at the estimate (for Page Up / Page Down). */
  readonly rowsPerPage: number;
  /** For the scrolling box around the list. */
  readonly scrollerRef: RefCallback<HTMLDivElement>;
  readonly listRef: RefObject<HTMLOListElement | null>;
  onScroll(): void;
  /** Scrolls the list, never the page, so `row` shows: centred if it did not. */
  reveal(row: number): void;
}

/** The attribute each drawn row carries with its index: what the measuring reads. */
export const ROW_ATTRIBUTE = "data-row";
/** Rows drawn out of the flow (a focused row scrolled away): not measured. */
export const DETACHED_ATTRIBUTE = "data-detached";

interface Heights {
  /** Measured heights by row; undefined where a row was never drawn. */
  readonly rows: readonly (number | undefined)[];
  /** The list's width when they were measured: wrapping changes with it. */
  readonly width: number;
}

/** `previous` with the heights of the rows ResizeObserver reported (the same object if none changed). */
function withMeasured(previous: Heights, entries: readonly ResizeObserverEntry[]): Heights {
  let rows: (number | undefined)[] | null = null;
  for (const entry of entries) {
    const row = Number(entry.target.getAttribute(ROW_ATTRIBUTE));
    const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
    // Zero: not laid out (the lab hidden, a detached row); keep what was known.
    if (!Number.isInteger(row) || height <= 0 || previous.rows[row] === height) continue;
    rows ??= previous.rows.slice();
    rows[row] = height;
  }
  return rows ? { rows, width: previous.width } : previous;
}

/** `follow`: the row to keep in sight — scrolled to whenever it changes (the playhead's entry). */
export function useRowWindow(count: number, options: RowWindowOptions, follow: number): RowWindow {
  const { wholeUpTo, estimate, overscan } = options;
  const [scroller, scrollerRef] = useState<HTMLDivElement | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(options.viewport);
  const [heights, setHeights] = useState<Heights>({ rows: [], width: 0 });
  const windowed = count > wholeUpTo;

  const offsets = useMemo(() => rowOffsets(count, (row) => heights.rows[row] ?? estimate), [count, heights, estimate]);
  const { first, last } = windowed ? rowsInView(offsets, scrollTop, viewport, overscan) : { first: 0, last: count };

  // Row heights come from a ResizeObserver: it reports after the browser's own
  // layout, so measuring never forces one, and it sees rows rewrap (a font, a width).
  const rowObserver = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());
  useLayoutEffect(() => {
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver((entries) => setHeights((previous) => withMeasured(previous, entries)));
    rowObserver.current = observer;
    return () => {
      observer.disconnect();
      observed.current = new Set();
      rowObserver.current = null;
    };
  }, []);
  // After each commit: watch the rows newly drawn, stop watching those gone.
  useLayoutEffect(() => {
    const observer = rowObserver.current;
    const list = listRef.current;
    if (!observer) return;
    const drawn = new Set<Element>();
    for (const element of list?.children ?? []) {
      if (element.hasAttribute(DETACHED_ATTRIBUTE)) continue;
      drawn.add(element);
      if (!observed.current.has(element)) observer.observe(element);
    }
    for (const element of observed.current) if (!drawn.has(element)) observer.unobserve(element);
    observed.current = drawn;
  });

  // When the followed row changes, bring it into sight: the scroll position is
  // decided while rendering, so the rows drawn are already those at the new
  // position, and the one write to the scroller below costs one layout.
  const [followed, setFollowed] = useState<{ row: number; scroller: HTMLElement | null }>({ row: -1, scroller: null });
  if (scroller && (followed.row !== follow || followed.scroller !== scroller)) {
    setFollowed({ row: follow, scroller });
    const target = scrollTopToReveal(offsets, follow, scrollTop, viewport);
    if (target !== null) setScrollTop(target);
  }
  // The scroller's position as last read or written, so syncing it never reads the layout.
  const synced = useRef(0);
  useLayoutEffect(() => {
    if (!scroller || synced.current === scrollTop) return;
    scroller.scrollTop = scrollTop;
    synced.current = scrollTop;
  }, [scroller, scrollTop]);

  // A shorter list is another list (a lab reopened): its rows are not the old ones.
  const [counted, setCounted] = useState(count);
  if (count !== counted) {
    setCounted(count);
    if (count < counted) setHeights({ rows: [], width: heights.width });
  }

  // The viewport's size. A new width rewraps every row: the rows drawn are
  // measured again by their observer; the others go back to the estimate.
  useLayoutEffect(() => {
    if (!scroller || typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (height > 0) setViewport(height);
      setHeights((previous) => {
        if (previous.width === width) return previous;
        if (previous.width === 0) return { rows: previous.rows, width };
        const rows: (number | undefined)[] = [];
        for (const element of observed.current) {
          const row = Number(element.getAttribute(ROW_ATTRIBUTE));
          if (Number.isInteger(row)) rows[row] = previous.rows[row];
        }
        return { rows, width };
      });
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  const onScroll = useCallback(() => {
    if (!scroller) return;
    synced.current = scroller.scrollTop;
    setScrollTop(synced.current);
  }, [scroller]);

  const reveal = useCallback(
    (row: number) => {
      const target = scrollTopToReveal(offsets, row, scrollTop, viewport);
      if (target !== null) setScrollTop(target);
    },
    [offsets, scrollTop, viewport],
  );

  const total = offsets[count] ?? 0;
  return {
    windowed,
    first,
    last,
    padTop: windowed ? (offsets[first] ?? 0) : 0,
    padBottom: windowed ? total - (offsets[last] ?? total) : 0,
    rowsPerPage: Math.max(1, Math.floor(viewport / estimate)),
    scrollerRef,
    listRef,
    onScroll,
    reveal,
  };
}
