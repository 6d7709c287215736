import { describe, expect, it } from "vitest";
import { BODY_FIRST_LINE, compileBody, elements, text } from "../testing";
import type { Diagnostic } from "../types";
import { defineDirective } from "./directive-spec";
import { DIRECTIVES, readCalloutAttrs, readWidgetAttrs, readWidgetAttrsOf } from "./registry";
import { ATTRIBUTE_NAME_PATTERN } from "./attribute-schema";

const L = BODY_FIRST_LINE;

function brief(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ at: `${d.line}:${d.column}`, code: d.code, suggestion: d.suggestion }));
}

describe("directive registry", () => {
  it("has unique names and attribute names that survive as data-attr-* attributes", () => {
    const names = DIRECTIVES.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of DIRECTIVES) {
      expect(spec.description.length).toBeGreaterThan(10);
      if (spec.labelAttribute !== undefined) expect(Object.keys(spec.attributes)).toContain(spec.labelAttribute);
      for (const [key, attribute] of Object.entries(spec.attributes)) {
        expect(key).toMatch(ATTRIBUTE_NAME_PATTERN);
        expect(attribute.description.length).toBeGreaterThan(5);
      }
    }
  });
});

describe("leaf and container directives", () => {
  it("compiles a subnet explorer to a wb-widget whose attributes read back typed, defaults filled in", () => {
    const lesson = compileBody('::subnet-explorer{cidr="192.168.0.0/22" cloud borrow=4 split="192.168.0.0/22, 192.168.0.0/23"}\n\n::subnet-explorer\n');
    expect(lesson.diagnostics).toEqual([]);
    const [first, second] = elements(lesson.tree, "wb-widget");
    expect(first?.properties).toMatchObject({ dataName: "subnet-explorer", dataAttrCidr: "192.168.0.0/22", dataAttrCloud: "true", dataAttrBorrow: "4" });
    expect(readWidgetAttrs(first?.properties ?? {})).toEqual({
      name: "subnet-explorer",
      attrs: { cidr: "192.168.0.0/22", cloud: true, borrow: 4, split: "192.168.0.0/22, 192.168.0.0/23" },
    });
    expect(readWidgetAttrsOf("subnet-explorer", second?.properties ?? {})).toEqual({ cidr: "10.0.0.0/16" });
  });

  it("reads attributes back from React props as hast-util-to-jsx-runtime passes them", () => {
    const attrs = readWidgetAttrsOf("subnet-explorer", { "data-name": "subnet-explorer", "data-attr-cidr": "10.1.0.0/16", "data-attr-cloud": "" });
    expect(attrs).toEqual({ cidr: "10.1.0.0/16", cloud: true });
    expect(readWidgetAttrsOf("quiz", { "data-name": "subnet-explorer" })).toBeNull();
    expect(readWidgetAttrs({ "data-name": "nope" })).toBeNull();
  });

  it("reports an unknown directive with a suggestion, in the list and in place", () => {
    const lesson = compileBody('Before.\n\n::subnet-explorr{cidr="10.0.0.0/8"}\n\nAfter.\n');
    expect(brief(lesson.diagnostics)).toEqual([{ at: `${L + 2}:1`, code: "unknown-directive", suggestion: "subnet-explorer" }]);
    const [marker] = elements(lesson.tree, "wb-diagnostic");
    expect(marker?.properties).toMatchObject({ dataCode: "unknown-directive", dataLine: String(L + 2), dataSuggestion: "subnet-explorer" });
    expect(elements(lesson.tree, "wb-widget")).toEqual([]);
    expect(text(lesson.tree)).toContain("After.");
  });

  it("offers no suggestion for a name nothing resembles", () => {
    const lesson = compileBody("::frobnicate\n");
    expect(brief(lesson.diagnostics)).toEqual([{ at: `${L}:1`, code: "unknown-directive", suggestion: undefined }]);
  });

  it("keeps the body of an unknown container so no prose is lost", () => {
    const lesson = compileBody(":::notee\nKeep this sentence.\n:::\n");
    expect(brief(lesson.diagnostics)).toEqual([{ at: `${L}:1`, code: "unknown-directive", suggestion: "note" }]);
    expect(text(lesson.tree)).toContain("Keep this sentence.");
  });

  it("points unknown and invalid attributes at where they are written, and still builds the widget", () => {
    const lesson = compileBody('::subnet-explorer{cidr="10.0.0.0/8" borow=3 cloud=maybe}\n');
    expect(brief(lesson.diagnostics)).toEqual([
      { at: `${L}:37`, code: "unknown-attribute", suggestion: "borrow" },
      { at: `${L}:45`, code: "invalid-attribute", suggestion: undefined },
    ]);
    expect(lesson.diagnostics[1]?.message).toBe('cloud is a switch: write it alone, or as =true or =false, not "maybe"');
    const [widget] = elements(lesson.tree, "wb-widget");
    expect(readWidgetAttrs(widget?.properties ?? {})).toEqual({ name: "subnet-explorer", attrs: { cidr: "10.0.0.0/8" } });
    expect(elements(lesson.tree, "wb-diagnostic")).toHaveLength(2);
  });

  it("says what is allowed for a bad number and checks addresses with the simulator's parser", () => {
    const lesson = compileBody('::subnet-explorer{cidr="10.0.0.300/8" borrow=1 split="10.0.0.0/9,,"}\n');
    const messages = lesson.diagnostics.map((d) => d.message);
    expect(lesson.diagnostics.every((d) => d.code === "invalid-attribute")).toBe(true);
    expect(messages[0]).toMatch(/^cidr .*300/);
    expect(messages[1]).toBe('borrow expects a whole number ≥ 2, got "1"');
    expect(messages[2]).toMatch(/^split lists CIDR blocks separated by commas/);
    // An invalid cidr falls back to the default rather than breaking the page.
    expect(readWidgetAttrs(elements(lesson.tree, "wb-widget")[0]?.properties ?? {})?.attrs).toEqual({ cidr: "10.0.0.0/16" });
  });

  it("rejects a leaf written as a container and a container written as a leaf", () => {
    const lesson = compileBody(":::subnet-explorer\n:::\n\n::quiz\n");
    expect(brief(lesson.diagnostics)).toEqual([
      { at: `${L}:1`, code: "directive-kind", suggestion: undefined },
      { at: `${L + 3}:1`, code: "directive-kind", suggestion: undefined },
    ]);
    expect(lesson.diagnostics[0]?.message).toContain("::subnet-explorer{…}");
    expect(lesson.diagnostics[1]?.message).toContain(":::quiz");
  });

  it("leaves a directive-looking line inside a code fence as code", () => {
    const lesson = compileBody("```md\n::subnet-explorr{cidr=1}\n:::quiz\n```\n");
    expect(lesson.diagnostics).toEqual([]);
    const [code] = elements(lesson.tree, "code");
    expect(code?.properties.className).toEqual(["language-md"]);
    expect(text(code!)).toBe("::subnet-explorr{cidr=1}\n:::quiz\n");
  });

  it("compiles callouts with their kind and a title from the attribute or the label", () => {
    const lesson = compileBody(':::note\nPlain.\n:::\n\n:::tip{title="Shortcut"}\nUse **ip -br a**.\n:::\n\n:::warning[Careful]\nThis drops traffic.\n:::\n');
    expect(lesson.diagnostics).toEqual([]);
    const callouts = elements(lesson.tree, "wb-callout");
    expect(callouts.map((callout) => readCalloutAttrs(callout.properties))).toEqual([
      { kind: "note" },
      { kind: "tip", title: "Shortcut" },
      { kind: "warning", title: "Careful" },
    ]);
    expect(elements(callouts[1]!, "strong").map(text)).toEqual(["ip -br a"]);
    expect(text(callouts[2]!)).toBe("This drops traffic.");
  });

  it("warns when a directive is given a label it does not use", () => {
    const lesson = compileBody("::subnet-explorer[my explorer]\n");
    expect(lesson.diagnostics.map((d) => [d.code, d.severity])).toEqual([["directive-label", "warning"]]);
    expect(elements(lesson.tree, "wb-widget")).toHaveLength(1);
  });

  it("reports two widgets with the same id", () => {
    const lesson = compileBody('::subnet-explorer{id="lab"}\n\n::subnet-explorer{id="lab"}\n');
    expect(brief(lesson.diagnostics)).toEqual([{ at: `${L + 2}:1`, code: "duplicate-widget-id", suggestion: undefined }]);
    expect(lesson.diagnostics[0]?.message).toContain(`line ${L}`);
  });

  it("enforces required, enum and bounded number attributes of a newly registered widget", () => {
    const lab = defineDirective({
      name: "lab",
      kind: "leaf",
      description: "A test widget with every attribute type.",
      attributes: {
        script: { type: "string", required: true, description: "The lab script." },
        view: { type: "enum", values: ["topology", "terminal"], default: "topology", description: "Which view opens first." },
        speed: { type: "number", min: 0.25, max: 4, description: "Playback speed." },
      },
      build: (context) => context.widget(),
    });
    const lesson = compileBody('::lab{view="terminl" speed=8}\n\n::lab{script="a.lab" speed=0.5}\n', { directives: [lab] });
    expect(brief(lesson.diagnostics)).toEqual([
      { at: `${L}:1`, code: "missing-attribute", suggestion: undefined },
      { at: `${L}:7`, code: "invalid-attribute", suggestion: "terminal" },
      { at: `${L}:22`, code: "invalid-attribute", suggestion: undefined },
    ]);
    expect(lesson.diagnostics[2]?.message).toBe('speed expects a number from 0.25 to 4, got "8"');
    // Without its required script the first lab cannot be built; the second can.
    const widgets = elements(lesson.tree, "wb-widget");
    expect(widgets.map((widget) => widget.properties)).toEqual([{ dataName: "lab", dataAttrScript: "a.lab", dataAttrView: "topology", dataAttrSpeed: "0.5" }]);
  });
});
