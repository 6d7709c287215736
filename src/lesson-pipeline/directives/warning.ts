import { defineCallout } from "./callout";

/** `:::warning` — something that breaks connectivity, security or data if done wrong. */
export const warning = defineCallout("warning", "A warning: a mistake that breaks connectivity or security, and how to avoid it.");
