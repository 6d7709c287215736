import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { compileBody, elements, text } from "./testing";

/** Anything a browser could execute or that could load active content. */
function executableParts(nodes: Element[]): string[] {
  const found: string[] = [];
  for (const node of nodes) {
    if (["script", "iframe", "style", "svg", "object", "embed", "frame"].includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (typeof value === "string" && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${node.tagName}[${name}=${value}]`);
      if (name === "style") found.push(`${node.tagName}[style]`);
    }
  }
  return found;
}

const PAYLOADS: Record<string, string> = {
  script: "<script>window.__pwned = 1</script>",
  "img onerror": '<img src=x onerror="window.__pwned = 2">',
  "a href javascript": '<a href="javascript:window.__pwned = 3">link</a>',
  "markdown link javascript": "[click](javascript:window.__pwned=4)",
  "markdown link with entity-encoded scheme": "[click](jav&#x61;script:window.__pwned=5)",
  iframe: '<iframe src="javascript:window.__pwned = 6"></iframe>',
  "svg onload": '<svg onload="window.__pwned = 7"><circle r="1"></circle></svg>',
  style: "<style>body { background: url(javascript:alert(1)) }</style>",
  "inline style": '<p style="background:url(javascript:alert(1))">styled</p>',
  "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
};

describe("sanitising lesson HTML", () => {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(`leaves nothing executable of: ${name}`, () => {
      const lesson = compileBody(`Before the payload.\n\n${payload}\n\nAfter the payload.\n`);
      expect(executableParts(elements(lesson.tree))).toEqual([]);
      expect(JSON.stringify(lesson.tree)).not.toMatch(/__pwned|alert\(/i);
      expect(text(lesson.tree)).toContain("After the payload.");
    });
  }

  it("does not render CSS or script source as text either", () => {
    const lesson = compileBody("<style>.x { color: red }</style>\n\n<script>let secret = 1</script>\n\nProse.\n");
    expect(text(lesson.tree)).not.toMatch(/color|secret/);
  });

  it("drops wb-* elements written as raw HTML, even ones that guess the origin marker", () => {
    const lesson = compileBody(
      '<wb-widget data-name="quiz" data-attr-id="forged">forged quiz</wb-widget>\n\n<div><wb-callout data-kind="tip" data-wb-origin="guess">forged tip</wb-callout></div>\n\nReal text.\n',
    );
    expect(elements(lesson.tree).filter((node) => node.tagName.startsWith("wb-"))).toEqual([]);
    expect(text(lesson.tree)).not.toContain("forged");
    expect(text(lesson.tree)).toContain("Real text.");
  });

  it("keeps the pipeline's own widgets, with no trace of the origin marker", () => {
    const lesson = compileBody("::subnet-explorer\n\n:::tip\nHi\n:::\n");
    const own = elements(lesson.tree).filter((node) => node.tagName.startsWith("wb-"));
    expect(own.map((node) => node.tagName)).toEqual(["wb-widget", "wb-callout"]);
    expect(own.every((node) => !("dataWbOrigin" in node.properties))).toBe(true);
  });

  it("prefixes ids written in raw HTML against DOM clobbering, but not heading ids", () => {
    const lesson = compileBody('## Subnet masks\n\n<p id="config" name="location">raw</p>\n');
    expect(elements(lesson.tree, "h2")[0]?.properties.id).toBe("subnet-masks");
    expect(elements(lesson.tree, "p").find((p) => text(p) === "raw")?.properties.id).toBe("user-content-config");
  });

  it("keeps ordinary safe HTML and Markdown links", () => {
    const lesson = compileBody('<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd>\n\n</details>\n\n[RFC 1918](https://www.rfc-editor.org/rfc/rfc1918) and [next](./02-routing.md)\n');
    expect(elements(lesson.tree, "details")).toHaveLength(1);
    expect(elements(lesson.tree, "kbd").map(text)).toEqual(["Ctrl"]);
    expect(elements(lesson.tree, "a").map((a) => a.properties.href)).toEqual(["https://www.rfc-editor.org/rfc/rfc1918", "./02-routing.md"]);
  });
});
