import { describe, expect, it } from "vitest";
import { compileBody, elements, text } from "./testing";

describe("text directives stay off", () => {
  const EVERYDAY = ["10.0.0.1:8080", "aa:bb:cc:dd:ee:ff", "fe80::abcd", "12:30:45", "ns1:eth0"];

  for (const sample of EVERYDAY) {
    it(`renders ${sample} as the literal text the author wrote`, () => {
      const lesson = compileBody(`Look at ${sample} here.\n`);
      expect(lesson.diagnostics).toEqual([]);
      expect(elements(lesson.tree, "p").map(text)).toEqual([`Look at ${sample} here.`]);
      expect(elements(lesson.tree).map((node) => node.tagName)).toEqual(["p"]);
    });
  }

  it("restores a text directive with a label and attributes character for character", () => {
    const lesson = compileBody("Call :abbr[NAT]{title=\"Network Address Translation\"} now.\n");
    expect(text(elements(lesson.tree, "p")[0]!)).toBe('Call :abbr[NAT]{title="Network Address Translation"} now.');
  });

  it("keeps addresses literal in headings, table cells and link text, and ids follow the text", () => {
    const lesson = compileBody(
      "## Listen on 0.0.0.0:443\n\n| host | MAC |\n| --- | --- |\n| ns1:eth0 | 02:42:ac:11:00:02 |\n\n[see fe80::1:2](https://example.com)\n",
    );
    expect(text(elements(lesson.tree, "h2")[0]!)).toBe("Listen on 0.0.0.0:443");
    expect(lesson.toc).toEqual([{ depth: 2, id: "listen-on-0000443", text: "Listen on 0.0.0.0:443" }]);
    expect(elements(lesson.tree, "h2")[0]?.properties.id).toBe("listen-on-0000443");
    expect(elements(lesson.tree, "td").map(text)).toEqual(["ns1:eth0", "02:42:ac:11:00:02"]);
    expect(text(elements(lesson.tree, "a")[0]!)).toBe("see fe80::1:2");
  });

  it("treats a line holding only ::1 as the IPv6 loopback address, not a widget", () => {
    const lesson = compileBody("The loopback address is\n\n::1\n");
    expect(lesson.diagnostics).toEqual([]);
    expect(elements(lesson.tree, "p").map(text)).toEqual(["The loopback address is", "::1"]);
  });
});
