import { describe, expect, it } from "vitest";
import { compileLesson } from "./compile-lesson";
import { FALLBACK_ORDER } from "./lesson-meta";
import type { Diagnostic } from "./types";

function where(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ at: `${d.line}:${d.column}`, code: d.code, suggestion: d.suggestion }));
}

describe("front matter", () => {
  it("reads a complete front matter into the lesson meta without complaint", () => {
    const lesson = compileLesson(
      `---
title: IP addresses and subnets
slug: ip-addressing
order: 1
summary: What an IPv4 address is made of.
objectives:
  - Split an address into network and host parts
  - Compute a subnet's range
  - Choose a prefix for a number of hosts
prerequisites: []
minutes: 35
---
Text.
`,
      "lessons/01-ip-addressing/index.md",
    );
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.meta).toEqual({
      title: "IP addresses and subnets",
      slug: "ip-addressing",
      order: 1,
      summary: "What an IPv4 address is made of.",
      objectives: ["Split an address into network and host parts", "Compute a subnet's range", "Choose a prefix for a number of hosts"],
      prerequisites: [],
      minutes: 35,
    });
    expect(lesson.locale).toBe("en");
  });

  it("points each wrong field at the exact line and column of its YAML value", () => {
    const lesson = compileLesson(
      `---
title: IP addressing
slug: ip_addressing
order: "three"
summary: One sentence.
objectives:
  - Read an address
  - 42
minutes: 2.5
sumary: typo
---
Body
`,
      "lessons/ip.md",
    );
    expect(where(lesson.diagnostics)).toEqual([
      { at: "3:7", code: "front-matter-slug", suggestion: "ip-addressing" },
      { at: "4:8", code: "front-matter-type", suggestion: undefined },
      { at: "7:3", code: "front-matter-objectives", suggestion: undefined },
      { at: "8:5", code: "front-matter-type", suggestion: undefined },
      { at: "9:10", code: "front-matter-range", suggestion: undefined },
      { at: "10:1", code: "front-matter-unknown-field", suggestion: "summary" },
    ]);
    const byCode = Object.fromEntries(lesson.diagnostics.map((d) => [`${d.line}:${d.code}`, d.message]));
    expect(byCode["4:front-matter-type"]).toContain('"three"');
    expect(byCode["7:front-matter-objectives"]).toContain("has 2");
    expect(byCode["8:front-matter-type"]).toContain("the number 42");
    expect(lesson.diagnostics.every((d) => d.file === "lessons/ip.md" && d.severity === "error")).toBe(true);
  });

  it("reports every missing required field at the opening fence, but not prerequisites", () => {
    const lesson = compileLesson(`---\ntitle: Only a title\nslug: only-title\n---\n`, "lessons/only.md");
    expect(lesson.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '1:1 front matter has no "order": add a line like "order: 1"',
      '1:1 front matter has no "summary": add a line like "summary: One sentence saying what the lesson teaches."',
      '1:1 front matter has no "objectives": add a line like "objectives: [3–5 things the student can do]"',
      '1:1 front matter has no "minutes": add a line like "minutes: 30"',
    ]);
    expect(lesson.meta.prerequisites).toEqual([]);
    expect(lesson.meta.title).toBe("Only a title");
  });

  it("maps YAML syntax errors and duplicate keys to file positions", () => {
    const lesson = compileLesson(`---\ntitle: First\ntitle: Second\nslug: x\n---\n`, "lessons/dup.md");
    const syntax = lesson.diagnostics.filter((d) => d.code === "front-matter-syntax");
    expect(syntax.map((d) => `${d.line}:${d.column}`)).toEqual(["3:1"]);
    expect(syntax[0]?.message).toMatch(/unique/);
    // The first value counts; a broken file does not also get "missing field" noise.
    expect(lesson.meta.title).toBe("First");
    expect(lesson.diagnostics.some((d) => d.code === "front-matter-missing-field")).toBe(false);
  });

  it("checks each prerequisite is a slug, pointing at the offending item", () => {
    const lesson = compileLesson(
      `---\ntitle: T\nslug: t\norder: 2\nsummary: S.\nobjectives: [a, b, c]\nprerequisites: [ip-addressing, Routing Basics]\nminutes: 5\n---\n`,
      "lessons/t.md",
    );
    expect(where(lesson.diagnostics)).toEqual([{ at: "7:32", code: "front-matter-slug", suggestion: "routing-basics" }]);
  });

  it("still compiles a lesson without front matter, named after its file and ordered last", () => {
    const lesson = compileLesson("# Hello\n\nSome text.\n", "lessons/07-nat/index.md");
    expect(where(lesson.diagnostics)).toEqual([{ at: "1:1", code: "front-matter-missing", suggestion: undefined }]);
    expect(lesson.meta).toMatchObject({ title: "07-nat", slug: "07-nat", order: FALLBACK_ORDER });
    expect(JSON.stringify(lesson.tree)).toContain("Some text.");
  });

  it("rejects a front matter that is not a mapping", () => {
    const lesson = compileLesson(`---\n- just\n- a list\n---\n`, "lessons/list.md");
    expect(where(lesson.diagnostics)).toEqual([{ at: "2:1", code: "front-matter-type", suggestion: undefined }]);
  });
});
