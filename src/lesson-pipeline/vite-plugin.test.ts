import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, createLogger, createServer, type Rolldown, type ViteDevServer } from "vite";
import { frontMatter, writeTree } from "./testing";
import type { CompiledLesson, LessonIndexEntry } from "./types";
import { wirebookLessons } from "./vite-plugin";

type LessonsModule = {
  lessonIndex: LessonIndexEntry[];
  loadLesson(slug: string, locale: string): Promise<CompiledLesson>;
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function course(files: Record<string, string>): string {
  const root = writeTree(files);
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

const COURSE = {
  "lessons/01-ip/index.md": `${frontMatter({ title: "IP addresses", slug: "ip", order: 1 })}\nEnglish body about subnets.\n`,
  "lessons/01-ip/index.ko.md": `---\ntitle: IP 주소\n---\n한국어 본문.\n`,
  "lessons/02-broken.md": `${frontMatter({ title: "Broken", slug: "broken", order: 2 })}\n::subnet-explorr\n\nStill readable.\n`,
};

async function devServer(root: string): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: "silent",
    appType: "custom",
    server: { middlewareMode: true, ws: false },
    plugins: [wirebookLessons({ dirs: ["lessons"] })],
  });
  cleanups.push(() => server.close());
  return server;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for the dev server");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("wirebookLessons in the dev server", () => {
  it("serves the index and loads each lesson by slug and locale, falling back to English", async () => {
    const root = course(COURSE);
    const server = await devServer(root);
    const lessons = (await server.ssrLoadModule("virtual:wirebook/lessons")) as LessonsModule;

    expect(lessons.lessonIndex.map((entry) => [entry.slug, entry.title, entry.locales])).toEqual([
      ["ip", "IP addresses", ["en", "ko"]],
      ["broken", "Broken", ["en"]],
    ]);
    const korean = await lessons.loadLesson("ip", "ko");
    expect([korean.locale, korean.meta.title, korean.meta.slug]).toEqual(["ko", "IP 주소", "ip"]);
    expect(JSON.stringify(korean.tree)).toContain("한국어 본문.");
    expect((await lessons.loadLesson("ip", "fr")).locale).toBe("en");
    expect((await lessons.loadLesson("ip", "ko-KR")).locale).toBe("ko");
    await expect(lessons.loadLesson("nope", "en")).rejects.toThrow(/No lesson with slug "nope"/);
  });

  it("serves a broken lesson with its diagnostics instead of failing", async () => {
    const root = course(COURSE);
    const server = await devServer(root);
    const lessons = (await server.ssrLoadModule("virtual:wirebook/lessons")) as LessonsModule;
    const broken = await lessons.loadLesson("broken", "en");
    expect(broken.diagnostics.map((d) => [d.code, d.suggestion])).toEqual([["unknown-directive", "subnet-explorer"]]);
    expect(JSON.stringify(broken.tree)).toContain("Still readable.");
  });

  it("updates the index when a lesson is added or its title changes", async () => {
    const root = course(COURSE);
    const server = await devServer(root);
    const titles = async () => ((await server.ssrLoadModule("virtual:wirebook/lessons")) as LessonsModule).lessonIndex.map((entry) => entry.title);
    expect(await titles()).toEqual(["IP addresses", "Broken"]);

    writeFileSync(path.join(root, "lessons/03-nat.md"), `${frontMatter({ title: "NAT", slug: "nat", order: 3 })}\nBody.\n`);
    await waitFor(async () => ((await titles()).includes("NAT") ? true : undefined));

    const english = path.join(root, "lessons/01-ip/index.md");
    writeFileSync(english, readFileSync(english, "utf8").replace('"IP addresses"', '"IPv4 addresses"'));
    expect(await waitFor(async () => ((await titles())[0] === "IPv4 addresses" ? titles() : undefined))).toEqual(["IPv4 addresses", "Broken", "NAT"]);
  });
});

