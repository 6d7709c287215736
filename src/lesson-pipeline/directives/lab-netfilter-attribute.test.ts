import { describe, expect, it } from "vitest";
import { BODY_FIRST_LINE, compileBody, elements } from "../testing";
import { readWidgetAttrsOf } from "./registry";

const L = BODY_FIRST_LINE;

const ROUTER = "```sh\nip netns add a\nip netns add r1\nip netns exec r1 iptables -A FORWARD -p icmp -j DROP\n```";

function lab(attrs: string, body = ROUTER): string {
  return `:::lab${attrs}\n${body}\n:::\n`;
}

function diagnostics(body: string) {
  return compileBody(body).diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

describe('lab netfilter="HOST"', () => {
  it("carries the host whose netfilter path the lab draws to the widget", () => {
    const lesson = compileBody(lab('{netfilter="r1"}'));
    expect(lesson.diagnostics).toEqual([]);
    const [widget] = elements(lesson.tree, "wb-widget");
    expect(readWidgetAttrsOf("lab", widget?.properties ?? {})).toMatchObject({ netfilter: "r1" });
  });

  it("takes root, the machine itself, without a namespace", () => {
    expect(compileBody(lab('{netfilter="root"}')).diagnostics).toEqual([]);
  });

  it("refuses anything but one host name, where the attribute is written", () => {
    const [list] = diagnostics(lab('{title="NAT" netfilter="r1,a"}'));
    expect(list).toMatch(/^1:20 error invalid-attribute .*"r1,a" is not one host/);
    expect(diagnostics(lab('{netfilter="r/1"}'))).toEqual([expect.stringMatching(/^1:8 error invalid-attribute /)]);
    expect(diagnostics(lab('{netfilter=""}'))).toEqual([expect.stringMatching(/^1:8 error invalid-attribute /)]);
  });

  it("warns when the script never creates the namespace it names", () => {
    expect(diagnostics(lab('{netfilter="r2"}'))).toEqual([
      expect.stringMatching(/warning lab-unknown-host netfilter names "r2", but the script never runs "ip netns add r2"/),
    ]);
  });
});
