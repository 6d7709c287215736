import { describe, expect, it } from "vitest";
import { compileBody, elements, text } from "./testing";

describe("compiling Markdown", () => {
  it("turns mermaid fences into wb-mermaid holding the diagram source, and leaves other fences as code", () => {
    const diagram = "flowchart LR\n  ns1 -->|veth| br0\n  br0 --> r1[\"router <r1>\"]";
    const lesson = compileBody("```mermaid\n" + diagram + "\n```\n\n```bash\nip -br addr\n```\n\n```\nplain\n```\n");
    expect(lesson.diagnostics).toEqual([]);
    const mermaid = elements(lesson.tree, "wb-mermaid");
    expect(mermaid.map(text)).toEqual([diagram]);
    const codes = elements(lesson.tree, "code");
    expect(codes.map((code) => [code.properties.className, text(code)])).toEqual([
      [["language-bash"], "ip -br addr\n"],
      [undefined, "plain\n"],
    ]);
    expect(elements(lesson.tree, "pre")).toHaveLength(2);
  });

  it("gives headings stable unique ids and lists h2–h3 in the table of contents", () => {
    const lesson = compileBody(
      "# Title in the body\n\n## Why it matters\n\n### Subnet masks\n\n#### Too deep\n\n## Subnet masks\n\n## Check *yourself*\n",
    );
    expect(lesson.toc).toEqual([
      { depth: 2, id: "why-it-matters", text: "Why it matters" },
      { depth: 3, id: "subnet-masks", text: "Subnet masks" },
      { depth: 2, id: "subnet-masks-1", text: "Subnet masks" },
      { depth: 2, id: "check-yourself", text: "Check yourself" },
    ]);
    const ids = elements(lesson.tree).filter((node) => /^h[1-6]$/.test(node.tagName)).map((node) => node.properties.id);
    expect(ids).toEqual(["title-in-the-body", "why-it-matters", "subnet-masks", "too-deep", "subnet-masks-1", "check-yourself"]);
  });

  it("keeps headings inside a quiz and the footnote label out of the table of contents", () => {
    const lesson = compileBody(
      "## Real section[^1]\n\n:::quiz\n### A question heading\n\n- [x] Yes\n\n  Because.\n- [ ] No\n\n  Because not.\n:::\n\n[^1]: A footnote.\n",
    );
    expect(lesson.toc.map((entry) => entry.text)).toEqual(["Real section1"]);
  });

  it("links footnote calls and back-references to targets that exist", () => {
    const lesson = compileBody("A claim.[^rfc]\n\n[^rfc]: RFC 1918, section 3.\n");
    const ids = new Set(elements(lesson.tree).map((node) => node.properties.id).filter((id) => typeof id === "string"));
    const fragments = elements(lesson.tree, "a")
      .map((a) => a.properties.href)
      .filter((href): href is string => typeof href === "string" && href.startsWith("#"));
    expect(fragments.length).toBe(2);
    for (const fragment of fragments) expect(ids.has(fragment.slice(1))).toBe(true);
  });

  it("supports GFM tables, task lists, strikethrough and autolinks", () => {
    const lesson = compileBody(
      "| prefix | hosts |\n| ---: | :--- |\n| /24 | 254 |\n\n- [x] done\n- [ ] todo\n\n~~classful~~ see https://www.rfc-editor.org/rfc/rfc4632\n",
    );
    expect(elements(lesson.tree, "td").map(text)).toEqual(["/24", "254"]);
    expect(elements(lesson.tree, "td")[0]?.properties.align).toBe("right");
    expect(elements(lesson.tree, "input").map((input) => input.properties.checked === true)).toEqual([true, false]);
    expect(elements(lesson.tree, "del").map(text)).toEqual(["classful"]);
    expect(elements(lesson.tree, "a").map((a) => a.properties.href)).toEqual(["https://www.rfc-editor.org/rfc/rfc4632"]);
  });

  it("produces plain JSON data, without source positions", () => {
    const lesson = compileBody("## A\n\nText with `code`.\n");
    const json = JSON.stringify(lesson);
    expect(JSON.parse(json)).toEqual(lesson);
    expect(json).not.toContain('"position"');
  });
});