describe("wirebookLessons and files beside a lesson", () => {
  const LAB_COURSE = {
    "lessons/01-lab/index.md": `${frontMatter({ title: "Lab", slug: "lab", order: 1 })}\n::lab{src="bridge.lab" id="arp"}\n\n::lab{src="later.lab" id="later"}\n`,
    "lessons/01-lab/index.ko.md": `---\ntitle: 랩\n---\n::lab{src="bridge.lab" id="arp"}\n`,
    "lessons/01-lab/bridge.lab": "ip netns add ns1\n",
  };

  it("reloads every lesson file that reads a lab script when the script is edited or created", async () => {
    const root = course(LAB_COURSE);
    const server = await devServer(root);
    const load = async (locale: string) => ((await server.ssrLoadModule("virtual:wirebook/lessons")) as LessonsModule).loadLesson("lab", locale);
    const english = await load("en");
    expect(JSON.stringify(english.tree)).toContain("ip netns add ns1");
    expect(english.diagnostics.map((d) => [d.line, d.code])).toEqual([[13, "lab-src-missing"]]);
    expect(JSON.stringify((await load("ko")).tree)).toContain("ip netns add ns1");

    writeFileSync(path.join(root, "lessons/01-lab/bridge.lab"), "ip netns add ns2\n");
    for (const locale of ["en", "ko"]) {
      await waitFor(async () => (JSON.stringify((await load(locale)).tree).includes("ip netns add ns2") ? true : undefined));
    }

    writeFileSync(path.join(root, "lessons/01-lab/later.lab"), "ip netns add r1\n");
    const fixed = await waitFor(async () => {
      const lesson = await load("en");
      return lesson.diagnostics.length === 0 ? lesson : undefined;
    });
    expect(JSON.stringify(fixed.tree)).toContain("ip netns add r1");
  });
});

describe("wirebookLessons for the browser", () => {
  it("serves lesson modules at URLs the browser can fetch, and shows a broken lesson in the error overlay", async () => {
    const root = course(COURSE);
    const server = await devServer(root);
    const sent: unknown[] = [];
    server.ws.send = ((payload: unknown) => void sent.push(payload)) as typeof server.ws.send;

    const index = await server.transformRequest("virtual:wirebook/lessons");
    const urls = [...(index?.code ?? "").matchAll(/import\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(urls).toHaveLength(3);
    const modules = await Promise.all(urls.map((url) => server.transformRequest(url)));
    expect(modules.map((module) => /English body|한국어 본문|Still readable/.test(module?.code ?? ""))).toEqual([true, true, true]);
    expect(modules.every((module) => module?.code.includes("import.meta.hot.accept"))).toBe(true);

    expect(sent).toEqual([
      {
        type: "error",
        err: expect.objectContaining({
          plugin: "wirebook-lessons",
          id: path.join(root, "lessons/02-broken.md"),
          loc: { file: path.join(root, "lessons/02-broken.md"), line: 11, column: 1 },
          message: expect.stringContaining('unknown directive "subnet-explorr"'),
          frame: expect.stringContaining("> 11 | ::subnet-explorr"),
        }),
      },
    ]);
  });
});

describe("wirebookLessons in a build", () => {
  it("puts each lesson file in its own chunk, warns about lesson problems and still builds", async () => {
    const root = course({
      ...COURSE,
      "index.html": '<!doctype html><script type="module" src="/main.js"></script>',
      "main.js": 'import { lessonIndex, loadLesson } from "virtual:wirebook/lessons";\nconsole.log(lessonIndex.length, loadLesson);\n',
    });
    const warnings: string[] = [];
    const logger = createLogger("silent");
    logger.warn = (message) => void warnings.push(message);
    const result = await build({
      configFile: false,
      root,
      logLevel: "warn",
      customLogger: logger,
      build: { write: false },
      plugins: [wirebookLessons({ dirs: ["lessons"] })],
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === "chunk");
    const holding = (needle: string) => chunks.filter((chunk) => chunk.code.includes(needle)).map((chunk) => chunk.fileName);

    expect(holding("English body about subnets.")).toHaveLength(1);
    expect(holding("한국어 본문.")).toHaveLength(1);
    expect(holding("Still readable.")).toHaveLength(1);
    expect(new Set([...holding("English body"), ...holding("한국어 본문"), ...holding("Still readable")]).size).toBe(3);
    // The entry (the home page) carries the index but no lesson body.
    const entry = chunks.find((chunk) => chunk.isEntry)!;
    expect(entry.code).toContain("IP addresses");
    expect(entry.code).not.toContain("English body about subnets.");

    expect(warnings.join("\n")).toContain('lessons/02-broken.md:11:1: error: unknown directive "subnet-explorr" (did you mean "subnet-explorer"?) [unknown-directive]');
  }, 60_000);
});
