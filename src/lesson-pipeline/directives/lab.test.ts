import { describe, expect, it } from "vitest";
import { readCheckLine } from "../../sim/shell/exec/lab-session-check";
import type { LabShell } from "../lab-shell";
import type { LessonFiles } from "../lesson-files";
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

/** Files beside the lesson, in memory. */
function filesOf(files: Record<string, string>): LessonFiles {
  return { read: (relative) => (Object.hasOwn(files, relative) ? { ok: true, text: files[relative]! } : { ok: false, reason: "missing" }) };
}

const SIM_SHELL: LabShell = { readCheckLine };

describe("lab with src", () => {
  it("reads the script from a file beside the lesson into exactly the tree the inline form makes", () => {
    const files = filesOf({ "bridge.lab": `${SCRIPT}\n` });
    const leaf = compileBody('::lab{src="bridge.lab" title="Bridge" id="arp" hosts="ns1,ns2"}\n', { files });
    const inline = compileBody(labBody('{title="Bridge" id="arp" hosts="ns1,ns2"}', "```sh\n" + SCRIPT + "\n```"));
    expect(leaf.diagnostics).toEqual([]);
    expect(leaf.tree).toEqual(inline.tree);
    // The file name is the pipeline's business only: the widget never sees it.
    expect(JSON.stringify(leaf.tree)).not.toContain("bridge.lab");
  });

  it("takes Windows line ends in the file as the same script", () => {
    const crlf = compileBody('::lab{src="a.lab"}\n', { files: filesOf({ "a.lab": "ip netns add a\r\nip netns add b\r\n" }) });
    const lf = compileBody('::lab{src="a.lab"}\n', { files: filesOf({ "a.lab": "ip netns add a\nip netns add b" }) });
    expect(crlf.tree).toEqual(lf.tree);
  });

  it("reports a missing, unreadable or empty file at the directive", () => {
    const at = (body: string, files: LessonFiles) =>
      compileBody(body, { files }).diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.code} ${d.message}`);
    expect(at('::lab{src="nope.lab"}\n', filesOf({}))).toEqual([
      '1:1 lab-src-missing src "nope.lab" does not exist beside the lesson: create it, or fix the name (paths are relative to the lesson file)',
    ]);
    expect(at('Text.\n\n::lab{src="dir"}\n', { read: () => ({ ok: false, reason: "unreadable", detail: "it is a folder, not a file" }) })).toEqual([
      '3:1 lab-src-unreadable src "dir" cannot be read: it is a folder, not a file',
    ]);
    expect(at('::lab{src="empty.lab"}\n', filesOf({ "empty.lab": "\n\n" }))).toEqual(['1:1 lab-no-script the lab script in "empty.lab" is empty: write one command a line']);
    // A lesson compiled from a string alone has no folder to read from.
    expect(codes('::lab{src="bridge.lab"}\n')).toEqual(["1:1 error lab-src-unavailable"]);
  });

  it("refuses a path out of the lesson's folder where src is written, without reading anything", () => {
    const asked: string[] = [];
    const files: LessonFiles = { read: (relative) => (asked.push(relative), { ok: false, reason: "missing" }) };
    for (const src of ["../01-ip-addressing/secret.lab", "/etc/passwd", "labs\\bridge.lab", "labs/../../x.lab", "."]) {
      const lesson = compileBody(`::lab{title="T" src="${src}"}\n`, { files });
      expect(lesson.diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.code}`), src).toEqual(["1:17 invalid-attribute"]);
    }
    expect(asked).toEqual([]);
  });

  it("asks for src or a body in the one-line form, and not both a file and an inline script", () => {
    expect(codes('::lab{title="No script"}\n')).toEqual(["1:1 error lab-no-script"]);
    const both = compileBody(labBody('{src="bridge.lab"}', "```sh\nip netns add a\n```"), { files: filesOf({ "bridge.lab": SCRIPT }) });
    expect(both.diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.code}`)).toEqual(["2:1 lab-script-twice"]);
  });
});

describe("lab with a check block", () => {
  const CHECK = "ip netns exec ns1 ip route get 10.0.2.2   # ns1 has no route yet\nip netns exec ns1 ping -c 1 -W 1 10.0.2.2   # no reply yet";

  it("carries the check after the script, as a second code block", () => {
    const lesson = compileBody(labBody("", "```sh\nip netns add ns1\n```\n\n```check\n" + CHECK + "\n```"), { labShell: SIM_SHELL });
    expect(lesson.diagnostics).toEqual([]);
    const code = elements(elements(lesson.tree, "wb-widget")[0]!, "code");
    expect(code.map((c) => [c.properties.className, text(c)])).toEqual([
      [["language-sh"], "ip netns add ns1\n"],
      [["language-check"], `${CHECK}\n`],
    ]);
  });

  it("takes the script from src and the check from the body, so translations share one script", () => {
    const files = filesOf({ "challenge.lab": "ip netns add ns1\n" });
    const fromFile = compileBody(labBody('{src="challenge.lab"}', "```check\n" + CHECK + "\n```"), { files, labShell: SIM_SHELL });
    const inline = compileBody(labBody("", "```sh\nip netns add ns1\n```\n```check\n" + CHECK + "\n```"), { labShell: SIM_SHELL });
    expect(fromFile.diagnostics).toEqual([]);
    expect(fromFile.tree).toEqual(inline.tree);
  });

  it("points at a check line bash would refuse, and leaves the check out of the lab", () => {
    const body = labBody("", "```sh\nip netns add ns1\n```\n\n```check\nip netns exec ns1 ip -br addr   # fine\nip route |   # broken\n```");
    const lesson = compileBody(body, { labShell: SIM_SHELL });
    expect(lesson.diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      "8:1 error lab-check-syntax this check line would not run: syntax error: unexpected end of file",
    ]);
    expect(elements(lesson.tree, "code").map((c) => c.properties.className)).toEqual([["language-sh"]]);
  });

  it("warns about a check line without a message, and reports an empty check or two of them", () => {
    const lesson = compileBody(labBody("", "```sh\nip netns add ns1\n```\n```check\n\nip netns exec ns1 ip -br addr\n```"), { labShell: SIM_SHELL });
    expect(lesson.diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.severity} ${d.code}`)).toEqual(["7:1 warning lab-check-no-message"]);
    // Without the simulator's reader, only an empty block is caught.
    expect(codes(labBody("", "```sh\nip netns add ns1\n```\n```check\n# just a note\n```"))).toEqual(["5:1 error lab-check-empty"]);
    expect(codes(labBody("", "```sh\nip netns add ns1\n```\n```check\ntrue # a\n```\n```check\ntrue # b\n```"))).toEqual(["8:1 error lab-several-checks"]);
  });
});
