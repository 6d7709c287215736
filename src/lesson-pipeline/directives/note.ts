import { defineCallout } from "./callout";

/** `:::note` — background worth knowing that the lesson does not depend on. */
export const note = defineCallout("note", "A side note: background or a detail worth knowing.");
