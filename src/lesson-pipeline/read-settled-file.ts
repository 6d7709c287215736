import { readFile } from "node:fs/promises";

/**
 * Reads a file that may be mid-save. Editors (and `fs.writeFileSync`) truncate
 * a file before writing it, so a watcher can fire while it is empty; an
 * empty read is retried briefly before it is believed — the same tactic
 * Vite uses for modules it hot-reloads.
 */
export async function readSettledFile(file: string, attempts = 20, delayMs = 10): Promise<string> {
  let content = await readFile(file, "utf8");
  for (let i = 0; content === "" && i < attempts; i++) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    content = await readFile(file, "utf8");
  }
  return content;
}
