import { describe, expect, it } from "vitest";
import { BODY_FIRST_LINE, compileBody, elements, text } from "../testing";
import { readWidgetAttrsOf } from "./registry";

const L = BODY_FIRST_LINE;

const SCRIPT = `#!hidden ip link add br0 type bridge
ip netns add ns1
ip netns add ns2
echo "a <b> & 'c'"`;

function labBody(attrs: string, body: string): string {
  return `:::lab${attrs}\n${body}\n:::\n`;
}

function codes(body: string) {
  return compileBody(body).diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.severity} ${d.code}`);
}

describe("lab", () => {
  it("compiles to a lab widget carrying the whole script, hidden lines and HTML characters included", () => {
    const lesson = compileBody(labBody('{title="Bridge" height=600 hosts="ns1,ns2"}', "```sh\n" + SCRIPT + "\n```"));
    expect(lesson.diagnostics).toEqual([]);
    const [widget] = elements(lesson.tree, "wb-widget");
    expect(readWidgetAttrsOf("lab", widget?.properties ?? {})).toEqual({ title: "Bridge", height: 600, hosts: "ns1,ns2", id: "lab-1" });
    const code = elements(widget!, "code");
    expect(code.map(text)).toEqual([`${SCRIPT}\n`]);
    expect(code[0]?.properties.className).toEqual(["language-sh"]);
  });

  it("takes the title from a [label], a default height, and numbers labs without an id", () => {
    const one = labBody("[First]", "```lab\nip netns add a\n```");
    const lesson = compileBody(`${one}\n${one}`);
    expect(lesson.diagnostics).toEqual([]);
    const attrs = elements(lesson.tree, "wb-widget").map((widget) => readWidgetAttrsOf("lab", widget.properties));
    expect(attrs).toEqual([
      { title: "First", height: 480, id: "lab-1" },
      { title: "First", height: 480, id: "lab-2" },
    ]);
  });

  it("reports a lab without a script, with two scripts, or with prose beside its script", () => {
    expect(codes(labBody("", "Just words."))).toEqual(["1:1 error lab-no-script", "2:1 error lab-content-outside-script"]);
    expect(codes(labBody("", "```sh\nip netns add a\n```\n\n```sh\nip netns add b\n```"))).toEqual(["6:1 error lab-several-scripts"]);
    expect(codes(labBody("", "```sh\nip netns add a\n```\n\nAfter."))).toEqual(["6:1 error lab-content-outside-script"]);
  });

  it("reports a script in another language, suggesting sh", () => {
    const lesson = compileBody(labBody("", "```python\nprint(1)\n```"));
    expect(lesson.diagnostics.map((d) => [d.line - L + 1, d.column, d.code, d.suggestion])).toEqual([[2, 1, "lab-script-language", "sh"]]);
    // What cannot become a lab still shows its content.
    expect(text(lesson.tree)).toContain("print(1)");
    expect(elements(lesson.tree, "wb-widget")).toEqual([]);
  });

  it("checks height bounds and the hosts list where they are written", () => {
    expect(codes(labBody("{height=100}", "```sh\nip netns add a\n```"))).toEqual(["1:8 error invalid-attribute"]);
    expect(codes(labBody('{hosts="ns1,,ns2"}', "```sh\nip netns add ns1\n```"))).toEqual(["1:8 error invalid-attribute"]);
    expect(codes(labBody('{hosts="ns1,ns/2"}', "```sh\nip netns add ns1\n```"))).toEqual(["1:8 error invalid-attribute"]);
  });

  it("warns about a host tab whose namespace the script never creates", () => {
    const lesson = compileBody(labBody('{hosts="root,ns1,ns3"}', "```sh\n#!hidden ip netns add ns1\n```"));
    expect(lesson.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'warning lab-unknown-host hosts lists "ns3", but the script never runs "ip netns add ns3": its tab would have no namespace behind it',
    ]);
    expect(elements(lesson.tree, "wb-widget")).toHaveLength(1);
  });
});
