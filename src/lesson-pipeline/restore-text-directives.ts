/**
 * Text directives (`:name[label]{attrs}`) are switched off in lessons, because
 * their syntax is everyday text in a networking course: `10.0.0.1:8080`,
 * `aa:bb:cc:dd:ee:ff`, `12:30:45`, `ns1:eth0` all parse as text directives
 * (micromark-extension-directive accepts names that start with a digit). After
 * parsing we put back exactly the characters the author wrote, sliced from the
 * file by the node's offsets.
 *
 * The same goes for a leaf directive whose name does not start with a letter
 * (a line holding only `::1`, the IPv6 loopback): no widget name looks like
 * that, so it is an address, not a typo.
 */
import type { Paragraph, Root, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

function sourceText(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : source.slice(start, end);
}

export function isWidgetLikeName(name: string): boolean {
  return /^[a-z]/i.test(name);
}

export default function remarkRestoreTextDirectives() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === "textDirective") {
        const text: Text = { type: "text", value: sourceText(source, node) ?? `:${node.name}` };
        if (node.position) text.position = node.position;
        parent.children.splice(index, 1, text);
        return [SKIP, index + 1];
      }
      if (node.type === "leafDirective" && !isWidgetLikeName(node.name)) {
        const text: Text = { type: "text", value: sourceText(source, node) ?? `::${node.name}` };
        const paragraph: Paragraph = { type: "paragraph", children: [text] };
        if (node.position) {
          text.position = node.position;
          paragraph.position = node.position;
        }
        parent.children.splice(index, 1, paragraph);
        return [SKIP, index + 1];
      }
      return undefined;
    });
  };
}
