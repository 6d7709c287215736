// The end-to-end tests rely on these fixture lessons doing what their names
// say; this keeps them honest without a browser.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLessons } from "./check-lessons";
import { elements, text } from "./testing";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const check = checkLessons(repoRoot, ["e2e/fixtures/lessons"]);
const lesson = (slug: string) => check.compiled.find((compiled) => compiled.meta.slug === slug)!;

describe("e2e fixture lessons", () => {
  it("index the fixtures with valid front matter, the ones these tests name at their orders", () => {
    expect(check.scan.index.every((entry) => entry.diagnostics.length === 0)).toBe(true);
    expect(check.scan.index.map((entry) => [entry.slug, entry.order])).toEqual(
      expect.arrayContaining([
        ["broken-lesson", 900],
        ["hostile-lesson", 901],
        ["lab-lesson", 902],
        ["src-lab-lesson", 910],
      ]),
    );
  });

  it("broken-lesson reports an unknown widget with a suggestion and a bad attribute, and keeps its prose", () => {
    const broken = lesson("broken-lesson");
    expect(broken.diagnostics.map((d) => [d.code, d.suggestion])).toEqual([
      ["unknown-directive", "subnet-explorer"],
      ["invalid-attribute", undefined],
    ]);
    expect(elements(broken.tree, "wb-diagnostic")).toHaveLength(2);
    expect(text(broken.tree)).toContain("This paragraph renders too");
  });

  it("hostile-lesson keeps its prose and none of its payloads", () => {
    const hostile = lesson("hostile-lesson");
    expect(hostile.diagnostics).toEqual([]);
    expect(JSON.stringify(hostile.tree)).not.toContain("__pwned");
    expect(elements(hostile.tree).filter((node) => ["script", "svg", "iframe"].includes(node.tagName))).toEqual([]);
    expect(text(hostile.tree)).toContain("The page keeps rendering after the payloads.");
  });

  it("src-lab-lesson reads its lab from bridge.lab beside it into a plain lab widget", () => {
    const fromFile = lesson("src-lab-lesson");
    expect(fromFile.diagnostics).toEqual([]);
    const [widget] = elements(fromFile.tree, "wb-widget");
    expect(text(widget!)).toContain("#!hidden ip netns add ns1\n");
    expect(text(widget!)).toContain("ip netns exec ns2 ip link set veth2 up\n");
    expect(check.dependencies.get(path.join(repoRoot, "e2e/fixtures/lessons/src-lab-lesson/index.md"))).toEqual([
      path.join(repoRoot, "e2e/fixtures/lessons/src-lab-lesson/bridge.lab"),
    ]);
  });
});
