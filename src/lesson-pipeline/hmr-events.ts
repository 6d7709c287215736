/**
 * Browser events the generated lesson modules dispatch when Vite hot-replaces
 * them, so an open lesson re-renders in place while an instructor edits it.
 * `detail` is the new CompiledLesson (lesson event) or LessonIndexEntry[] (index event).
 */
export const LESSON_UPDATED_EVENT = "wirebook:lesson-updated";
export const LESSON_INDEX_UPDATED_EVENT = "wirebook:lesson-index-updated";
/** The virtual module the Vite plugin serves: `lessonIndex` and `loadLesson(slug, locale)`. */
export const LESSONS_VIRTUAL_MODULE = "virtual:wirebook/lessons";
