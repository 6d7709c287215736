/**
 * What a "link to this step" carries in the URL: the seed and the commands
 * the reader typed (the lesson already holds the script, so it is left out),
 * as base64url JSON (RFC 4648 §5: no `+`, `/` or `=` to escape in a query).
 */
import type { LabPermalink, TerminalAction } from "../../../sim/shell/exec/lab-session-types";
import type { LabScript } from "./lab-script";

export interface LinkedSession {
  readonly seed: number | string;
  readonly actions: readonly TerminalAction[];
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function isAction(value: unknown): value is TerminalAction {
  if (typeof value !== "object" || value === null) return false;
  const action = value as Record<string, unknown>;
  if (typeof action.host !== "string") return false;
  if (action.budgetMs !== undefined && typeof action.budgetMs !== "number") return false;
  if (action.kind === "run") return typeof action.line === "string";
  return action.kind === "resume" || action.kind === "interrupt";
}

export function encodeSession(permalink: LabPermalink): string {
  return toBase64Url(JSON.stringify({ seed: permalink.seed, actions: permalink.actions }));
}

/** The session a link names, or undefined when the text is not one (a mangled link opens the lab fresh). */
export function decodeSession(text: string): LinkedSession | undefined {
  try {
    const value: unknown = JSON.parse(fromBase64Url(text));
    if (typeof value !== "object" || value === null) return undefined;
    const { seed, actions } = value as Record<string, unknown>;
    if (typeof seed !== "number" && typeof seed !== "string") return undefined;
    if (!Array.isArray(actions) || !actions.every(isAction)) return undefined;
    return { seed, actions };
  } catch {
    return undefined;
  }
}

/** The permalink the simulator reopens: the lesson's script with the linked session's seed and actions. */
export function permalinkFor(lab: LabScript, name: string, session: LinkedSession): LabPermalink {
  return {
    version: 1,
    name,
    seed: session.seed,
    script: lab.script,
    ...(lab.hiddenSetup !== "" ? { hiddenSetup: lab.hiddenSetup } : {}),
    actions: session.actions,
  };
}
