/**
 * Whether bash, given these lines at an interactive prompt, would print the
 * secondary prompt (PS2, "> ") and wait for more instead of running them
 * (bash(1), "PROMPTING"): an open quote or substitution, a trailing `\`, a line
 * ending in `|`, `&&` or `||`, or a here-document still waiting for its
 * delimiter line.
 */
import { lex } from "./lexer";
import { parseLexed } from "./parser";

/** `text`: the lines typed so far, joined by "\n", without the newline of the final Enter. */
export function isIncomplete(text: string): boolean {
  const source = text + "\n";
  const lexed = lex(source);
  const { error } = parseLexed(source, lexed);
  // A syntax error that is not about the input ending is reported at once, as bash does.
  if (error) return error.endOfInput === true;
  if (lexed.continuations[lexed.continuations.length - 1] === source.length - 2) return true;
  return lexed.tokens.some((t) => t.kind === "redirect" && t.heredoc?.warning !== undefined);
}
