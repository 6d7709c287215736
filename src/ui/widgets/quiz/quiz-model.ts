/**
 * Reads a compiled `:::quiz` (hast from the lesson pipeline) into the parts
 * the quiz widget renders, and grades an answer.
 */
import type { Element, ElementContent } from "hast";

export interface QuizChoice {
  correct: boolean;
  text: ElementContent[];
  explanation: ElementContent[];
}

export interface QuizModel {
  question: ElementContent[];
  choices: QuizChoice[];
  /** More than one correct choice: checkboxes, and every correct one must be picked. */
  multiple: boolean;
}

const isElement = (node: ElementContent, tag: string): node is Element =>
  node.type === "element" && node.tagName === tag;

const hasTag = (node: Element, tag: string) => node.tagName === tag;

export function readQuiz(widget: Element): QuizModel {
  const question: ElementContent[] = [];
  const choices: QuizChoice[] = [];
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      if (hasTag(node, "wb-quiz-question")) question.push(...node.children);
      else if (hasTag(node, "wb-quiz-choice")) choices.push(readChoice(node));
      else visit(node.children);
    }
  };
  visit(widget.children);
  return { question, choices, multiple: choices.filter((c) => c.correct).length > 1 };
}

function readChoice(node: Element): QuizChoice {
  const part = (tag: string) => node.children.filter((c): c is Element => isElement(c, tag)).flatMap((c) => c.children);
  const flag = node.properties.dataCorrect;
  return { correct: flag === "true" || flag === true, text: part("wb-quiz-choice-text"), explanation: part("wb-quiz-explanation") };
}

/** Right when the selection is exactly the set of correct choices. */
export function gradeQuiz(model: QuizModel, selected: readonly number[]): boolean {
  const picked = new Set(selected);
  return model.choices.every((choice, i) => choice.correct === picked.has(i));
}
