import { describe, expect, it } from "vitest";
import { BODY_FIRST_LINE, compileBody, elements, text } from "../testing";
import { readWidgetAttrsOf } from "./registry";

const L = BODY_FIRST_LINE;

const CLASS_QUIZ = `:::quiz{id="class-of-172"}
Which class does \`172.16.5.4\` belong to?

- [ ] Class A

  Class A addresses start with a 0 bit: first octet 0–127.
- [x] Class B

  Its first octet, 172, lies in 128–191: the first two bits are 10.
- [ ] Class C

  Class C starts at 192.
:::
`;

function codes(body: string) {
  return compileBody(body).diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.code}`);
}

describe("quiz", () => {
  it("compiles the question and each choice with its correctness and explanation", () => {
    const lesson = compileBody(CLASS_QUIZ);
    expect(lesson.diagnostics).toEqual([]);
    const [quiz] = elements(lesson.tree, "wb-widget");
    expect(readWidgetAttrsOf("quiz", quiz?.properties ?? {})).toEqual({ id: "class-of-172" });
    const question = elements(quiz!, "wb-quiz-question");
    expect(question.map(text)).toEqual(["Which class does 172.16.5.4 belong to?"]);
    expect(elements(question[0]!, "code").map(text)).toEqual(["172.16.5.4"]);
    const choices = elements(quiz!, "wb-quiz-choice");
    expect(
      choices.map((choice) => ({
        correct: choice.properties.dataCorrect,
        text: text(elements(choice, "wb-quiz-choice-text")[0]!),
        explanation: text(elements(choice, "wb-quiz-explanation")[0]!),
      })),
    ).toEqual([
      { correct: "false", text: "Class A", explanation: "Class A addresses start with a 0 bit: first octet 0–127." },
      { correct: "true", text: "Class B", explanation: "Its first octet, 172, lies in 128–191: the first two bits are 10." },
      { correct: "false", text: "Class C", explanation: "Class C starts at 192." },
    ]);
    // The answers are data for the widget, not checkboxes a reader could see ticked.
    expect(elements(quiz!, "input")).toEqual([]);
  });

  it("numbers quizzes without an id by their position in the lesson", () => {
    const untitled = CLASS_QUIZ.replace('{id="class-of-172"}', "");
    const lesson = compileBody(`${untitled}\n${untitled}`);
    const ids = elements(lesson.tree, "wb-widget").map((quiz) => readWidgetAttrsOf("quiz", quiz.properties)?.id);
    expect(ids).toEqual(["quiz-1", "quiz-2"]);
  });

  it("reports a quiz without a task list of choices", () => {
    expect(codes(":::quiz\nWhat is a subnet?\n\n- A\n- B\n:::\n")).toEqual(["1:1 quiz-no-choices"]);
  });

  it("reports fewer than two choices and no correct choice", () => {
    expect(codes(":::quiz\nPick one.\n\n- [ ] Only\n\n  Because.\n:::\n")).toEqual(["4:1 quiz-too-few-choices", "4:1 quiz-no-correct-choice"]);
  });

  it("reports a choice without an explanation, also when the blank line was forgotten", () => {
    const lesson = compileBody(":::quiz\nPick.\n\n- [x] Right\n\n  Why it is right.\n- [ ] Wrong\n- [ ] Also wrong\n  Lazy line, not an explanation.\n:::\n");
    expect(lesson.diagnostics.map((d) => `${d.line - L + 1}:${d.column} ${d.code}`)).toEqual([
      "7:1 quiz-choice-without-explanation",
      "8:1 quiz-choice-without-explanation",
    ]);
    expect(lesson.diagnostics[0]?.message).toContain('"Wrong"');
    expect(lesson.diagnostics[1]?.message).toContain("leave a blank line");
    // Still usable: the widget renders, the problems show in place above it.
    expect(elements(lesson.tree, "wb-quiz-choice")).toHaveLength(3);
    expect(elements(lesson.tree, "wb-diagnostic")).toHaveLength(2);
  });

  it("reports a missing question, plain items among the choices and content after the list", () => {
    expect(codes(":::quiz\n- [x] A\n\n  Yes.\n- B\n- [ ] C\n\n  No.\n\nTrailing text.\n:::\n")).toEqual([
      "1:1 quiz-no-question",
      "5:1 quiz-choice-not-task",
      "10:1 quiz-content-after-choices",
    ]);
  });

  it("shows an unusable quiz's body as plain content beside its diagnostics", () => {
    const lesson = compileBody(":::quiz\nWhat is a subnet?\n:::\n");
    expect(elements(lesson.tree, "wb-widget")).toEqual([]);
    expect(text(lesson.tree)).toContain("What is a subnet?");
    expect(elements(lesson.tree, "wb-diagnostic")[0]?.properties.dataCode).toBe("quiz-no-choices");
  });
});
