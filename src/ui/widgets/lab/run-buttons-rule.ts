/**
 * Which code blocks on a lesson page a lab can run, and where. The one rule:
 * a code block whose first line is `# host: NAME` holds commands for the
 * terminal on NAME (`root` or a namespace); every other line that is not
 * blank or a `#` comment is one command (a trailing `\` joins the next line,
 * as in the lab script). The block belongs to the nearest lab before it on
 * the page, or to the first lab when no lab comes before it. The lesson
 * pipeline is untouched: the lab finds its blocks in the rendered page.
 */

export interface RunnableBlock {
  /** The terminal tab the commands go to. */
  readonly host: string;
  /** One line each, as typed at the prompt. */
  readonly commands: readonly string[];
}

/** The first line that marks a block as commands for a host: `# host: ns1`. */
const HOST_LINE = /^#\s*host:\s*([A-Za-z0-9_.-]+)\s*$/;

/** The block's host and commands, or null when its first line names no host. */
export function runnableBlock(text: string): RunnableBlock | null {
  const [first = "", ...rest] = text.replace(/\r\n/g, "\n").split("\n");
  const match = HOST_LINE.exec(first.trim());
  if (!match?.[1]) return null;
  const commands: string[] = [];
  let pending = "";
  for (const raw of rest) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    commands.push(`${pending}${line}`.trim());
    pending = "";
  }
  if (pending.trim() !== "") commands.push(pending.trim());
  return commands.length > 0 ? { host: match[1], commands } : null;
}

/** The accessible name of a block's Run button: what runs, and where. */
export function runButtonName(block: RunnableBlock): string {
  const more = block.commands.length > 1 ? ` (and ${block.commands.length - 1} more)` : "";
  return `Run in ${block.host}: ${block.commands[0]}${more}`;
}

/** Marks a lab's root element, so labs on one page can tell whose blocks are whose. */
export const LAB_ATTRIBUTE = "data-lab";

/** `node` comes after `other` in document order. */
function follows(node: Node, other: Node): boolean {
  return (other.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The lab a block belongs to: the last lab before it, else the first lab on the page. */
export function ownerOf(block: Element, labs: readonly Element[]): Element | undefined {
  let owner: Element | undefined;
  for (const lab of labs) if (follows(block, lab) && !lab.contains(block)) owner = lab;
  return owner ?? labs[0];
}

/** The `<code>` elements of runnable blocks in `scope` that belong to `lab`, with what they run. */
export function blocksOwnedBy(lab: Element, scope: ParentNode): { code: HTMLElement; block: RunnableBlock }[] {
  const labs = Array.from(scope.querySelectorAll(`[${LAB_ATTRIBUTE}]`));
  const owned: { code: HTMLElement; block: RunnableBlock }[] = [];
  for (const code of Array.from(scope.querySelectorAll<HTMLElement>("pre > code"))) {
    if (code.closest(`[${LAB_ATTRIBUTE}]`)) continue;
    const block = runnableBlock(code.textContent ?? "");
    if (block && ownerOf(code, labs) === lab) owned.push({ code, block });
  }
  return owned;
}
