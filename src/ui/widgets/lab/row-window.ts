/**
 * The arithmetic of a windowed list: where each row starts (from measured
 * heights, or an estimate for rows never drawn), which rows a scroll
 * position shows, and where to scroll so a row is in sight. Pure, so the
 * event log can know all this without reading the page's layout.
 */

/** Row i spans [offsets[i], offsets[i + 1]); offsets[count] is the list's height. */
export type RowOffsets = Float64Array;

export function rowOffsets(count: number, heightOf: (row: number) => number): RowOffsets {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

const rowCount = (offsets: RowOffsets) => offsets.length - 1;
const at = (offsets: RowOffsets, i: number) => offsets[i] ?? 0;

/** The first row whose bottom is below `y` (count when `y` is past the end). */
function rowAt(offsets: RowOffsets, y: number): number {
  let low = 0;
  let high = rowCount(offsets);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(offsets, mid + 1) > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Rows [first, last) that show in a viewport of `height` scrolled to `scrollTop`, with `overscan` more on each side. */
export function rowsInView(offsets: RowOffsets, scrollTop: number, height: number, overscan: number): { first: number; last: number } {
  const count = rowCount(offsets);
  if (count === 0) return { first: 0, last: 0 };
  const top = rowAt(offsets, Math.max(0, scrollTop));
  // Rows starting before the viewport's end show; the one starting right at it does not.
  const end = scrollTop + Math.max(height, 0);
  const under = rowAt(offsets, end);
  const bottom = Math.min(count, at(offsets, under) < end ? under + 1 : under);
  return { first: Math.max(0, top - overscan), last: Math.min(count, bottom + overscan) };
}

/**
 * Where to scroll so `row` shows: unchanged (null) when it already shows
 * whole, else with the row in the middle of the viewport (the reader sees
 * what led to it and what follows), within the list's bounds.
 */
export function scrollTopToReveal(offsets: RowOffsets, row: number, scrollTop: number, height: number): number | null {
  if (row < 0 || row >= rowCount(offsets)) return null;
  const top = at(offsets, row);
  const bottom = at(offsets, row + 1);
  if (top >= scrollTop && bottom <= scrollTop + height) return null;
  const total = at(offsets, rowCount(offsets));
  const centred = top - (height - (bottom - top)) / 2;
  return Math.round(Math.max(0, Math.min(centred, total - height)));
}
