/**
 * The elements the pipeline puts into a lesson tree beyond plain HTML: the
 * contract between the pipeline and the UI, which maps each `wb-*` tag to a
 * React component (hast-util-to-jsx-runtime `components`).
 *
 *   wb-widget           data-name, data-attr-* (see directives/registry.ts)
 *     wb-quiz-question    the question, any Markdown
 *     wb-quiz-choice      data-correct="true" | "false"
 *       wb-quiz-choice-text
 *       wb-quiz-explanation
 *   wb-callout          data-kind (note | tip | warning), data-title (optional)
 *   wb-mermaid          text child: the diagram source (rendered lazily by the UI)
 *   wb-diagnostic       data-code, data-severity, data-line, data-column,
 *                       data-suggestion; text child: the message. It stands
 *                       where a directive could not be compiled, so the
 *                       problem shows in place; the same problem is also in
 *                       CompiledLesson.diagnostics.
 *
 * Values are strings in the tree (HTML attributes); `readWidgetAttrs` turns a
 * widget's attributes back into typed values.
 */

export const WIDGET_ELEMENT = "wb-widget";
export const QUIZ_QUESTION_ELEMENT = "wb-quiz-question";
export const QUIZ_CHOICE_ELEMENT = "wb-quiz-choice";
export const QUIZ_CHOICE_TEXT_ELEMENT = "wb-quiz-choice-text";
export const QUIZ_EXPLANATION_ELEMENT = "wb-quiz-explanation";
export const CALLOUT_ELEMENT = "wb-callout";
export const MERMAID_ELEMENT = "wb-mermaid";
export const DIAGNOSTIC_ELEMENT = "wb-diagnostic";

/** Every `wb-*` element a lesson tree may contain. */
export const WB_ELEMENTS = [
  WIDGET_ELEMENT,
  QUIZ_QUESTION_ELEMENT,
  QUIZ_CHOICE_ELEMENT,
  QUIZ_CHOICE_TEXT_ELEMENT,
  QUIZ_EXPLANATION_ELEMENT,
  CALLOUT_ELEMENT,
  MERMAID_ELEMENT,
  DIAGNOSTIC_ELEMENT,
] as const;

export type WbElementName = (typeof WB_ELEMENTS)[number];

/** HTML attribute holding a widget attribute: `cidr` → `data-attr-cidr`. */
export function widgetAttributeName(name: string): string {
  return `data-attr-${name}`;
}

/**
 * The hast property name of a `data-*` attribute, as hast (property-information)
 * spells it: `data-attr-cidr` → `dataAttrCidr`.
 */
export function dataPropertyName(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `cidr` → `dataAttrCidr`. */
export function widgetAttributeProperty(name: string): string {
  return dataPropertyName(widgetAttributeName(name));
}
