import { describe, expect, it } from "vitest";
import { andThen, err, map, mapErr, ok, unwrap, unwrapOr, type Result } from "./result";

const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`${n} is odd`));

describe("Result", () => {
  it("maps values and leaves errors alone", () => {
    expect(map(ok(2), (n) => n + 1)).toEqual(ok(3));
    expect(map(err("bad") as Result<number, string>, (n) => n + 1)).toEqual(err("bad"));
    expect(mapErr(err("bad"), (e) => e.length)).toEqual(err(3));
  });

  it("chains fallible steps, stopping at the first error", () => {
    expect(andThen(half(8), half)).toEqual(ok(2));
    expect(andThen(half(6), half)).toEqual(err("3 is odd"));
    expect(andThen(half(5), half)).toEqual(err("5 is odd"));
  });

  it("unwraps with a fallback or by throwing", () => {
    expect(unwrapOr(half(3), 0)).toBe(0);
    expect(unwrap(half(4))).toBe(2);
    expect(() => unwrap(half(3))).toThrow(/3 is odd/);
  });
});
