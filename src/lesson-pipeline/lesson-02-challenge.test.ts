/**
 * Lesson 2's labs as the reader gets them: the scripts shared through
 * bridge.lab and challenge.lab reach both translations unchanged, and the
 * challenge's check — run by the simulator exactly as the widget runs it —
 * fails on the lab as it opens, names what is missing first, and passes with
 * the lesson's own solution.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { LabSession } from "../sim/shell/exec/lab-session";
import { readCheckLine } from "../sim/shell/exec/lab-session-check";
import { checkLessons } from "./check-lessons";
import { HIDDEN_LINE_PREFIX } from "./directives/lab";
import { elements } from "./testing";
import type { CompiledLesson } from "./types";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const check = checkLessons(repoRoot, ["lessons"], { labShell: { readCheckLine } });
const LESSON_DIR = "lessons/02-routing-arp-namespaces";

function compiled(locale: string): CompiledLesson {
  const file = `${LESSON_DIR}/${locale === "en" ? "index.md" : `index.${locale}.md`}`;
  return check.compiled.find((lesson) => lesson.file === file)!;
}

function lab(lesson: CompiledLesson, id: string): Element {
  return elements(lesson.tree, "wb-widget").find((widget) => widget.properties.dataName === "lab" && widget.properties.dataAttrId === id)!;
}

function code(widget: Element, language: string): string | undefined {
  const found = elements(widget, "code").find((node) => (node.properties.className as string[] | undefined)?.includes(`language-${language}`));
  return found && toString(found);
}

/** Opens a lab as the widget does: the `#!hidden ` lines first, unseen. */
function open(widget: Element): LabSession {
  const lines = code(widget, "sh")!.replace(/\n$/, "").split("\n");
  const hidden = lines.filter((line) => line.startsWith(HIDDEN_LINE_PREFIX)).map((line) => line.slice(HIDDEN_LINE_PREFIX.length));
  return LabSession.create({ script: lines.filter((line) => !line.startsWith(HIDDEN_LINE_PREFIX)).join("\n"), hiddenSetup: hidden.join("\n") });
}

/** The solution's `# host: NAME` blocks after the challenge lab, in order. */
function solution(lesson: CompiledLesson): Array<[string, string]> {
  const details = elements(lesson.tree, "details").at(-1)!;
  return elements(details, "code").flatMap((node) => {
    const [first = "", ...rest] = toString(node).trim().split("\n");
    const host = /^# host: (\S+)$/.exec(first)?.[1];
    return host ? rest.map((line): [string, string] => [host, line]) : [];
  });
}

describe("lesson 2's labs", () => {
  it("compile without problems in both languages", () => {
    for (const locale of ["en", "ko"]) expect(compiled(locale).diagnostics, locale).toEqual([]);
  });

  it("give both translations the same scripts, and the same check commands in their own words", () => {
    // Comments are translated; commands are not.
    const commandsOf = (script: string | undefined) => script?.split("\n").filter((line) => !/^#(?!!hidden )/.test(line));
    for (const id of ["arp", "router", "build-bridge", "host-to-namespace", "challenge"]) {
      expect(commandsOf(code(lab(compiled("ko"), id), "sh")), id).toEqual(commandsOf(code(lab(compiled("en"), id), "sh")));
    }
    const commands = (locale: string) => code(lab(compiled(locale), "challenge"), "check")!.split("\n").map((line) => line.split("#")[0]!.trim());
    expect(commands("ko")).toEqual(commands("en"));
    expect(code(lab(compiled("ko"), "challenge"), "check")).not.toBe(code(lab(compiled("en"), "challenge"), "check"));
  });

  for (const locale of ["en", "ko"]) {
    it(`(${locale}) check the challenge: the first missing fix is named, and the lesson's solution passes`, () => {
      const lesson = compiled(locale);
      const widget = lab(lesson, "challenge");
      const checkText = code(widget, "check")!;
      const session = open(widget);
      const first = session.check(checkText);
      expect(first.passed).toBe(false);
      expect(first.lines.find((line) => line.exit !== 0)?.message).toMatch(/10\.0\.2\.2/);

      const fixes = solution(lesson);
      expect(fixes.map(([host]) => host)).toEqual(["ns1", "r1", "ns2"]);
      const failing: Array<string | null | undefined> = [];
      for (const [host, line] of fixes) {
        session.runCommand(host, line);
        const result = session.check(checkText);
        failing.push(result.passed ? null : result.lines.find((l) => l.exit !== 0)?.message);
      }
      // Each fix moves the student on to the next message, and the last one solves it.
      expect(new Set(failing).size).toBe(3);
      expect(failing.at(-1)).toBeNull();
    });
  }
});
