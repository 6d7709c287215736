import { describe, expect, it } from "vitest";
import { SimClock, micros, millis, seconds, toMillis, toSeconds } from "./clock";

describe("virtual time units", () => {
  it("counts whole microseconds, the resolution ping and tcpdump print", () => {
    expect(millis(1)).toBe(1000);
    expect(seconds(1.5)).toBe(1_500_000);
    expect(toMillis(micros(45))).toBe(0.045);
    expect(toSeconds(seconds(3))).toBe(3);
  });

  it("rounds fractions of a microsecond so times compare exactly", () => {
    expect(millis(0.0004)).toBe(0);
    expect(millis(0.0006)).toBe(1);
    expect(seconds(0.1) + seconds(0.2)).toBe(seconds(0.3));
  });

  it("rejects times that are not finite", () => {
    expect(() => seconds(Number.NaN)).toThrow(RangeError);
    expect(() => millis(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("SimClock", () => {
  it("starts where told and only moves forward", () => {
    const clock = new SimClock(10);
    expect(clock.now()).toBe(10);
    clock.advanceTo(25);
    expect(clock.now()).toBe(25);
    expect(() => clock.advanceTo(24)).toThrow(/cannot go back/);
    expect(clock.now()).toBe(25);
  });

  it("refuses fractional or negative times", () => {
    expect(() => new SimClock(-1)).toThrow(RangeError);
    expect(() => new SimClock().advanceTo(1.5)).toThrow(RangeError);
  });
});
