import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileScannedFile, findScannedFile, scanLessons } from "./scan-lessons";
import { frontMatter, writeTree } from "./testing";
import type { Diagnostic } from "./types";

const roots: string[] = [];
function course(files: Record<string, string>): string {
  const root = writeTree(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function brief(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}${d.suggestion ? ` (${d.suggestion})` : ""}`);
}

describe("scanning the lesson folders", () => {
  it("finds file and folder lessons with their translations, in course order, skipping non-lessons", () => {
    const root = course({
      "lessons/README.md": "# How to write a lesson\n",
      "lessons/02-routing.md": frontMatter({ title: "Routing", slug: "routing", order: 2, prerequisites: ["ip-addressing"] }),
      "lessons/01-ip-addressing/index.md": frontMatter({ title: "IP addressing", slug: "ip-addressing", order: 1 }),
      "lessons/01-ip-addressing/index.ko.md": frontMatter({ title: "IP 주소", slug: undefined, order: undefined }),
      "lessons/01-ip-addressing/notes.md": "not a lesson",
      "lessons/01-ip-addressing/lab.lab": "ip link",
      "lessons/_drafts/index.md": "a draft",
    });
    const scan = scanLessons(root, ["lessons"]);
    expect(scan.courseDiagnostics).toEqual([]);
    expect(scan.index.map((entry) => [entry.slug, entry.order, entry.title, entry.file, entry.locales])).toEqual([
      ["ip-addressing", 1, "IP addressing", "lessons/01-ip-addressing/index.md", ["en", "ko"]],
      ["routing", 2, "Routing", "lessons/02-routing.md", ["en"]],
    ]);
    expect(scan.index.every((entry) => entry.diagnostics.length === 0)).toBe(true);
  });

  it("lets a translation inherit what it omits, and keeps its own title", () => {
    const root = course({
      "lessons/nat/index.md": frontMatter({ title: "NAT", slug: "nat", summary: "Rewriting addresses.", minutes: 40 }),
      "lessons/nat/index.ko.md": `${frontMatter({ title: "NAT (한국어)", slug: undefined, order: undefined, summary: undefined, objectives: undefined, prerequisites: undefined, minutes: undefined })}본문.\n`,
    });
    const scan = scanLessons(root, ["lessons"]);
    const found = findScannedFile(scan, path.join(root, "lessons/nat/index.ko.md"));
    expect(found?.ref.locale).toBe("ko");
    const korean = compileScannedFile(scan, found!.lesson, found!.ref);
    expect(korean.diagnostics).toEqual([]);
    expect(korean.locale).toBe("ko");
    expect(korean.meta).toMatchObject({ title: "NAT (한국어)", slug: "nat", summary: "Rewriting addresses.", minutes: 40 });
  });

  it("reports a translation that moves the lesson to another slug or order", () => {
    const root = course({
      "lessons/nat.md": frontMatter({ slug: "nat", order: 5 }),
      "lessons/nat.ko.md": "---\nslug: nat-ko\norder: 6\n---\n",
    });
    const scan = scanLessons(root, ["lessons"]);
    const found = findScannedFile(scan, path.join(root, "lessons/nat.ko.md"))!;
    const korean = compileScannedFile(scan, found.lesson, found.ref);
    expect(brief(korean.diagnostics)).toEqual(["lessons/nat.ko.md:2:7 translation-mismatch (nat)", "lessons/nat.ko.md:3:8 translation-mismatch (5)"]);
    expect(korean.meta).toMatchObject({ slug: "nat", order: 5 });
  });

  it("reports a translation with no English lesson beside it", () => {
    const root = course({ "lessons/dns/index.ko.md": frontMatter({ slug: "dns" }) });
    const scan = scanLessons(root, ["lessons"]);
    expect(brief(scan.index[0]?.diagnostics ?? [])).toEqual(["lessons/dns/index.ko.md:1:1 translation-without-base"]);
  });

  it("reports a slug or an order used twice, and lists only the first lesson under a slug", () => {
    const root = course({
      "lessons/a.md": frontMatter({ slug: "same", order: 1 }),
      "lessons/b.md": frontMatter({ slug: "same", order: 2 }),
      "lessons/c.md": frontMatter({ slug: "other", order: 2 }),
    });
    const scan = scanLessons(root, ["lessons"]);
    expect(brief(scan.courseDiagnostics)).toEqual(["lessons/b.md:3:7 duplicate-slug", "lessons/c.md:4:8 duplicate-order"]);
    expect(scan.index.map((entry) => entry.file)).toEqual(["lessons/a.md", "lessons/c.md"]);
    expect(scan.lessons).toHaveLength(3);
    expect(scan.courseDiagnostics[0]?.message).toContain("lessons/a.md");
  });

  it("checks prerequisites exist, suggesting the closest slug, and do not go in circles", () => {
    const root = course({
      "lessons/a.md": frontMatter({ slug: "ip-addressing", order: 1, prerequisites: ["routing"] }),
      "lessons/b.md": frontMatter({ slug: "routing", order: 2, prerequisites: ["ip-adressing", "ip-addressing"] }),
      "lessons/c.md": frontMatter({ slug: "firewalls", order: 3, prerequisites: ["firewalls"] }),
    });
    const scan = scanLessons(root, ["lessons"]);
    expect(brief(scan.courseDiagnostics)).toEqual([
      "lessons/a.md:7:17 prerequisite-order",
      "lessons/b.md:7:17 unknown-prerequisite (ip-addressing)",
      // Reported at the item that closes the circle.
      "lessons/b.md:7:32 prerequisite-cycle",
      "lessons/c.md:7:17 prerequisite-self",
    ]);
    expect(scan.courseDiagnostics.find((d) => d.code === "prerequisite-cycle")?.message).toContain("ip-addressing → routing → ip-addressing");
  });

  it("lists a lesson with broken front matter under its file name, with the reasons", () => {
    const root = course({
      "lessons/01-good.md": frontMatter({ slug: "good", order: 1 }),
      "lessons/09-broken/index.md": "---\ntitle: [oops\n---\nBody\n",
    });
    const scan = scanLessons(root, ["lessons"]);
    const broken = scan.index.find((entry) => entry.file === "lessons/09-broken/index.md");
    expect(broken).toMatchObject({ title: "09-broken", slug: "09-broken" });
    expect(broken?.diagnostics.map((d) => d.code)).toContain("front-matter-syntax");
    expect(scan.index.map((entry) => entry.slug)).toEqual(["good", "09-broken"]);
  });

  it("reads front matter exactly as the full compile does, positions included", () => {
    const source = "---\ntitle: 42\nslug: Bad Slug\norder: 1\nsummary: S.\nobjectives: [a]\nminutes: 10\n---\n\n---\n\nA thematic break above, not a fence.\n";
    const root = course({ "lessons/x.md": source });
    const scan = scanLessons(root, ["lessons"]);
    const [lesson] = scan.lessons;
    const compiled = compileScannedFile(scan, lesson!, lesson!.files[0]!);
    expect(brief(lesson!.entry.diagnostics)).toEqual(brief(compiled.diagnostics));
    expect(brief(compiled.diagnostics)).toEqual([
      "lessons/x.md:2:8 front-matter-type",
      "lessons/x.md:3:7 front-matter-slug (bad-slug)",
      "lessons/x.md:6:13 front-matter-objectives",
    ]);
  });

  it("reports a lesson folder that does not exist", () => {
    const root = course({ "lessons/a.md": frontMatter() });
    const scan = scanLessons(root, ["lessons", "extra-lessons"]);
    expect(brief(scan.courseDiagnostics)).toEqual(["extra-lessons:1:1 lesson-dir-missing"]);
    expect(scan.index).toHaveLength(1);
  });
});
