import { describe, expect, it } from "vitest";
import { rowOffsets, rowsInView, scrollTopToReveal } from "./row-window";

/** Rows 20 px high, except every tenth, which wraps onto a second line. */
const heightOf = (row: number) => (row % 10 === 9 ? 40 : 20);

describe("rowOffsets", () => {
  it("stacks rows of their own heights, the last offset being the list's height", () => {
    const offsets = rowOffsets(12, heightOf);
    expect(offsets[0]).toBe(0);
    expect(offsets[9]).toBe(180);
    expect(offsets[10]).toBe(220);
    expect(offsets[12]).toBe(260);
  });
});

describe("rowsInView", () => {
  const offsets = rowOffsets(1000, heightOf);

  it("shows the rows under a scrolled viewport, plus the overscan on both sides", () => {
    // 2000 px down is row 90 (nine 220 px blocks of ten rows is 1980 px, then one 20 px row).
    expect(rowsInView(offsets, 2000, 100, 0)).toEqual({ first: 91, last: 96 });
    expect(rowsInView(offsets, 2000, 100, 5)).toEqual({ first: 86, last: 101 });
  });

  it("stays within the list at its two ends", () => {
    expect(rowsInView(offsets, 0, 100, 5)).toEqual({ first: 0, last: 10 });
    expect(rowsInView(offsets, offsets[1000]! - 100, 100, 5).last).toBe(1000);
  });

  it("shows nothing of an empty list", () => {
    expect(rowsInView(rowOffsets(0, heightOf), 0, 300, 5)).toEqual({ first: 0, last: 0 });
  });
});

describe("scrollTopToReveal", () => {
  const offsets = rowOffsets(1000, heightOf);

  it("leaves the scroll alone when the row already shows whole", () => {
    expect(scrollTopToReveal(offsets, 3, 0, 200)).toBeNull();
  });

  it("centres a row that is out of sight, below or above", () => {
    // Row 500 starts at 50 × 220 = 11000 px and is 20 px high: centred in 200 px, the view starts 90 px above it.
    expect(scrollTopToReveal(offsets, 500, 0, 200)).toBe(10910);
    expect(scrollTopToReveal(offsets, 500, 20000, 200)).toBe(10910);
  });

  it("centres a row that shows only in part", () => {
    expect(scrollTopToReveal(offsets, 9, 0, 190)).toBe(105);
  });

  it("never scrolls past the list's ends", () => {
    expect(scrollTopToReveal(offsets, 999, 0, 200)).toBe(offsets[1000]! - 200);
    expect(scrollTopToReveal(offsets, 1, 5000, 200)).toBe(0);
  });

  it("ignores rows that do not exist", () => {
    expect(scrollTopToReveal(offsets, -1, 0, 200)).toBeNull();
    expect(scrollTopToReveal(offsets, 1000, 0, 200)).toBeNull();
  });
});
