import { defineCallout } from "./callout";

/** `:::tip` — a shortcut or habit that makes the task easier. */
export const tip = defineCallout("tip", "A tip: a shortcut, a habit or a tool that makes the task easier.");
