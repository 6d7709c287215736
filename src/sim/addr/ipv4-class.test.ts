import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "./ipv4";
import { ipv4ClassOf } from "./ipv4-class";

const classOf = (a: number, b = 0, c = 0, d = 0) => ipv4ClassOf(ipv4FromOctets(a, b, c, d));

describe("classful addressing", () => {
  it("puts 10.0.0.0 in class A with a /8 default", () => {
    expect(classOf(10)).toEqual({ letter: "A", defaultPrefix: 8 });
  });

  it("puts 211.168.83.0 in class C with a /24 default", () => {
    expect(classOf(211, 168, 83, 0)).toEqual({ letter: "C", defaultPrefix: 24 });
  });

  it("draws the class boundaries at the leading bits 0, 10, 110, 1110, 1111", () => {
    expect(classOf(127, 255, 255, 255).letter).toBe("A");
    expect(classOf(128).letter).toBe("B");
    expect(classOf(191, 255, 255, 255).letter).toBe("B");
    expect(classOf(192).letter).toBe("C");
    expect(classOf(223, 255, 255, 255).letter).toBe("C");
    expect(classOf(224)).toEqual({ letter: "D", defaultPrefix: null });
    expect(classOf(239, 255, 255, 255).letter).toBe("D");
    expect(classOf(240)).toEqual({ letter: "E", defaultPrefix: null });
    expect(classOf(255, 255, 255, 255).letter).toBe("E");
  });

  it("gives class B a /16 default", () => {
    expect(classOf(172, 16).defaultPrefix).toBe(16);
  });
});
