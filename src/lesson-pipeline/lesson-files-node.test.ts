import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { besidePathProblem } from "./lesson-files";
import { filesBeside } from "./lesson-files-node";
import { writeTree } from "./testing";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = writeTree(files);
  roots.push(root);
  return root;
}

describe("besidePathProblem", () => {
  it("accepts a file in the lesson's folder or below it", () => {
    for (const ok of ["bridge.lab", "./bridge.lab", "labs/bridge.lab", "labs/../bridge.lab"]) expect(besidePathProblem(ok), ok).toBeNull();
  });

  it("refuses paths that leave the folder, are absolute, use backslashes or name no file", () => {
    expect(besidePathProblem("../other/x.lab")).toMatch(/leads out of the lesson's folder/);
    expect(besidePathProblem("labs/../../x.lab")).toMatch(/leads out/);
    expect(besidePathProblem("/etc/passwd")).toMatch(/is not relative/);
    expect(besidePathProblem("C:/x.lab")).toMatch(/is not relative/);
    expect(besidePathProblem("~/x.lab")).toMatch(/is not relative/);
    expect(besidePathProblem("labs\\x.lab")).toMatch(/backslash/);
    expect(besidePathProblem("labs/..")).toMatch(/names the lesson's folder itself/);
    expect(besidePathProblem(" ")).toMatch(/needs a file name/);
  });
});

describe("filesBeside", () => {
  it("reads files relative to the lesson file and remembers every path asked for, found or not", () => {
    const root = tree({ "lessons/02/index.md": "", "lessons/02/bridge.lab": "ip netns add ns1\n", "lessons/02/labs/a.lab": "a\n" });
    const files = filesBeside(path.join(root, "lessons/02/index.md"));
    expect(files.read("bridge.lab")).toEqual({ ok: true, text: "ip netns add ns1\n" });
    expect(files.read("labs/a.lab")).toEqual({ ok: true, text: "a\n" });
    expect(files.read("nope.lab")).toEqual({ ok: false, reason: "missing" });
    expect(files.read("bridge.lab/x")).toEqual({ ok: false, reason: "missing" });
    expect(files.dependencies).toEqual(["bridge.lab", "labs/a.lab", "nope.lab", "bridge.lab/x"].map((name) => path.join(root, "lessons/02", name)));
  });

  it("refuses a folder, a path out of the lesson's folder, and a symbolic link that points out", () => {
    const root = tree({ "lessons/02/index.md": "", "lessons/01/secret.lab": "secret\n" });
    mkdirSync(path.join(root, "lessons/02/labs"));
    symlinkSync(path.join(root, "lessons/01/secret.lab"), path.join(root, "lessons/02/link.lab"));
    const files = filesBeside(path.join(root, "lessons/02/index.md"));
    expect(files.read("labs")).toEqual({ ok: false, reason: "unreadable", detail: "it is a folder, not a file" });
    expect(files.read("../01/secret.lab")).toEqual({ ok: false, reason: "outside" });
    expect(files.read("link.lab")).toEqual({ ok: false, reason: "outside" });
    expect(files.dependencies).not.toContain(path.join(root, "lessons/01/secret.lab"));
  });
});
