import { describe, expect, it } from "vitest";
import { entryKey, keysMatching, staticClosure } from "./bundle-graph";
import type { Manifest } from "./bundle-graph";

const manifest: Manifest = {
  "index.html": { file: "assets/index.js", isEntry: true, imports: ["_react.js"], dynamicImports: ["lesson.md", "node_modules/mermaid/dist/mermaid.core.mjs"] },
  "_react.js": { file: "assets/react.js" },
  "lesson.md": { file: "assets/lesson.js", isDynamicEntry: true, imports: ["_react.js", "_json.js"] },
  "_json.js": { file: "assets/json.js" },
  "node_modules/mermaid/dist/mermaid.core.mjs": { file: "assets/mermaid.js", isDynamicEntry: true, imports: ["_d3.js"] },
  "_d3.js": { file: "assets/d3.js" },
};

describe("bundle graph", () => {
  it("counts static imports but not dynamic ones as initial", () => {
    expect(staticClosure(manifest, entryKey(manifest)).sort()).toEqual(["_react.js", "index.html"]);
  });

  it("follows a lazily loaded chunk's own static imports", () => {
    expect(staticClosure(manifest, "lesson.md").sort()).toEqual(["_json.js", "_react.js", "lesson.md"]);
  });

  it("finds chunks by source path", () => {
    expect(keysMatching(manifest, "node_modules/mermaid/")).toEqual(["node_modules/mermaid/dist/mermaid.core.mjs"]);
  });
});
