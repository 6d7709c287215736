/**
 * Helpers for the pipeline's tests: a valid lesson around a body, and queries
 * over a hast tree. Not used by the pipeline itself.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Element, Nodes, Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { compileLesson, type CompileOptions } from "./compile-lesson";
import type { CompiledLesson } from "./types";

/** Seven lines of valid front matter; the body starts on line 11. */
export const VALID_FRONT_MATTER = `---
title: Test lesson
slug: test-lesson
order: 1
summary: A lesson used by the tests.
objectives: [Read an address, Split a block, Explain a mask]
prerequisites: []
minutes: 10
---
`;

/** The file line where a body passed to `lessonSource` starts. */
export const BODY_FIRST_LINE = 11;

export function lessonSource(body: string): string {
  return `${VALID_FRONT_MATTER}\n${body}`;
}

export function compileBody(body: string, options: CompileOptions = {}): CompiledLesson {
  return compileLesson(lessonSource(body), "lessons/test-lesson.md", options);
}

export function elements(tree: Nodes | Root, tagName?: string): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node) => {
    if (tagName === undefined || node.tagName === tagName) found.push(node);
  });
  return found;
}

export function text(tree: Nodes | Root): string {
  return hastToString(tree);
}

/** A front matter block with sensible values, overridden per test; `undefined` leaves a field out. */
export function frontMatter(fields: Record<string, unknown> = {}): string {
  const defaults: Record<string, unknown> = {
    title: "A lesson",
    slug: "a-lesson",
    order: 1,
    summary: "One sentence.",
    objectives: ["Do one thing", "Do another", "Do a third"],
    prerequisites: [],
    minutes: 20,
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Writes files (path → content) under a fresh temporary directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "wirebook-lessons-"));
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}
