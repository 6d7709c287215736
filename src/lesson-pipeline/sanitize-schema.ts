/**
 * What may survive in a lesson tree: GitHub's sanitisation schema
 * (hast-util-sanitize's defaultSchema), extended only with the elements the
 * pipeline emits and their data attributes.
 *
 * Telling our elements from forged ones: lesson Markdown may contain raw HTML,
 * and raw `<wb-widget data-name="quiz">` must not become a widget. Our
 * elements carry `data-wb-origin` set to a random value chosen for each
 * compile; the schema allows that attribute only with that exact value, and
 * drop-forged-elements.ts then removes every `wb-*` element without it and
 * strips the marker from ours. Raw HTML cannot know the value in advance.
 *
 * Ids: the default schema prefixes `id` and `name` with `user-content-`
 * against DOM clobbering (an element id becoming a `window` property). Raw
 * HTML ids keep that prefix. Heading ids are not prefixed: rehype-slug runs
 * after sanitising, and github-slugger ids contain only lowercase letters,
 * digits, `-` and `_`, so the TOC, deep links (`#subnet-masks`) and the
 * heading ids agree without the UI translating them. in-page-links.ts makes
 * `#fn-1`-style links reach prefixed targets.
 */
import { defaultSchema, type Schema } from "hast-util-sanitize";
import type { DirectiveSpec } from "./directives/directive-spec";
import { widgetAttributeProperties } from "./directives/registry";
import {
  CALLOUT_ELEMENT,
  DIAGNOSTIC_ELEMENT,
  QUIZ_CHOICE_ELEMENT,
  QUIZ_CHOICE_TEXT_ELEMENT,
  QUIZ_EXPLANATION_ELEMENT,
  QUIZ_QUESTION_ELEMENT,
  WIDGET_ELEMENT,
} from "./tree-elements";

export const ORIGIN_PROPERTY = "dataWbOrigin";

/**
 * Elements whose content is not prose: removed with their content rather than
 * unwrapped (the default unwraps unknown elements, which would print a
 * `<style>` sheet's CSS as text).
 */
const STRIP_WITH_CONTENT = ["script", "style", "iframe", "noscript", "template", "object", "embed"];

type AttributeList = NonNullable<NonNullable<Schema["attributes"]>[string]>;

export function createSanitizeSchema(originMarker: string, directives?: readonly DirectiveSpec[]): Schema {
  const origin: AttributeList[number] = [ORIGIN_PROPERTY, originMarker];
  const attributes: Record<string, AttributeList> = {
    ...defaultSchema.attributes,
    [WIDGET_ELEMENT]: ["dataName", ...widgetAttributeProperties(directives), origin],
    [QUIZ_QUESTION_ELEMENT]: [origin],
    [QUIZ_CHOICE_ELEMENT]: [["dataCorrect", "true", "false"], origin],
    [QUIZ_CHOICE_TEXT_ELEMENT]: [origin],
    [QUIZ_EXPLANATION_ELEMENT]: [origin],
    [CALLOUT_ELEMENT]: ["dataKind", "dataTitle", origin],
    [DIAGNOSTIC_ELEMENT]: ["dataCode", ["dataSeverity", "error", "warning"], "dataLine", "dataColumn", "dataSuggestion", origin],
  };
  return {
    ...defaultSchema,
    tagNames: [
      ...(defaultSchema.tagNames ?? []),
      WIDGET_ELEMENT,
      QUIZ_QUESTION_ELEMENT,
      QUIZ_CHOICE_ELEMENT,
      QUIZ_CHOICE_TEXT_ELEMENT,
      QUIZ_EXPLANATION_ELEMENT,
      CALLOUT_ELEMENT,
      DIAGNOSTIC_ELEMENT,
    ],
    attributes,
    strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIP_WITH_CONTENT])],
  };
}
