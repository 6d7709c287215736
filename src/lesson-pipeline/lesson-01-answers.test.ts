/**
 * Every quiz answer in lesson 1 that can be computed is computed here with
 * the simulator's own address model, so a lesson can never teach a number the
 * explorer beside it contradicts. Both the English and the Korean file are
 * checked: a translation must mark the same choices correct.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { Element } from "hast";
import { compileLesson } from "./compile-lesson";
import { describeSubnet, planBorrow } from "../sim/addr/explorer";
import { must } from "../sim/addr";

interface QuizAnswer {
  correct: string[];
  wrong: string[];
}

const ENGLISH = "lessons/01-ip-addressing/index.md";

function quizzes(file: string): Map<string, QuizAnswer> {
  // A translation inherits the English front matter, as the course build does.
  const base = file === ENGLISH ? undefined : compileLesson(readFileSync(ENGLISH, "utf8"), ENGLISH).meta;
  const lesson = compileLesson(readFileSync(file, "utf8"), file, base ? { base } : {});
  expect(lesson.diagnostics).toEqual([]);
  const found = new Map<string, QuizAnswer>();
  visit(lesson.tree, "element", (node: Element) => {
    if (node.tagName !== "wb-widget" || node.properties.dataName !== "quiz") return;
    const answer: QuizAnswer = { correct: [], wrong: [] };
    visit(node, "element", (choice: Element) => {
      if (choice.tagName !== "wb-quiz-choice") return;
      const text = choice.children.find((c): c is Element => c.type === "element" && c.tagName === "wb-quiz-choice-text");
      (choice.properties.dataCorrect === "true" ? answer.correct : answer.wrong).push(toString(text!).trim());
    });
    found.set(String(node.properties.dataAttrId), answer);
  });
  return found;
}

const facts = (input: string, cloud = false) => must(describeSubnet(input, { cloud }));
const english = quizzes(ENGLISH);

describe("lesson 1 quiz answers agree with the simulator", () => {
  it("mask for a /27", () => {
    expect(english.get("mask-for-slash-27")?.correct).toEqual([facts("10.0.0.0/27").mask]);
  });

  it("usable hosts in a /27", () => {
    expect(english.get("usable-hosts-in-slash-27")?.correct).toEqual([facts("10.0.0.0/27").usableHosts]);
  });

  it("the only RFC 1918 address among the choices", () => {
    const answer = english.get("which-address-is-private")!;
    const isRfc1918 = (address: string) => facts(address).special?.rfc === "RFC 1918";
    expect(answer.correct.filter(isRfc1918)).toEqual(answer.correct);
    expect(answer.wrong.filter(isRfc1918)).toEqual([]);
  });

  it("the /27 that holds 211.168.83.77", () => {
    expect(english.get("subnet-of-211-168-83-77")?.correct).toEqual([facts("211.168.83.77/27").cidr]);
  });

  it("usable addresses in an AWS /24", () => {
    expect(english.get("aws-usable-in-slash-24")?.correct).toEqual([facts("10.0.2.0/24", true).usableHosts]);
  });

  it("bits to borrow for 12 subnets of 10.8.0.0/16", () => {
    const plan = must(planBorrow("10.8.0.0/16", 12));
    expect(english.get("bits-for-12-subnets")?.correct).toEqual([`Borrow ${plan.borrowedBits} bits, making /${plan.newPrefix} subnets`]);
  });

  it("the smallest block for 2000 hosts", () => {
    const smallest = [32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16].find(
      (prefix) => Number(facts(`10.0.0.0/${prefix}`).usableHosts) >= 2000,
    );
    expect(english.get("smallest-block-for-2000-hosts")?.correct).toEqual([`/${smallest}`]);
  });

  it("covers every quiz in the lesson", () => {
    expect([...english.keys()].sort()).toEqual(
      [
        "aws-usable-in-slash-24",
        "bits-for-12-subnets",
        "mask-for-slash-27",
        "smallest-block-for-2000-hosts",
        "subnet-of-211-168-83-77",
        "usable-hosts-in-slash-27",
        "which-address-is-private",
      ],
    );
  });

  it("the Korean lesson marks the same choices correct", () => {
    const korean = quizzes("lessons/01-ip-addressing/index.ko.md");
    expect([...korean.keys()]).toEqual([...english.keys()]);
    for (const [id, answer] of english) {
      const translated = korean.get(id)!;
      expect(translated.correct.length, id).toBe(answer.correct.length);
      // Numbers and addresses are not translated: the correct choices share them.
      const numbers = (texts: string[]) => texts.join(" ").match(/[\d./]+/g);
      expect(numbers(translated.correct), id).toEqual(numbers(answer.correct));
    }
  });
});
