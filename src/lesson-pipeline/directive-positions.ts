/**
 * remark-directive parses directives but does not ask mdast-util-directive for
 * its `verbose` positions (where each attribute is written). Registering the
 * same from-markdown extension again with `verbose: true` replaces its
 * handlers, so diagnostics can point at `borow=4` rather than at the `::`.
 */
import type { Processor } from "unified";
import { directiveFromMarkdown } from "mdast-util-directive";

export default function remarkDirectivePositions(this: Processor): void {
  const data = this.data();
  const extensions = data.fromMarkdownExtensions ?? (data.fromMarkdownExtensions = []);
  extensions.push(directiveFromMarkdown({ verbose: true }));
}
