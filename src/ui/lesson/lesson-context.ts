import { createContext, useContext } from "react";

/** Which lesson a widget sits in, so quizzes can save progress under it. Null in embeds. */
export const LessonSlugContext = createContext<string | null>(null);

export function useLessonSlug(): string | null {
  return useContext(LessonSlugContext);
}
