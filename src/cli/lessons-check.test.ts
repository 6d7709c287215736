import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { frontMatter, writeTree } from "../lesson-pipeline/testing";
import { runLessonsCheck } from "./lessons-check";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function check(files: Record<string, string>, args: string[] = []) {
  const root = writeTree(files);
  roots.push(root);
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await runLessonsCheck(args, io, root);
  return { code, stdout, stderr, lines: stdout.trimEnd().split("\n") };
}

describe("lessons:check", () => {
  it("prints every problem as file:line:column with its code, then a summary, and exits 1", async () => {
    const result = await check({
      "lessons/01-broken/index.md": `${frontMatter({ slug: "broken", order: 1, minutes: 0 })}\nText.\n\n::subnet-explorr{cidr="10.0.0.0/8"}\n\n::subnet-explorer{borow=4}\n`,
      "lessons/02-fine.md": frontMatter({ slug: "fine", order: 2 }),
    });
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      "lessons/01-broken/index.md:8:10: error: \"minutes\" must be a positive whole number, got 0 [front-matter-range]",
      'lessons/01-broken/index.md:13:1: error: unknown directive "subnet-explorr" (did you mean "subnet-explorer"?) [unknown-directive]',
      'lessons/01-broken/index.md:15:19: error: "subnet-explorer" has no attribute "borow"; it takes cidr, cloud, borrow, split, id (did you mean "borrow"?) [unknown-attribute]',
      "Checked 2 lessons (2 files): 3 errors, 0 warnings.",
    ]);
    expect(result.stderr).toBe("");
  });

  it("exits 0 with a clean summary when every lesson is fine, and counts translations as files", async () => {
    const result = await check({
      "lessons/a/index.md": frontMatter({ slug: "a", order: 1 }),
      "lessons/a/index.ko.md": "---\ntitle: 가\n---\n본문\n",
    });
    expect(result).toMatchObject({ code: 0, lines: ["Checked 1 lesson (2 files): no problems."] });
  });

  it("exits 0 on warnings alone", async () => {
    const result = await check({ "lessons/a.md": `${frontMatter()}\n::subnet-explorer[unused label]\n` });
    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toBe("Checked 1 lesson (1 file): 0 errors, 1 warning.");
    expect(result.lines[0]).toMatch(/^lessons\/a\.md:\d+:1: warning: .* \[directive-label\]$/);
  });

  it("checks the folders given as arguments instead of lessons/", async () => {
    const result = await check(
      { "lessons/a.md": "no front matter", "fixtures/b.md": frontMatter({ slug: "b" }) },
      ["fixtures"],
    );
    expect(result).toMatchObject({ code: 0, lines: ["Checked 1 lesson (1 file): no problems."] });
  });

  it("fails when a lesson folder is missing", async () => {
    const result = await check({ "README.md": "" }, ["nowhere"]);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toBe("nowhere:1:1: error: lesson folder nowhere does not exist [lesson-dir-missing]");
  });

  it("rejects unknown options on stderr", async () => {
    const result = await check({}, ["--fix"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown option "--fix"');
  });
});

describe("lessons:check on labs", () => {
  it("reads a lab's src beside the lesson and parses each check line with the simulator's shell, pointing at the line", async () => {
    const lab = ':::lab{src="bridge.lab"}\n```check\nip netns exec ns1 ip -br addr   # ns1 is there\nip route |   # broken\n```\n:::\n';
    const result = await check({
      "lessons/02-lab/index.md": `${frontMatter({ slug: "lab", order: 1 })}\n${lab}\n::lab{src="../elsewhere.lab"}\n\n::lab{src="gone.lab"}\n`,
      "lessons/02-lab/bridge.lab": "ip netns add ns1\n",
    });
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      "lessons/02-lab/index.md:14:1: error: this check line would not run: syntax error: unexpected end of file [lab-check-syntax]",
      `lessons/02-lab/index.md:18:7: error: src "../elsewhere.lab" leads out of the lesson's folder: keep the file beside the lesson [invalid-attribute]`,
      'lessons/02-lab/index.md:20:1: error: src "gone.lab" does not exist beside the lesson: create it, or fix the name (paths are relative to the lesson file) [lab-src-missing]',
      "Checked 1 lesson (1 file): 3 errors, 0 warnings.",
    ]);
  });
});
