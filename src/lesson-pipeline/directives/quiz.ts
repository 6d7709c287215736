/**
 * `:::quiz` — a multiple-choice question. The body is the question (any
 * Markdown) followed by one GFM task list: `- [x]` marks a correct choice,
 * `- [ ]` a wrong one, and every choice carries its explanation as a block
 * after a blank line inside the item, because COURSE-STYLE.md asks for an
 * explanation of every answer, right or wrong.
 *
 *     :::quiz{id="class-of-172"}
 *     Which class does 172.16.5.4 belong to?
 *
 *     - [ ] Class A
 *
 *       Class A addresses start with a 0 bit: first octet 0–127.
 *     - [x] Class B
 *
 *       Its first octet, 172, lies in 128–191: the first two bits are 10.
 *     :::
 */
import type { ListItem, Nodes as MdastNodes, Paragraph } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { QUIZ_CHOICE_ELEMENT, QUIZ_CHOICE_TEXT_ELEMENT, QUIZ_EXPLANATION_ELEMENT, QUIZ_QUESTION_ELEMENT } from "../tree-elements";
import { defineDirective, type BuildContext, type DirectiveBody } from "./directive-spec";
import type { AttributeSchema } from "./attribute-schema";

interface Choice {
  correct: boolean;
  text: Paragraph | null;
  explanation: ListItem["children"];
}

function isTaskList(node: MdastNodes): boolean {
  return node.type === "list" && node.children.some((item) => typeof item.checked === "boolean");
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}

function readChoice<A extends AttributeSchema>(item: ListItem, context: BuildContext<A>): Choice | null {
  if (typeof item.checked !== "boolean") {
    context.report(
      { code: "quiz-choice-not-task", message: 'every choice starts with "[ ]" (a wrong answer) or "[x]" (a right one)' },
      item,
    );
    return null;
  }
  const [first, ...rest] = item.children;
  const text = first?.type === "paragraph" ? first : null;
  const explanation = text ? rest : item.children;
  if (!text) {
    context.report({ code: "quiz-choice-text", message: "a choice starts with its answer as a line of text" }, item);
  } else if (explanation.length === 0) {
    const written = mdastToString(text);
    const lazy = written.includes("\n");
    context.report(
      {
        code: "quiz-choice-without-explanation",
        message: lazy
          ? `choice "${shorten(written)}" has no explanation: leave a blank line between the answer and its explanation`
          : `choice "${shorten(written)}" has no explanation: add one as an indented paragraph after a blank line`,
      },
      item,
    );
  }
  return { correct: item.checked, text, explanation };
}

function buildChoice<A extends AttributeSchema>(choice: Choice, context: BuildContext<A>) {
  return context.element(QUIZ_CHOICE_ELEMENT, { dataCorrect: String(choice.correct) }, [
    context.element(QUIZ_CHOICE_TEXT_ELEMENT, {}, choice.text ? context.toHast(choice.text.children) : []),
    context.element(QUIZ_EXPLANATION_ELEMENT, {}, context.toHast(choice.explanation)),
  ]);
}

function splitBody(body: DirectiveBody) {
  const listIndex = body.findIndex(isTaskList);
  if (listIndex < 0) return null;
  const list = body[listIndex];
  return {
    question: body.slice(0, listIndex),
    items: list?.type === "list" ? list.children : [],
    list,
    after: body.slice(listIndex + 1),
  };
}

export const quiz = defineDirective({
  name: "quiz",
  kind: "container",
  description:
    "A multiple-choice question: the question as Markdown, then one task list of choices (- [x] right, - [ ] wrong), each with an explanation after a blank line.",
  attributes: {
    id: {
      type: "string",
      description: 'A stable name for saving the student\'s answer; defaults to "quiz-N" for the N-th quiz in the lesson.',
    },
  },
  build: (context) => {
    const parts = splitBody(context.body);
    if (!parts) {
      context.report({
        code: "quiz-no-choices",
        message: 'a quiz needs its choices as a task list: "- [x] right answer" and "- [ ] wrong answer", each with an explanation',
      });
      return null;
    }
    if (parts.question.length === 0) {
      context.report({ code: "quiz-no-question", message: "a quiz starts with its question, above the list of choices" });
    }
    const [firstAfter] = parts.after;
    if (firstAfter) {
      context.report(
        {
          code: "quiz-content-after-choices",
          message: "a quiz ends with its one list of choices: move this above the list, or below the closing :::",
        },
        firstAfter,
      );
    }
    const choices = parts.items.map((item) => readChoice(item, context)).filter((choice): choice is Choice => choice !== null);
    let usable = true;
    if (choices.length < 2) {
      context.report({ code: "quiz-too-few-choices", message: `a quiz offers at least 2 choices, this one has ${choices.length}` }, parts.list);
      usable = false;
    }
    if (!choices.some((choice) => choice.correct)) {
      context.report({ code: "quiz-no-correct-choice", message: 'no choice is marked correct: mark the right answers "- [x]"' }, parts.list);
      usable = false;
    }
    if (!usable) return null;
    return context.widget(
      [context.element(QUIZ_QUESTION_ELEMENT, {}, context.toHast(parts.question)), ...choices.map((choice) => buildChoice(choice, context))],
      { id: context.attrs.id ?? `quiz-${context.ordinal}` },
    );
  },
});
